package com.makcrm.core.storage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.StorageMessages;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Opens the store a URL names, as configured by {@code CRM_STORAGE_URL} or given as a backup repository:
 * {@code file:///var/lib/crm/objects} or a plain path for the filesystem, {@code s3://bucket/prefix} for S3.
 */
public final class ObjectStorages {

    public static final String ACCEPTED_FORMS =
            "file:///absolute/path, a plain filesystem path, or s3://bucket[/prefix]";

    // two letters at least, so a Windows drive ("C:\objects") reads as a path
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]+):.*", Pattern.DOTALL);

    private ObjectStorages() {}

    public static ObjectStorage fromUrl(String url) {
        return fromUrl(url, Map.of());
    }

    /**
     * @param s3Options for {@code s3://} URLs: endpoint, region, path-style, access-key, secret-key,
     *     checksum-when-required, multipart-threshold, part-size (sizes in bytes or with KiB, MiB, GiB),
     *     max-attempts, list-page-size; blank values count as unset. Checked but unused for filesystem URLs, so one
     *     configuration can switch between the two.
     */
    public static ObjectStorage fromUrl(String url, Map<String, String> s3Options) {
        S3Options.requireKnown(s3Options);
        if (url == null || url.isBlank()) {
            throw CrmException.invalid(StorageMessages.URL_EMPTY, Map.of());
        }
        var scheme = SCHEME.matcher(url);
        if (!scheme.matches()) {
            return new FileSystemObjectStorage(plainPath(url));
        }
        return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "s3" -> new S3ObjectStorage(s3Settings(url, s3Options));
            case "file" -> new FileSystemObjectStorage(fileUrlPath(url));
            default ->
                throw CrmException.invalid(
                        StorageMessages.URL_UNSUPPORTED_SCHEME, Map.of("scheme", scheme.group(1), "url", url));
        };
    }

    static S3Settings s3Settings(String url, Map<String, String> options) {
        URI uri = parse(url);
        if (uri.getRawAuthority() == null) {
            throw invalid(url, "noBucket", "");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(url, "credentials", "");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(url, "query", "");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        S3Settings.Builder builder = S3Settings.builder(uri.getAuthority()).prefix(path.replaceFirst("^/+", ""));
        S3Options.apply(options, builder);
        return builder.build();
    }

    private static Path fileUrlPath(String url) {
        try {
            return Path.of(parse(url));
        } catch (IllegalArgumentException e) {
            throw invalid(url, "fileUrl", String.valueOf(e.getMessage()));
        }
    }

    private static Path plainPath(String path) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw invalid(path, "other", String.valueOf(e.getMessage()));
        }
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url, "other", String.valueOf(e.getMessage()));
        }
    }

    /** @param reason a keyword of {@link StorageMessages#URL_INVALID}; {@code detail} is the text of {@code other} */
    private static CrmException invalid(String url, String reason, String detail) {
        return CrmException.invalid(
                StorageMessages.URL_INVALID, Map.of("url", String.valueOf(url), "reason", reason, "detail", detail));
    }
}
