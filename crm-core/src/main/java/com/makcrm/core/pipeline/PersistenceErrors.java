package com.makcrm.core.pipeline;

import com.makcrm.core.db.Sql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.PipelineMessages;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Map;
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
            return CrmException.conflict(PipelineMessages.CHANGED_CONCURRENTLY, Map.of());
        }
        SQLException sql = sqlCause(e);
        if (sql == null) {
            return CrmException.internal("pipeline persistence failed: " + e.getMessage(), e);
        }
        if (UNIQUE.equals(sql.getSQLState())) {
            return duplicate(String.valueOf(sql.getMessage()));
        }
        if (FOREIGN_KEY.equals(sql.getSQLState())) {
            return CrmException.conflict(PipelineMessages.OPPORTUNITIES_ADDED_CONCURRENTLY, Map.of());
        }
        return Sql.translate("pipeline persistence", sql, "the configured database");
    }

    private static CrmException duplicate(String message) {
        if (message.contains("pipeline_name_key")) {
            return CrmException.conflict(PipelineMessages.NAME_TAKEN_CONCURRENTLY, Map.of());
        }
        if (message.contains("pipeline_one_default_uq")) {
            return CrmException.conflict(PipelineMessages.DEFAULT_CHANGED_CONCURRENTLY, Map.of());
        }
        if (message.contains("pipeline_stage_pipeline_id_key_key")) {
            return CrmException.conflict(PipelineMessages.STAGE_KEY_TAKEN_CONCURRENTLY, Map.of());
        }
        return CrmException.conflict(PipelineMessages.CLASH, Map.of("detail", message));
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
