-- Test-only: records each time it runs, slowly, so concurrent fan-outs would show a double run.
CREATE TABLE migration_runs (ran_at timestamptz NOT NULL DEFAULT clock_timestamp());
INSERT INTO migration_runs DEFAULT VALUES;
SELECT pg_sleep(0.3);
