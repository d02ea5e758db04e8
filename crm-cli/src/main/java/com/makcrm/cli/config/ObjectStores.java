package com.makcrm.cli.config;

import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectStorages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The object stores a run may use: the application's own ({@code CRM_STORAGE_URL}, where the server keeps
 * attachments) and a backup repository, each with its S3 options from the environment.
 */
public final class ObjectStores {

    /** Where the server keeps attachments; the same variable the server reads. */
    public static final String STORAGE_ENV = "CRM_STORAGE_URL";

    /** The S3 options read from {@code CRM_S3_<NAME>}, or {@code CRM_BACKUP_S3_<NAME>} for the repository. */
    private static final List<String> S3_OPTIONS =
            List.of("endpoint", "region", "path-style", "access-key", "secret-key", "checksum-when-required");

    private ObjectStores() {}

    /** The application's object store, or null when {@code CRM_STORAGE_URL} is not set. */
    public static ObjectStorage applicationOrNull(Settings settings) {
        String url = settings.env().get(STORAGE_ENV);
        if (url == null || url.isBlank()) {
            return null;
        }
        return ObjectStorages.fromUrl(url, s3Options(settings, false));
    }

    /** S3 options from the environment; for the backup repository {@code CRM_BACKUP_S3_*} win over {@code CRM_S3_*}. */
    public static Map<String, String> s3Options(Settings settings, boolean forRepository) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : S3_OPTIONS) {
            String suffix = name.toUpperCase(Locale.ROOT).replace('-', '_');
            String value = forRepository ? settings.env().get("CRM_BACKUP_S3_" + suffix) : null;
            if (value == null || value.isBlank()) {
                value = settings.env().get("CRM_S3_" + suffix);
            }
            if (value != null && !value.isBlank()) {
                options.put(name, value);
            }
        }
        return options;
    }
}
