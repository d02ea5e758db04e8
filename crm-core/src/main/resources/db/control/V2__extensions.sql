-- Extensions are per database: created once here, never by tenant migrations (db/tenant/README.md).
-- pg_trgm (trusted since PostgreSQL 13) powers typo-tolerant, prefix and substring search in every tenant.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
