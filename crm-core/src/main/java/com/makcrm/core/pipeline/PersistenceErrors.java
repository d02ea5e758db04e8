package com.makcrm.core.pipeline;

import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import org.hibernate.StaleStateException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Turns what JPA, Hibernate and Spring throw into {@link CrmException}s. Rules are checked before writing, so
 * the database constraints fire only when a concurrent transaction got there first.
 */
final class PersistenceErrors {

    private static final String UNIQUE = "23505";
    private static final String FOREIGN_KEY = "23503";

    private PersistenceErrors() {}

    static boolean isOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t instanceof StaleStateException
                    || t instanceof OptimisticLockingFailureException) {
                return true;
            }
        }
        return false;
    }

    static CrmException translate(RuntimeException e) {
        if (e instanceof CrmException crm) {
            return crm;
        }
        if (isOptimisticLock(e)) {
            return CrmException.conflict(
                    "a pipeline was changed by another request at the same time; reload and retry");
        }
        SQLException sql = sqlCause(e);
        if (sql == null) {
            return CrmException.internal("pipeline persistence failed: " + e.getMessage(), e);
        }
        if (UNIQUE.equals(sql.getSQLState())) {
            return CrmException.conflict(duplicate(String.valueOf(sql.getMessage())));
        }
        if (FOREIGN_KEY.equals(sql.getSQLState())) {
            return CrmException.conflict("opportunities were added to it at the same time; move them first");
        }
        return Sql.translate("pipeline persistence", sql, "the configured database");
    }

    private static String duplicate(String message) {
        if (message.contains("pipeline_name_key")) {
            return "a pipeline with this name was created at the same time";
        }
        if (message.contains("pipeline_one_default_uq")) {
            return "another pipeline was made the default at the same time; reload and retry";
        }
        if (message.contains("pipeline_stage_pipeline_id_key_key")) {
            return "a stage with this key was added at the same time; reload and retry";
        }
        return "the change clashes with one made at the same time: " + message;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
