package com.makcrm.server.platform;

import java.util.Map;

/**
 * The response to a request with an {@code Idempotency-Key}, kept to answer its retries.
 *
 * @param status the HTTP status
 * @param headers the headers a replay repeats (Content-Type, Location, ETag)
 * @param body the body, or {@code null} when it was larger than the limit and not kept
 */
record StoredResponse(int status, Map<String, String> headers, byte[] body) {

    StoredResponse {
        headers = Map.copyOf(headers);
    }

    boolean bodyKept() {
        return body != null;
    }
}
