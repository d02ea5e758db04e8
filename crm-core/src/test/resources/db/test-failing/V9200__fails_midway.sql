-- Test-only: fails after creating something, as a broken migration would.
CREATE TABLE half_done (id int);
SELECT 1 / 0;
