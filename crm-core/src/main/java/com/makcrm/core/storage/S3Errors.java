package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns the SDK's exceptions into CrmExceptions whose messages name the endpoint, bucket and key involved. */
final class S3Errors {

    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;
    private static final int SERVER_ERROR = 500;
    private static final String NO_SUCH_BUCKET = "NoSuchBucket";

    private final S3Settings settings;

    S3Errors(S3Settings settings) {
        this.settings = settings;
    }

    /**
     * @param action what we were doing, as a verb phrase: "read", "store", "list"
     * @param what the object or prefix, as callers name it
     */
    CrmException map(SdkException e, String action, String what) {
        String target = what + " in S3 bucket '" + settings.bucket() + "' at " + settings.describeEndpoint();
        if (e instanceof AwsServiceException service) {
            return mapService(service, action, target);
        }
        if (causedByIo(e)) {
            return CrmException.unavailable(
                    "S3 endpoint " + settings.describeEndpoint() + " cannot be reached to " + action + " " + what
                            + " in bucket '" + settings.bucket() + "' (after " + settings.maxAttempts()
                            + " attempts): " + e.getMessage(),
                    e);
        }
        return CrmException.internal("cannot " + action + " " + target + ": " + e.getMessage(), e);
    }

    /** A 404 about the object rather than the bucket; HEAD responses carry no error code, so 404 alone counts. */
    static boolean isMissingObject(SdkException e) {
        return e instanceof AwsServiceException service
                && service.statusCode() == NOT_FOUND
                && !NO_SUCH_BUCKET.equals(errorCode(service));
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static CrmException mapService(AwsServiceException e, String action, String target) {
        String code = errorCode(e);
        String detail = " (HTTP " + e.statusCode() + (code == null ? "" : " " + code) + ")";
        if (e.statusCode() == NOT_FOUND) {
            String missing = NO_SUCH_BUCKET.equals(code) ? "the bucket does not exist" : "not found";
            return new CrmException(ErrorCategory.NOT_FOUND, "cannot " + action + " " + target + ": " + missing, e);
        }
        if (e.statusCode() == FORBIDDEN) {
            return new CrmException(
                    ErrorCategory.FORBIDDEN,
                    "S3 refused to " + action + " " + target + detail + ": " + e.getMessage(),
                    e);
        }
        // still failing after the SDK's retries: the store is down or overloaded, not our request wrong
        if (e.statusCode() >= SERVER_ERROR || e.isThrottlingException()) {
            return CrmException.unavailable("S3 could not " + action + " " + target + detail, e);
        }
        return CrmException.internal("cannot " + action + " " + target + detail + ": " + e.getMessage(), e);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
