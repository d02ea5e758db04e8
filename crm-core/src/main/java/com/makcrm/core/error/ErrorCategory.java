package com.makcrm.core.error;

/**
 * What kind of failure a {@link CrmException} is. Entry points map a category once: the server to an HTTP
 * status and problem type, the CLI to an exit code.
 */
public enum ErrorCategory {
    /** The caller sent something malformed or against a rule. */
    INVALID,
    /** The named thing does not exist (or is not visible to the caller). */
    NOT_FOUND,
    /** The request clashes with the current state (duplicate, concurrent change, wrong status). */
    CONFLICT,
    /** The caller may not do this. */
    FORBIDDEN,
    /** A service we depend on (database, storage) cannot be reached. */
    UNAVAILABLE,
    /** A schema migration failed or the schema has drifted from what this build expects. */
    MIGRATION_FAILED,
    /** A bug or an unexpected state on our side. */
    INTERNAL
}
