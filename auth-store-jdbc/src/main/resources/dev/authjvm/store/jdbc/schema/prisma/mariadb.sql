-- The store's own tables beside the Prisma adapter's (AUTH_JDBC_SCHEMA=prisma) on MariaDB. Prisma's
-- migrations own `User`, `Account`, `Session`, `VerificationToken` and `Authenticator`; these tables
-- are the store's alone, and Auth.js never reads them.

-- Prisma's Authenticator model keeps no creation order, which listAuthenticatorsByUserId promises:
-- the order of the passkeys this store created. Passkeys that Auth.js created come before them.
-- credential_id is joined with Authenticator.credentialID, so it has that column's type and collation.
CREATE TABLE IF NOT EXISTS auth_authenticator_order (
  credential_id  VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci PRIMARY KEY,
  creation_order BIGINT NOT NULL AUTO_INCREMENT UNIQUE
) ENGINE = InnoDB;

-- Session records (SessionRegistry): one row per session, JWT sessions included, so that a user's sessions can
-- be listed and revoked and an identity provider's back-channel logout finds them. No foreign key to auth_user:
-- the user of a JWT session need not be stored. session_update is JSON.
CREATE TABLE IF NOT EXISTS auth_session_record (
  id                  VARCHAR(255) COLLATE utf8mb4_bin PRIMARY KEY,
  user_id             VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
  created_at          BIGINT NOT NULL,
  last_seen_at        BIGINT NOT NULL,
  expires             BIGINT NOT NULL,
  user_agent          TEXT,
  max_age             BIGINT,
  persistent          BOOLEAN NOT NULL,
  provider            VARCHAR(255) COLLATE utf8mb4_bin,
  provider_subject    VARCHAR(255) COLLATE utf8mb4_bin,
  provider_session_id VARCHAR(255) COLLATE utf8mb4_bin,
  session_token       VARCHAR(255) COLLATE utf8mb4_bin,
  session_update      TEXT,
  updated_at          BIGINT,
  INDEX auth_session_record_user (user_id),
  INDEX auth_session_record_subject (provider, provider_subject),
  INDEX auth_session_record_sid (provider, provider_session_id),
  INDEX auth_session_record_expires (expires)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Expiring counters (CounterStore): sign-in attempts counted across instances, one-time values. A row is a
-- window: counter_value counts within it, expires closes it.
CREATE TABLE IF NOT EXISTS auth_counter (
  counter_key   VARCHAR(255) COLLATE utf8mb4_bin PRIMARY KEY,
  counter_value BIGINT NOT NULL,
  expires       BIGINT NOT NULL,
  INDEX auth_counter_expires (expires)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
