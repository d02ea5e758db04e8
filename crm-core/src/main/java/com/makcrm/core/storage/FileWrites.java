package com.makcrm.core.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

final class FileWrites {

    private FileWrites() {}

    static void writeFully(FileChannel out, byte[] bytes) throws IOException {
        writeFully(out, bytes, bytes.length);
    }

    static void writeFully(FileChannel out, byte[] bytes, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
