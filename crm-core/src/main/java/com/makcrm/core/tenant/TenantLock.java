package com.makcrm.core.tenant;

import com.makcrm.core.db.AdvisoryLock;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.AccessMessages;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The advisory lock on one slug, held for a whole tenant operation. As it vanishes with a crashed process, a
 * PROVISIONING row whose slug nobody holds is recognised as abandoned.
 */
final class TenantLock {

    /** Namespace of tenant operation locks (first key); the second key is a hash of the slug. */
    private static final int NAMESPACE = 0x43524d54; // "CRMT"

    private TenantLock() {}

    /** Takes the lock or fails at once with CONFLICT: we never queue behind a long provisioning. */
    static AdvisoryLock acquire(DataSource dataSource, String slug, String operation) {
        try {
            return AdvisoryLock.tryAcquire(dataSource, NAMESPACE, slug)
                    .orElseThrow(() ->
                            CrmException.conflict(AccessMessages.BUSY, Map.of("slug", slug, "operation", operation)));
        } catch (SQLException e) {
            throw TenantStore.translate("locking tenant " + slug, e);
        }
    }
}
