-- Accounts and credentials: who may act in which tenant, and how they prove it.
-- Secrets (passwords, API key secrets, refresh tokens) are stored only as hashes.
-- Flyway runs this with crm_control as the default schema.

-- "user" is a reserved word in PostgreSQL, hence user_account.
CREATE TABLE user_account (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    password_hash text        NOT NULL,
    display_name  text,
    locale        text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX user_account_email_uq ON user_account (email);

CREATE TABLE membership (
    user_id    uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    role       text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER', 'READ_ONLY')),
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, tenant_id)
);

CREATE INDEX membership_tenant_idx ON membership (tenant_id, role);

-- A key is sent as crm_<prefix>_<secret>: the prefix finds the row, the secret's SHA-256 proves it.
CREATE TABLE api_key (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    name         text        NOT NULL,
    prefix       text        NOT NULL,
    secret_hash  bytea       NOT NULL CHECK (length(secret_hash) = 32),
    role         text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER', 'READ_ONLY')),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE UNIQUE INDEX api_key_prefix_uq ON api_key (prefix);
CREATE INDEX api_key_tenant_idx ON api_key (tenant_id, created_at DESC);

-- Rotation: each refresh marks its token used and issues the next one in the same family; presenting a used
-- token again means it was stolen (or replayed), so the whole family is revoked.
CREATE TABLE refresh_token (
    id         uuid        PRIMARY KEY,
    family_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    token_hash bytea       NOT NULL CHECK (length(token_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz
);

CREATE UNIQUE INDEX refresh_token_hash_uq ON refresh_token (token_hash);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_user_idx ON refresh_token (user_id, tenant_id);
CREATE INDEX refresh_token_expires_idx ON refresh_token (expires_at);

-- Failed logins per key ('account:<email>' or 'ip:<address>'), kept apart from user_account so that unknown
-- emails are throttled exactly like known ones and the answer reveals nothing about which exist.
CREATE TABLE login_throttle (
    key             text        PRIMARY KEY,
    failures        integer     NOT NULL,
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);
