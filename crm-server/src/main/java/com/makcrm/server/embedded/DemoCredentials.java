package com.makcrm.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The demo login, printed once and kept in {@code <data dir>/demo-credentials.txt} (owner-only) so it can be found
 * again later.
 */
record DemoCredentials(String email, String password, String tenant) {

    static final String EMAIL = "demo@makcrm.local";
    static final String FILE_NAME = "demo-credentials.txt";

    // no look-alikes (0/O, 1/l/I), so it can be typed from a screen
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 20;

    static String newPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** Written to a temporary owner-only file first, then moved into place: never readable by others, never half. */
    void write(Path dataDir) {
        Path target = file(dataDir);
        try {
            Path temp = Files.createTempFile(dataDir, ".demo-credentials", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, text(), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo login to " + target, e);
        }
    }

    private String text() {
        return "# MaK-CRM demo login, created on the first start of the embedded default\n"
                + "email: " + email + "\n"
                + "password: " + password + "\n"
                + (tenant == null ? "" : "tenant: " + tenant + "\n");
    }

    static Optional<DemoCredentials> read(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return Optional.of(
                    new DemoCredentials(value(lines, "email"), value(lines, "password"), value(lines, "tenant")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String value(List<String> lines, String key) {
        return lines.stream()
                .filter(line -> line.startsWith(key + ": "))
                .map(line -> line.substring(key.length() + 2).strip())
                .findFirst()
                .orElse(null);
    }
}
