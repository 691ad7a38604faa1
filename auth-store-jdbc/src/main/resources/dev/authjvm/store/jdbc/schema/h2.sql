-- authjvm store schema for H2 (2.x). Instants are epoch milliseconds (BIGINT): the same in every
-- dialect, free of session time zones, and exact to the millisecond the store contract promises.
CREATE TABLE IF NOT EXISTS auth_user (
  id             VARCHAR(255) PRIMARY KEY,
  name           TEXT,
  email          VARCHAR(320) UNIQUE,
  email_verified BIGINT,
  image          TEXT
);

CREATE TABLE IF NOT EXISTS auth_account (
  provider            VARCHAR(255) NOT NULL,
  provider_account_id VARCHAR(255) NOT NULL,
  user_id             VARCHAR(255) NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
  type                VARCHAR(32)  NOT NULL,
  access_token        TEXT,
  token_type          VARCHAR(64),
  id_token            TEXT,
  refresh_token       TEXT,
  scope               TEXT,
  expires_at          BIGINT,
  session_state       TEXT,
  PRIMARY KEY (provider, provider_account_id)
);
CREATE INDEX IF NOT EXISTS auth_account_user ON auth_account (user_id);

CREATE TABLE IF NOT EXISTS auth_session (
  session_token VARCHAR(255) PRIMARY KEY,
  user_id       VARCHAR(255) NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
  expires       BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS auth_session_user ON auth_session (user_id);
CREATE INDEX IF NOT EXISTS auth_session_expires ON auth_session (expires);

CREATE TABLE IF NOT EXISTS auth_verification_token (
  identifier VARCHAR(320) NOT NULL,
  token_hash VARCHAR(128) NOT NULL,
  expires    BIGINT       NOT NULL,
  PRIMARY KEY (identifier, token_hash)
);
CREATE INDEX IF NOT EXISTS auth_verification_token_expires ON auth_verification_token (expires);

-- Passkeys: Auth.js's Authenticator model (same fields, same keys, same value formats: Base64 credential id
-- and COSE public key, comma-separated transports), its column names in this schema's snake_case.
-- creation_order keeps a user's passkeys in the order they were added.
CREATE TABLE IF NOT EXISTS auth_authenticator (
  credential_id          VARCHAR(512) NOT NULL UNIQUE,
  user_id                VARCHAR(255) NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
  provider_account_id    VARCHAR(512) NOT NULL,
  credential_public_key  TEXT         NOT NULL,
  counter                BIGINT       NOT NULL,
  credential_device_type VARCHAR(32)  NOT NULL,
  credential_backed_up   BOOLEAN      NOT NULL,
  transports             VARCHAR(255),
  creation_order         BIGINT GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (user_id, credential_id)
);

-- Session records (SessionRegistry): one row per session, JWT sessions included, so that a user's sessions can
-- be listed and revoked and an identity provider's back-channel logout finds them. No foreign key to auth_user:
-- the user of a JWT session need not be stored. session_update is JSON.
CREATE TABLE IF NOT EXISTS auth_session_record (
  id                  VARCHAR(255) PRIMARY KEY,
  user_id             VARCHAR(255) NOT NULL,
  created_at          BIGINT       NOT NULL,
  last_seen_at        BIGINT       NOT NULL,
  expires             BIGINT       NOT NULL,
  user_agent          TEXT,
  max_age             BIGINT,
  persistent          BOOLEAN      NOT NULL,
  provider            VARCHAR(255),
  provider_subject    VARCHAR(255),
  provider_session_id VARCHAR(255),
  session_token       VARCHAR(255),
  session_update      TEXT,
  updated_at          BIGINT
);
CREATE INDEX IF NOT EXISTS auth_session_record_user ON auth_session_record (user_id);
CREATE INDEX IF NOT EXISTS auth_session_record_subject ON auth_session_record (provider, provider_subject);
CREATE INDEX IF NOT EXISTS auth_session_record_sid ON auth_session_record (provider, provider_session_id);
CREATE INDEX IF NOT EXISTS auth_session_record_expires ON auth_session_record (expires);

-- Expiring counters (CounterStore): sign-in attempts counted across instances, one-time values. A row is a
-- window: counter_value counts within it, expires closes it.
CREATE TABLE IF NOT EXISTS auth_counter (
  counter_key   VARCHAR(255) PRIMARY KEY,
  counter_value BIGINT       NOT NULL,
  expires       BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS auth_counter_expires ON auth_counter (expires);
