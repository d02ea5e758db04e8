-- Test-only: a trivial "next release" migration applied by fan-out to existing tenants.
CREATE TABLE next_release_marker (id int PRIMARY KEY);
