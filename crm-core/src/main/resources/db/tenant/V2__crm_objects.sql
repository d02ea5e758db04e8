-- CRM objects of a tenant. Unqualified names only: this runs in the tenant schema (README.md here).
-- Every record table shares: id (UUID v7 from the application), created/updated at and by,
-- soft-delete timestamp, version (optimistic locking) and, where users may add fields, "custom" (JSONB
-- holding custom field values, validated against field_definition by the application: adding a field
-- never rewrites or long-locks the table).

CREATE TABLE company (
    id                      uuid        PRIMARY KEY,
    name                    text        NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    domain                  text        CHECK (domain = lower(domain)),
    employees               integer     CHECK (employees >= 0),
    annual_revenue_amount   bigint,
    annual_revenue_currency char(3)     CHECK (annual_revenue_currency ~ '^[A-Z]{3}$'),
    address_street          text,
    address_city            text,
    address_postcode        text,
    address_country         char(2)     CHECK (address_country ~ '^[A-Z]{2}$'),
    owner_id                uuid,
    linkedin_url            text,
    x_url                   text,
    ideal_customer          boolean     NOT NULL DEFAULT false,
    custom                  jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom) = 'object'),
    search_doc              text        NOT NULL DEFAULT '',
    created_at              timestamptz NOT NULL DEFAULT now(),
    created_by              text,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    updated_by              text,
    deleted_at              timestamptz,
    version                 integer     NOT NULL DEFAULT 1,
    CHECK ((annual_revenue_amount IS NULL) = (annual_revenue_currency IS NULL))
);
CREATE UNIQUE INDEX company_domain_uq ON company (domain) WHERE domain IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX company_name_idx ON company (name, id);
CREATE INDEX company_created_idx ON company (created_at, id);
CREATE INDEX company_search_trgm ON company USING gin (search_doc gin_trgm_ops);

CREATE TABLE person (
    id                uuid        PRIMARY KEY,
    first_name        text        CHECK (length(first_name) <= 200),
    last_name         text        CHECK (length(last_name) <= 200),
    primary_email     text        CHECK (primary_email = lower(primary_email)),
    additional_emails text[]      NOT NULL DEFAULT '{}',
    primary_phone     text        CHECK (primary_phone ~ '^\+[1-9][0-9]{3,14}$'),
    additional_phones text[]      NOT NULL DEFAULT '{}',
    job_title         text,
    city              text,
    company_id        uuid        REFERENCES company (id) ON DELETE SET NULL,
    avatar_url        text,
    linkedin_url      text,
    x_url             text,
    custom            jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom) = 'object'),
    search_doc        text        NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        text,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    updated_by        text,
    deleted_at        timestamptz,
    version           integer     NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX person_primary_email_uq ON person (primary_email)
    WHERE primary_email IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX person_additional_emails_idx ON person USING gin (additional_emails);
CREATE INDEX person_company_idx ON person (company_id);
CREATE INDEX person_name_idx ON person (last_name, first_name, id);
CREATE INDEX person_created_idx ON person (created_at, id);
CREATE INDEX person_search_trgm ON person USING gin (search_doc gin_trgm_ops);

CREATE TABLE pipeline (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    is_default boolean     NOT NULL DEFAULT false,
    position   integer     NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    integer     NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX pipeline_one_default_uq ON pipeline (is_default) WHERE is_default;

CREATE TABLE pipeline_stage (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    pipeline_id uuid        NOT NULL REFERENCES pipeline (id) ON DELETE CASCADE,
    key         text        NOT NULL CHECK (key ~ '^[A-Z][A-Z0-9_]{0,62}$'),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    position    integer     NOT NULL,
    probability integer     NOT NULL CHECK (probability BETWEEN 0 AND 100),
    is_won      boolean     NOT NULL DEFAULT false,
    is_lost     boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer     NOT NULL DEFAULT 1,
    CHECK (NOT (is_won AND is_lost)),
    UNIQUE (pipeline_id, key)
);

WITH p AS (
    INSERT INTO pipeline (name, is_default, position) VALUES ('Sales', true, 0) RETURNING id
)
INSERT INTO pipeline_stage (pipeline_id, key, name, position, probability, is_won, is_lost)
SELECT p.id, s.key, s.name, s.position, s.probability, s.is_won, s.is_lost
FROM p, (VALUES ('NEW', 'New', 0, 10, false, false),
                ('SCREENING', 'Screening', 1, 20, false, false),
                ('MEETING', 'Meeting', 2, 40, false, false),
                ('PROPOSAL', 'Proposal', 3, 60, false, false),
                ('CUSTOMER', 'Customer', 4, 100, true, false),
                ('LOST', 'Lost', 5, 0, false, true))
     AS s (key, name, position, probability, is_won, is_lost);

CREATE TABLE opportunity (
    id                  uuid        PRIMARY KEY,
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    amount_minor        bigint,
    currency            char(3)     CHECK (currency ~ '^[A-Z]{3}$'),
    close_date          date,
    pipeline_id         uuid        NOT NULL,
    stage               text        NOT NULL,
    probability         integer     CHECK (probability BETWEEN 0 AND 100),
    company_id          uuid        REFERENCES company (id) ON DELETE SET NULL,
    point_of_contact_id uuid        REFERENCES person (id) ON DELETE SET NULL,
    owner_id            uuid,
    custom              jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom) = 'object'),
    search_doc          text        NOT NULL DEFAULT '',
    created_at          timestamptz NOT NULL DEFAULT now(),
    created_by          text,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    updated_by          text,
    deleted_at          timestamptz,
    version             integer     NOT NULL DEFAULT 1,
    CHECK ((amount_minor IS NULL) = (currency IS NULL)),
    FOREIGN KEY (pipeline_id, stage) REFERENCES pipeline_stage (pipeline_id, key) ON UPDATE CASCADE
);
CREATE INDEX opportunity_stage_idx ON opportunity (stage, id);
CREATE INDEX opportunity_amount_idx ON opportunity (amount_minor, id);
CREATE INDEX opportunity_close_idx ON opportunity (close_date, id);
CREATE INDEX opportunity_company_idx ON opportunity (company_id);
CREATE INDEX opportunity_contact_idx ON opportunity (point_of_contact_id);
CREATE INDEX opportunity_search_trgm ON opportunity USING gin (search_doc gin_trgm_ops);

CREATE TABLE task (
    id          uuid        PRIMARY KEY,
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    body        text,
    due_at      timestamptz,
    status      text        NOT NULL DEFAULT 'TODO' CHECK (status IN ('TODO', 'IN_PROGRESS', 'DONE')),
    assignee_id uuid,
    custom      jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom) = 'object'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text,
    deleted_at  timestamptz,
    version     integer     NOT NULL DEFAULT 1
);
CREATE INDEX task_due_idx ON task (due_at, id);
CREATE INDEX task_assignee_idx ON task (assignee_id, status);

CREATE TABLE note (
    id         uuid        PRIMARY KEY,
    title      text        CHECK (length(title) <= 500),
    body       text,
    custom     jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom) = 'object'),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text,
    deleted_at timestamptz,
    version    integer     NOT NULL DEFAULT 1
);
CREATE INDEX note_created_idx ON note (created_at, id);

-- Tasks and notes link to any number of companies, people and opportunities: one row per link, one
-- foreign key column set, so links stay referentially sound and vanish with their target.
CREATE TABLE task_target (
    task_id        uuid NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    company_id     uuid REFERENCES company (id) ON DELETE CASCADE,
    person_id      uuid REFERENCES person (id) ON DELETE CASCADE,
    opportunity_id uuid REFERENCES opportunity (id) ON DELETE CASCADE,
    CHECK (num_nonnulls(company_id, person_id, opportunity_id) = 1)
);
CREATE UNIQUE INDEX task_target_uq ON task_target (task_id, company_id, person_id, opportunity_id) NULLS NOT DISTINCT;
CREATE INDEX task_target_company_idx ON task_target (company_id) WHERE company_id IS NOT NULL;
CREATE INDEX task_target_person_idx ON task_target (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX task_target_opportunity_idx ON task_target (opportunity_id) WHERE opportunity_id IS NOT NULL;

CREATE TABLE note_target (
    note_id        uuid NOT NULL REFERENCES note (id) ON DELETE CASCADE,
    company_id     uuid REFERENCES company (id) ON DELETE CASCADE,
    person_id      uuid REFERENCES person (id) ON DELETE CASCADE,
    opportunity_id uuid REFERENCES opportunity (id) ON DELETE CASCADE,
    CHECK (num_nonnulls(company_id, person_id, opportunity_id) = 1)
);
CREATE UNIQUE INDEX note_target_uq ON note_target (note_id, company_id, person_id, opportunity_id) NULLS NOT DISTINCT;
CREATE INDEX note_target_company_idx ON note_target (company_id) WHERE company_id IS NOT NULL;
CREATE INDEX note_target_person_idx ON note_target (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX note_target_opportunity_idx ON note_target (opportunity_id) WHERE opportunity_id IS NOT NULL;

CREATE TABLE attachment (
    id             uuid        PRIMARY KEY,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    content_type   text        NOT NULL,
    size_bytes     bigint      NOT NULL CHECK (size_bytes >= 0),
    sha256         text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key    text        NOT NULL,
    company_id     uuid        REFERENCES company (id) ON DELETE CASCADE,
    person_id      uuid        REFERENCES person (id) ON DELETE CASCADE,
    opportunity_id uuid        REFERENCES opportunity (id) ON DELETE CASCADE,
    task_id        uuid        REFERENCES task (id) ON DELETE CASCADE,
    note_id        uuid        REFERENCES note (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     text,
    deleted_at     timestamptz,
    version        integer     NOT NULL DEFAULT 1,
    CHECK (num_nonnulls(company_id, person_id, opportunity_id, task_id, note_id) = 1)
);
CREATE INDEX attachment_company_idx ON attachment (company_id) WHERE company_id IS NOT NULL;
CREATE INDEX attachment_person_idx ON attachment (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX attachment_opportunity_idx ON attachment (opportunity_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX attachment_task_idx ON attachment (task_id) WHERE task_id IS NOT NULL;
CREATE INDEX attachment_note_idx ON attachment (note_id) WHERE note_id IS NOT NULL;

-- Every create, update, delete, restore and destroy of a record, written in the transaction of the change.
CREATE TABLE timeline_event (
    id          uuid        PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text,
    object      text        NOT NULL,
    record_id   uuid        NOT NULL,
    action      text        NOT NULL CHECK (action IN ('CREATED', 'UPDATED', 'DELETED', 'RESTORED', 'DESTROYED')),
    diff        jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX timeline_record_idx ON timeline_event (object, record_id, occurred_at DESC, id DESC);

-- Search documents: one lowercased text per record (names, emails, domain, phone digits, text custom
-- values) kept current by triggers, indexed with trigram GIN for prefix, substring and typo-tolerant search.
-- Functions are resolved through the session search_path (the tenant schema), never pinned to a schema
-- name, so a schema keeps working after a restore renames it.
CREATE FUNCTION crm_custom_text(custom jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(string_agg(value, ' '), '') FROM jsonb_each_text(custom)
$$;

CREATE FUNCTION crm_phone_digits(phones text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(string_agg(regexp_replace(p, '[^0-9]', '', 'g'), ' '), '') FROM unnest(phones) AS p
$$;

CREATE FUNCTION company_search_doc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_doc := lower(concat_ws(' ', NEW.name, NEW.domain, NEW.address_city, crm_custom_text(NEW.custom)));
    RETURN NEW;
END
$$;
CREATE TRIGGER company_search_doc BEFORE INSERT OR UPDATE ON company
    FOR EACH ROW EXECUTE FUNCTION company_search_doc();

CREATE FUNCTION person_search_doc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_doc := lower(concat_ws(' ', NEW.first_name, NEW.last_name, NEW.primary_email,
        array_to_string(NEW.additional_emails, ' '), NEW.job_title, NEW.city,
        crm_phone_digits(NEW.primary_phone || NEW.additional_phones), crm_custom_text(NEW.custom)));
    RETURN NEW;
END
$$;
CREATE TRIGGER person_search_doc BEFORE INSERT OR UPDATE ON person
    FOR EACH ROW EXECUTE FUNCTION person_search_doc();

CREATE FUNCTION opportunity_search_doc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_doc := lower(concat_ws(' ', NEW.name, crm_custom_text(NEW.custom)));
    RETURN NEW;
END
$$;
CREATE TRIGGER opportunity_search_doc BEFORE INSERT OR UPDATE ON opportunity
    FOR EACH ROW EXECUTE FUNCTION opportunity_search_doc();

-- Custom fields: definitions here, values in the "custom" column of the object's table.
CREATE TABLE field_definition (
    id            uuid        PRIMARY KEY,
    object        text        NOT NULL CHECK (object IN ('company', 'person', 'opportunity')),
    name          text        NOT NULL CHECK (name ~ '^[a-z][a-zA-Z0-9]{0,62}$'),
    label         text        NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    type          text        NOT NULL CHECK (type IN ('TEXT', 'NUMBER', 'BOOLEAN', 'DATE', 'DATETIME', 'SELECT',
                                                        'MULTI_SELECT', 'CURRENCY', 'EMAIL', 'PHONE', 'URL')),
    required      boolean     NOT NULL DEFAULT false,
    default_value jsonb,
    options       jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(options) = 'array'),
    position      integer     NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer     NOT NULL DEFAULT 1,
    UNIQUE (object, name)
);
