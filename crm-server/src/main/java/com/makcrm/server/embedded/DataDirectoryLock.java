package com.makcrm.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One server per data directory: two servers on one PostgreSQL data directory would fight over it, and the
 * orphan clean-up in {@link Postmasters} is only safe when nobody else can be using the directory. The operating
 * system drops the lock when the process dies, so a killed server never leaves it behind.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve("server.lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new EmbeddedDatabaseException(dataDir + " is in use by another MaK-CRM server; stop that one, or"
                        + " give this one its own data directory (CRM_DATA_DIR)");
            }
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another server in this JVM
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + channel, e);
        }
    }
}
