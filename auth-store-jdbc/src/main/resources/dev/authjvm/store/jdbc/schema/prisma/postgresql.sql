-- The store's own tables beside the Prisma adapter's (AUTH_JDBC_SCHEMA=prisma) on PostgreSQL. Prisma's
-- migrations own "User", "Account", "Session", "VerificationToken" and "Authenticator"; these tables
-- are the store's alone, and Auth.js never reads them.

-- Prisma's Authenticator model keeps no creation order, which listAuthenticatorsByUserId promises:
-- the order of the passkeys this store created. Passkeys that Auth.js created come after them.
CREATE TABLE IF NOT EXISTS auth_authenticator_order (
  credential_id  VARCHAR(1024) PRIMARY KEY,
  creation_order BIGINT GENERATED ALWAYS AS IDENTITY
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
