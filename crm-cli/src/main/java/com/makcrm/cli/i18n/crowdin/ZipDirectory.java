package com.makcrm.cli.i18n.crowdin;

import com.makcrm.core.error.CrmException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The central directory of a ZIP archive, read directly for what {@code java.util.zip} does not expose: the Unix
 * file type in the external attributes, so symbolic-link entries can be refused.
 */
final class ZipDirectory {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int UNIX = 3;
    private static final int TYPE_MASK = 0170000;
    private static final int SYMLINK = 0120000;

    record Entry(String name, boolean symlink) {}

    private ZipDirectory() {}

    static List<Entry> read(byte[] zip) {
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = findEnd(buf);
        int count = Short.toUnsignedInt(buf.getShort(end + 10));
        long offset = Integer.toUnsignedLong(buf.getInt(end + 16));
        List<Entry> entries = new ArrayList<>(count);
        int at = (int) offset;
        for (int i = 0; i < count; i++) {
            if (at < 0 || at + 46 > zip.length || buf.getInt(at) != ENTRY_SIGNATURE) {
                throw invalid("its central directory is damaged");
            }
            int host = Short.toUnsignedInt(buf.getShort(at + 4)) >>> 8;
            int flags = Short.toUnsignedInt(buf.getShort(at + 8));
            int nameLength = Short.toUnsignedInt(buf.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(buf.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(buf.getShort(at + 32));
            int external = buf.getInt(at + 38);
            if (at + 46 + nameLength > zip.length) {
                throw invalid("its central directory is damaged");
            }
            // bit 11: UTF-8 names; Crowdin sets it, and other names are ASCII in practice
            String name = new String(
                    zip,
                    at + 46,
                    nameLength,
                    (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            boolean symlink = host == UNIX && ((external >>> 16) & TYPE_MASK) == SYMLINK;
            entries.add(new Entry(name, symlink));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    private static int findEnd(ByteBuffer buf) {
        int last = buf.limit() - 22;
        int first = Math.max(0, last - 0xFFFF);
        for (int at = last; at >= first; at--) {
            if (buf.getInt(at) == END_SIGNATURE) {
                return at;
            }
        }
        throw invalid("it is not a ZIP archive");
    }

    private static CrmException invalid(String why) {
        return CrmException.invalid("the translations archive from Crowdin is unusable: " + why);
    }
}
