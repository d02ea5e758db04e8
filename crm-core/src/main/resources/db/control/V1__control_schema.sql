-- Control schema: the registry of tenants and the audit trail of operations on them.
-- Flyway runs this with crm_control as the default schema.

CREATE TABLE tenant (
    id             uuid        PRIMARY KEY,
    slug           text        NOT NULL,
    display_name   text        NOT NULL,
    status         text        NOT NULL
        CHECK (status IN ('PROVISIONING', 'ACTIVE', 'SUSPENDED', 'DELETED', 'PURGED')),
    schema_name    text        NOT NULL UNIQUE,
    shard          text        NOT NULL DEFAULT 'default',
    schema_version text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    deleted_at     timestamptz,
    purge_after    timestamptz
);

-- A slug stays reserved through DELETED (grace period) and is freed only by a purge.
CREATE UNIQUE INDEX tenant_slug_live_uq ON tenant (slug) WHERE status <> 'PURGED';
CREATE INDEX tenant_status_idx ON tenant (status);

CREATE TABLE operation_log (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid,
    tenant_slug text,
    operation   text        NOT NULL,
    actor       text        NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('OK', 'NOOP', 'FAILED')),
    detail      text,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX operation_log_tenant_idx ON operation_log (tenant_id, started_at DESC);
