package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.StorageMessages;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The objects under a prefix, in key order, reading one directory at a time as the caller advances, so a listing of
 * a large tree starts at once and holds in memory only the entries of the directories on the current path.
 *
 * <p>Key order falls out of sorting each directory by entry name, with {@code /} appended to directories: every key
 * below a directory starts with that string.
 */
final class FileWalk implements Iterator<ObjectSummary> {

    private record Entry(String key, boolean directory, long size, Instant lastModified) {}

    private final FileLayout layout;
    private final String prefix;
    private final Deque<Iterator<Entry>> open = new ArrayDeque<>();
    private ObjectSummary next;

    FileWalk(FileLayout layout, String prefix) {
        this.layout = layout;
        this.prefix = prefix;
        open.push(entries(layout.directoryOf(prefix)));
    }

    @Override
    public boolean hasNext() {
        while (next == null && !open.isEmpty()) {
            Iterator<Entry> current = open.peek();
            if (current.hasNext()) {
                visit(current.next());
            } else {
                open.pop();
            }
        }
        return next != null;
    }

    @Override
    public ObjectSummary next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ObjectSummary result = next;
        next = null;
        return result;
    }

    private void visit(Entry entry) {
        if (!entry.directory()) {
            if (entry.key().startsWith(prefix)) {
                next = new ObjectSummary(entry.key(), entry.size(), entry.lastModified());
            }
        } else if (entry.key().startsWith(prefix) || prefix.startsWith(entry.key())) {
            open.push(entries(layout.root().resolve(entry.key())));
        }
    }

    private Iterator<Entry> entries(Path directory) {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                if (!FileLayout.isReserved(child)) {
                    entry(child).ifPresent(entries::add);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return entries.iterator(); // nothing stored under this prefix, or it vanished meanwhile
        } catch (IOException e) {
            Map<String, String> args =
                    Map.of("directory", String.valueOf(directory), "reason", String.valueOf(e.getMessage()));
            throw new CrmException(ErrorCategory.UNAVAILABLE, StorageMessages.LIST_FAILED.english(args), e)
                    .withMessage(StorageMessages.LIST_FAILED, args);
        }
        entries.sort(Comparator.comparing(Entry::key, KeyOrder.CODE_POINTS));
        return entries.iterator();
    }

    // links are not followed: a link loop would never end, and a link out of the root is not ours to list
    private Optional<Entry> entry(Path child) throws IOException {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String key = layout.keyOf(child);
            if (attributes.isDirectory()) {
                return Optional.of(new Entry(key + "/", true, 0, null));
            }
            return attributes.isRegularFile()
                    ? Optional.of(new Entry(
                            key,
                            false,
                            attributes.size(),
                            attributes.lastModifiedTime().toInstant()))
                    : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted while we listed
        }
    }
}
