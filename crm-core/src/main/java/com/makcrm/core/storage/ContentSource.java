package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.StorageMessages;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads the caller's content. Its failures (a client that disconnects mid-upload, a broken pipe from a dump) are
 * told apart from the store's own, because the fix lies with whoever supplied the stream.
 */
final class ContentSource {

    private final String key;
    private final InputStream in;
    private long bytesRead;

    ContentSource(String key, InputStream in) {
        this.key = key;
        this.in = in;
    }

    /** Fills {@code buffer[0, length)} unless the stream ends first; returns the bytes read, 0 at the end. */
    int fill(byte[] buffer, int length) {
        try {
            int n = in.readNBytes(buffer, 0, length);
            bytesRead += n;
            return n;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The next bytes, up to {@code max}; memory grows with what the stream yields, not with {@code max}. */
    byte[] readUpTo(int max) {
        try {
            byte[] bytes = in.readNBytes(max);
            bytesRead += bytes.length;
            return bytes;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private CrmException failed(IOException e) {
        Map<String, String> args = Map.of(
                "key",
                ObjectKeys.printable(key),
                "bytes",
                String.valueOf(bytesRead),
                "reason",
                String.valueOf(e.getMessage()));
        return new CrmException(ErrorCategory.INVALID, StorageMessages.CONTENT_READ_FAILED.english(args), e)
                .withMessage(StorageMessages.CONTENT_READ_FAILED, args);
    }
}
