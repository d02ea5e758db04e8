package com.makcrm.cli.i18n.crowdin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds ZIP archives for tests, including ones a hostile server could send. */
final class Zips {

    private final Map<String, String> entries = new LinkedHashMap<>();
    private String symlink;

    static Zips archive() {
        return new Zips();
    }

    Zips entry(String name, String content) {
        entries.put(name, content);
        return this;
    }

    /** An entry marked in its Unix attributes as a symbolic link whose target is {@code target}. */
    Zips symlink(String name, String target) {
        entries.put(name, target);
        symlink = name;
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] zip = out.toByteArray();
        if (symlink != null) {
            markSymlink(zip, symlink);
        }
        return zip;
    }

    /** Sets "made by Unix" and mode lrwxrwxrwx on the central directory record of {@code name}. */
    private static void markSymlink(byte[] zip, String name) {
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 < zip.length; at++) {
            if (buf.getInt(at) == 0x02014b50 && Short.toUnsignedInt(buf.getShort(at + 28)) == wanted.length) {
                String found = new String(zip, at + 46, wanted.length, StandardCharsets.UTF_8);
                if (found.equals(name)) {
                    zip[at + 5] = 3;
                    buf.putInt(at + 38, 0120777 << 16);
                    return;
                }
            }
        }
        throw new IllegalStateException("no central directory record for " + name);
    }
}
