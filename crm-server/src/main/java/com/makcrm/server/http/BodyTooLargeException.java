package com.makcrm.server.http;

import java.io.IOException;

/** Reading a request body went past the limit; an IOException so that body readers pass it on as a read failure. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
    }
}
