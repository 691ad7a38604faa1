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
