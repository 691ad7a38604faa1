-- authjvm store schema for MariaDB (10.5+; MySQL is untested), InnoDB for foreign keys and transactions.
-- Instants are epoch milliseconds (BIGINT): the same in every dialect, free of session time zones,
-- and exact to the millisecond the store contract promises. Key columns are utf8mb4_bin so that
-- tokens and ids compare exactly (the default collations ignore case and trailing spaces).
CREATE TABLE IF NOT EXISTS auth_user (
  id             VARCHAR(255) COLLATE utf8mb4_bin PRIMARY KEY,
  name           TEXT,
  email          VARCHAR(320) COLLATE utf8mb4_bin UNIQUE,
  email_verified BIGINT,
  image          TEXT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS auth_account (
  provider            VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
  provider_account_id VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
  user_id             VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
  type                VARCHAR(32)  NOT NULL,
  access_token        TEXT,
  token_type          VARCHAR(64),
  id_token            TEXT,
  refresh_token       TEXT,
  scope               TEXT,
  expires_at          BIGINT,
  session_state       TEXT,
  PRIMARY KEY (provider, provider_account_id),
  INDEX auth_account_user (user_id),
  CONSTRAINT auth_account_user_fk FOREIGN KEY (user_id) REFERENCES auth_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS auth_session (
  session_token VARCHAR(255) COLLATE utf8mb4_bin PRIMARY KEY,
  user_id       VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
  expires       BIGINT NOT NULL,
  INDEX auth_session_user (user_id),
  INDEX auth_session_expires (expires),
  CONSTRAINT auth_session_user_fk FOREIGN KEY (user_id) REFERENCES auth_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS auth_verification_token (
  identifier VARCHAR(320) COLLATE utf8mb4_bin NOT NULL,
  token_hash VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  expires    BIGINT NOT NULL,
  INDEX auth_verification_token_expires (expires),
  PRIMARY KEY (identifier, token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Passkeys: Auth.js's Authenticator model (same fields, same keys, same value formats: Base64 credential id
-- and COSE public key, comma-separated transports), its column names in this schema's snake_case.
-- creation_order keeps a user's passkeys in the order they were added. Base64 is ASCII, so the key
-- columns are ascii_bin: exact comparison, and short enough keys for InnoDB's index limit.
CREATE TABLE IF NOT EXISTS auth_authenticator (
  credential_id          VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  user_id                VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
  provider_account_id    VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  credential_public_key  TEXT NOT NULL,
  counter                BIGINT NOT NULL,
  credential_device_type VARCHAR(32) NOT NULL,
  credential_backed_up   BOOLEAN NOT NULL,
  transports             VARCHAR(255),
  creation_order         BIGINT NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (user_id, credential_id),
  UNIQUE KEY auth_authenticator_credential (credential_id),
  UNIQUE KEY auth_authenticator_order (creation_order),
  CONSTRAINT auth_authenticator_user_fk FOREIGN KEY (user_id) REFERENCES auth_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

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
