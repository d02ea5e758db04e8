-- Test-only: fails in a tenant whose schema holds a table named "poison", succeeds elsewhere.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.tables
               WHERE table_schema = current_schema() AND table_name = 'poison') THEN
        RAISE EXCEPTION 'poisoned tenant schema %', current_schema();
    END IF;
END $$;
CREATE TABLE after_poison_check (id int);
