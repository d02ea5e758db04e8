-- Benchmark-only: the "one extra trivial tenant migration" fanned out by bench/tenants.sh.
CREATE TABLE bench_marker (id int PRIMARY KEY);
