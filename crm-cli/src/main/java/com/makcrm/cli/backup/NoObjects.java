package com.makcrm.cli.backup;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.BackupMessages;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.storage.StoredObject;
import com.makcrm.core.storage.StoredObjectStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The application store when {@code CRM_STORAGE_URL} is unset: it holds nothing, so a backup records tables only.
 */
final class NoObjects implements ObjectStorage {

    @Override
    public StoredObject put(String key, InputStream content, long length, String contentType) {
        throw CrmException.of(ErrorCategory.INTERNAL, BackupMessages.NO_STORAGE, Map.of());
    }

    @Override
    public StoredObjectStream get(String key) {
        throw CrmException.notFound(BackupMessages.NO_STORAGE_OBJECT, Map.of("key", String.valueOf(key)));
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        return Optional.empty();
    }

    @Override
    public void delete(String key) {}

    @Override
    public Stream<ObjectSummary> list(String prefix) {
        return Stream.empty();
    }

    @Override
    public String toString() {
        return "no application storage";
    }
}
