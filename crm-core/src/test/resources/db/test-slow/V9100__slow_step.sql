-- Test-only: makes provisioning slow enough that concurrent creates overlap.
SELECT pg_sleep(0.8);
