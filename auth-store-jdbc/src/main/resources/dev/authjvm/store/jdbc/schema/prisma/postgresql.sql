-- The store's own tables beside the Prisma adapter's (AUTH_JDBC_SCHEMA=prisma) on PostgreSQL. Prisma's
-- migrations own "User", "Account", "Session", "VerificationToken" and "Authenticator"; these tables
-- are the store's alone, and Auth.js never reads them.

-- Prisma's Authenticator model keeps no creation order, which listAuthenticatorsByUserId promises:
-- the order of the passkeys this store created. Passkeys that Auth.js created come after them.
CREATE TABLE IF NOT EXISTS auth_authenticator_order (
  credential_id  VARCHAR(1024) PRIMARY KEY,
  creation_order BIGINT GENERATED ALWAYS AS IDENTITY
);
