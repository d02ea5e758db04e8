package com.makcrm.server.problem;

/**
 * {@code WWW-Authenticate} values of 401 answers (RFC 6750 §3). Descriptions are fixed texts: a library's error
 * message never reaches a header.
 */
public final class BearerChallenge {

    public static final String MISSING = "Bearer realm=\"makcrm\"";
    public static final String INVALID_TOKEN = "Bearer realm=\"makcrm\", error=\"invalid_token\","
            + " error_description=\"The access token or API key is invalid, expired or revoked\"";
    public static final String INVALID_CREDENTIALS = "Bearer realm=\"makcrm\"";

    private BearerChallenge() {}
}
