package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.StorageMessages;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3 settings given as text (from flags, {@code CRM_*} variables or a config file), applied to a settings builder.
 * Unknown names are rejected so a typo does not silently fall back to a default.
 */
final class S3Options {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(|B|KiB|MiB|GiB)", Pattern.CASE_INSENSITIVE);

    private static final String ACCESS_KEY = "access-key";
    private static final String SECRET_KEY = "secret-key";

    private static final Map<String, BiConsumer<S3Settings.Builder, String>> SETTERS = Map.of(
            "endpoint", (builder, value) -> builder.endpoint(uri(value)),
            "region", S3Settings.Builder::region,
            "path-style", (builder, value) -> builder.pathStyle(bool("path-style", value)),
            "checksum-when-required",
                    (builder, value) -> builder.checksumWhenRequired(bool("checksum-when-required", value)),
            "multipart-threshold", (builder, value) -> builder.multipartThreshold(size("multipart-threshold", value)),
            "part-size", (builder, value) -> builder.partSize(size("part-size", value)),
            "max-attempts", (builder, value) -> builder.maxAttempts(integer("max-attempts", value)),
            "list-page-size", (builder, value) -> builder.listPageSize(integer("list-page-size", value)));

    static final Set<String> NAMES = names();

    private S3Options() {}

    static void requireKnown(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!NAMES.contains(name)) {
                throw CrmException.invalid(
                        StorageMessages.S3_UNKNOWN_OPTION,
                        Map.of("name", String.valueOf(name), "known", NAMES.toString()));
            }
        }
    }

    static void apply(Map<String, String> options, S3Settings.Builder builder) {
        requireKnown(options);
        SETTERS.forEach((name, setter) -> {
            String value = value(options, name);
            if (value != null) {
                setter.accept(builder, value);
            }
        });
        builder.credentials(value(options, ACCESS_KEY), value(options, SECRET_KEY));
    }

    private static Set<String> names() {
        Set<String> names = new TreeSet<>(SETTERS.keySet());
        names.add(ACCESS_KEY);
        names.add(SECRET_KEY);
        return names;
    }

    // blank counts as unset, as deployment tools often export empty variables
    private static String value(Map<String, String> options, String name) {
        String value = options.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static URI uri(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid(
                    StorageMessages.S3_ENDPOINT_INVALID,
                    Map.of("value", String.valueOf(value), "reason", String.valueOf(e.getMessage())));
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw CrmException.invalid(
                        StorageMessages.S3_OPTION_BOOLEAN, Map.of("name", name, "value", String.valueOf(value)));
        };
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw CrmException.invalid(
                    StorageMessages.S3_OPTION_INTEGER, Map.of("name", name, "value", String.valueOf(value)));
        }
    }

    private static int size(String name, String value) {
        Matcher matcher = SIZE.matcher(value);
        if (!matcher.matches()) {
            throw CrmException.invalid(
                    StorageMessages.S3_OPTION_SIZE, Map.of("name", name, "value", String.valueOf(value)));
        }
        long bytes = Long.parseLong(matcher.group(1)) * unit(matcher.group(2));
        if (bytes > Integer.MAX_VALUE) {
            throw CrmException.invalid(
                    StorageMessages.S3_OPTION_SIZE_TOO_LARGE, Map.of("name", name, "value", String.valueOf(value)));
        }
        return (int) bytes;
    }

    private static long unit(String suffix) {
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "kib" -> 1024L;
            case "mib" -> 1024L * 1024;
            case "gib" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
    }
}
