-- Baseline of every tenant schema. Runs with the tenant schema as default schema:
-- never qualify names with a schema and never reference another schema (see README.md here).

CREATE TABLE tenant_setting (
    key        text        PRIMARY KEY,
    value      jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
