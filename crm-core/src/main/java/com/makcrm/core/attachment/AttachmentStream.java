package com.makcrm.core.attachment;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * An attachment's content being downloaded, streamed from object storage, with its description. Reading to the end
 * fails with an {@link java.io.IOException} if the content does not match the size and SHA-256 recorded at upload.
 * Close it to release the file or connection.
 */
public final class AttachmentStream extends FilterInputStream {

    private final Attachment attachment;

    AttachmentStream(Attachment attachment, InputStream content) {
        super(Objects.requireNonNull(content, "content"));
        this.attachment = Objects.requireNonNull(attachment, "attachment");
    }

    public Attachment attachment() {
        return attachment;
    }
}
