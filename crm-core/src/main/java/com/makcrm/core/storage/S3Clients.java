package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.StorageMessages;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the SDK client {@link S3Settings} describe. */
final class S3Clients {

    private S3Clients() {}

    static S3Client create(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials(settings))
                // named, so another HTTP client on an application's class path cannot make the SDK's choice ambiguous
                .httpClientBuilder(Apache5HttpClient.builder())
                // the SDK's standard strategy: exponential backoff with jitter on 5xx, throttling and I/O errors
                .overrideConfiguration(o -> o.retryStrategy(retry -> retry.maxAttempts(settings.maxAttempts())));
        checksums(builder, settings.checksumWhenRequired());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
            builder.region(Region.of(settings.region() == null ? S3Settings.DEFAULT_REGION : settings.region()));
        } else if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        }
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw CrmException.invalid(
                    StorageMessages.S3_CLIENT_SETUP,
                    Map.of(
                            "endpoint",
                            String.valueOf(settings.describeEndpoint()),
                            "reason",
                            String.valueOf(e.getMessage())));
        }
    }

    private static void checksums(S3ClientBuilder builder, boolean onlyWhenRequired) {
        builder.requestChecksumCalculation(
                onlyWhenRequired
                        ? RequestChecksumCalculation.WHEN_REQUIRED
                        : RequestChecksumCalculation.WHEN_SUPPORTED);
        builder.responseChecksumValidation(
                onlyWhenRequired
                        ? ResponseChecksumValidation.WHEN_REQUIRED
                        : ResponseChecksumValidation.WHEN_SUPPORTED);
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }
}
