package com.makcrm.cli.i18n.crowdin;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.po.PoParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a Crowdin translations archive into the catalog folders, all or nothing: every entry is checked first
 * (a relative path inside its catalog folder, no symbolic link, a readable PO catalog, sane size), and only then
 * are the files written, each through a temporary file and an atomic move. A Crowdin build holds every file and
 * target language of the project (and, built without a branch, every branch's files under the branch's folder):
 * safe entries that are not a translation of a crowdin.yml file into one of the given locales are skipped and
 * reported, not written.
 */
public final class TranslationArchive {

    /** Larger than any catalog we ship by far, small enough that a hostile archive cannot fill the disk. */
    static final long MAX_ENTRY_BYTES = 32L * 1024 * 1024;

    private TranslationArchive() {}

    /** An entry left out of the unpacking, and why (e.g. {@code no catalog for locale 'de'}). */
    public record Skipped(String entry, String reason) {

        @Override
        public String toString() {
            return entry + " (" + reason + ")";
        }
    }

    /** What an unpacking did: the files written, and the entries skipped, in archive order. */
    public record Extracted(List<Path> written, List<Skipped> skipped) {

        public Extracted {
            written = List.copyOf(written);
            skipped = List.copyOf(skipped);
        }
    }

    private record Plan(Map<Path, byte[]> files, List<Skipped> skipped) {}

    /**
     * @param root the folder the mappings' paths are relative to (crowdin.yml's base path)
     * @param locales the language codes (as the translation pattern's placeholder renders them) that may be written
     * @return the files written and the entries skipped (other files of the project, other languages)
     * @throws CrmException when any entry is unsafe or damaged; then nothing is written
     */
    public static Extracted extract(byte[] zip, Path root, List<FileMapping> files, Set<String> locales) {
        Plan plan = plan(zip, root.toAbsolutePath().normalize(), files, locales);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, byte[]> file : plan.files().entrySet()) {
            write(file.getKey(), file.getValue());
            written.add(file.getKey());
        }
        return new Extracted(written, plan.skipped());
    }

    private static Plan plan(byte[] zip, Path root, List<FileMapping> files, Set<String> locales) {
        Set<String> symlinks = new TreeSet<>();
        ZipDirectory.read(zip).stream().filter(ZipDirectory.Entry::symlink).forEach(e -> symlinks.add(e.name()));
        Path temp = null;
        try {
            temp = Files.createTempFile("crowdin-build", ".zip");
            Files.write(temp, zip);
            try (ZipFile archive = new ZipFile(temp.toFile())) {
                Map<Path, byte[]> planned = new LinkedHashMap<>();
                List<Skipped> skipped = new ArrayList<>();
                Enumeration<? extends ZipEntry> entries = archive.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    checkName(name);
                    if (symlinks.contains(name)) {
                        throw rejected(name, "symbolic link");
                    }
                    if (entry.isDirectory()) {
                        continue;
                    }
                    Path target = target(name, root, files, locales, skipped);
                    if (target == null) {
                        continue; // not read: its content does not matter, as it is not written
                    }
                    byte[] content = read(archive, entry);
                    checkCatalog(name, content);
                    if (planned.put(target, content) != null) {
                        throw rejected(name, "second entry for the same catalog");
                    }
                }
                return new Plan(planned, skipped);
            }
        } catch (java.util.zip.ZipException e) {
            throw CrmException.invalid("the translations archive from Crowdin is unusable: " + e.getMessage());
        } catch (IOException e) {
            throw CrmException.unavailable("cannot unpack the translations archive: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Refuses names that could leave the catalog folder however they are resolved. */
    private static void checkName(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw rejected(name, "empty or binary name");
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            throw rejected(name, "absolute path");
        }
        if (name.contains("\\")) {
            throw rejected(name, "backslash in its path");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw rejected(name, "path climbs out of its folder (..)");
            }
        }
    }

    /**
     * Where entry {@code name} goes: its catalog, by the first mapping it is a translation of into one of
     * {@code locales}; null, with the reason added to {@code skipped}, when there is none.
     */
    private static Path target(
            String name, Path root, List<FileMapping> files, Set<String> locales, List<Skipped> skipped) {
        String unknownLanguage = null;
        for (FileMapping mapping : files) {
            String language = mapping.languageOf(name);
            if (language == null) {
                continue;
            }
            if (!locales.contains(language)) {
                unknownLanguage = unknownLanguage == null ? language : unknownLanguage;
                continue;
            }
            Path folder = root.resolve(mapping.catalogFolder()).normalize();
            Path target = root.resolve(mapping.translationPath(language)).normalize();
            if (!target.startsWith(folder) || target.equals(folder)) {
                throw rejected(name, "path outside the catalog folder " + mapping.catalogFolder());
            }
            return target;
        }
        skipped.add(new Skipped(
                name,
                unknownLanguage != null
                        ? "no catalog for locale '" + unknownLanguage + "'"
                        : "matches no translation pattern of crowdin.yml"));
        return null;
    }

    /** A damaged catalog must not replace a good one. */
    private static void checkCatalog(String name, byte[] content) {
        try {
            PoParser.parse(name, content);
        } catch (CrmException e) {
            throw rejected(name, "not a valid PO catalog (" + e.getMessage() + ")");
        }
    }

    private static byte[] read(ZipFile archive, ZipEntry entry) throws IOException {
        try (InputStream in = archive.getInputStream(entry)) {
            byte[] content = in.readNBytes((int) MAX_ENTRY_BYTES + 1);
            if (content.length > MAX_ENTRY_BYTES) {
                throw rejected(entry.getName(), "larger than " + MAX_ENTRY_BYTES / (1024 * 1024) + " MiB unpacked");
            }
            return content;
        }
    }

    private static void write(Path target, byte[] content) {
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw CrmException.unavailable("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    private static CrmException rejected(String entry, String why) {
        return CrmException.invalid(
                "refusing the translations archive: entry '" + entry + "': " + why + "; nothing was written");
    }
}
