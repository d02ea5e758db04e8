package com.makcrm.server.http;

import com.makcrm.core.i18n.ProblemMessages;
import java.io.IOException;
import java.util.Map;

/** Reading a request body went past the limit; an IOException so that body readers pass it on as a read failure. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super(ProblemMessages.BODY_TOO_LARGE.english(Map.of("limit", String.valueOf(limit))));
        this.limit = limit;
    }

    /** The largest body accepted, in bytes. */
    public long limit() {
        return limit;
    }

    /** The arguments of {@link ProblemMessages#BODY_TOO_LARGE}. */
    public Map<String, Object> messageArgs() {
        return Map.of("limit", String.valueOf(limit));
    }
}
