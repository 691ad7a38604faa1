package dev.authjvm.store.jdbc;

import dev.authjvm.core.error.ConfigurationException;
import java.util.Locale;
import java.util.Map;

/**
 * Which tables the store reads and writes: its own {@code auth_*} schema, or the one Auth.js's Prisma
 * adapter creates ({@code User}, {@code Account}, {@code Session}, {@code VerificationToken},
 * {@code Authenticator}, with camelCase columns), so that a database shared with a running Auth.js app
 * keeps working for both.
 *
 * <p>The store's SQL names tables and columns by their names in its own schema; {@code names} maps
 * each one that is spelled differently here. Tables of the store that Auth.js has no model for (and
 * any added later) keep their own names in every schema.
 *
 * @param setting    the value of {@code AUTH_JDBC_SCHEMA} that selects it
 * @param names      own-schema name to this schema's name, for every name that differs
 * @param timestamps whether instants are SQL timestamps in UTC (Prisma's {@code DateTime}) rather than
 *                   BIGINT epoch milliseconds
 */
public record JdbcSchema(String setting, Map<String, String> names, boolean timestamps) {
  /** The store's own schema, the default: {@code auth_user}, {@code auth_account}, … (schema/*.sql). */
  public static final JdbcSchema NATIVE = new JdbcSchema("native", Map.of(), false);

  /**
   * The Prisma adapter's schema, as {@code prisma migrate} creates it from the models in the Auth.js
   * Prisma adapter documentation (https://authjs.dev/getting-started/adapters/prisma). The store does
   * not create these tables (Prisma's migrations own them); it creates only tables of its own.
   */
  public static final JdbcSchema PRISMA = new JdbcSchema("prisma", Map.ofEntries(
      Map.entry("auth_user", "User"),
      Map.entry("auth_account", "Account"),
      Map.entry("auth_session", "Session"),
      Map.entry("auth_verification_token", "VerificationToken"),
      Map.entry("auth_authenticator", "Authenticator"),
      Map.entry("email_verified", "emailVerified"),
      Map.entry("user_id", "userId"),
      Map.entry("provider_account_id", "providerAccountId"),
      Map.entry("session_token", "sessionToken"),
      Map.entry("token_hash", "token"),
      Map.entry("credential_id", "credentialID"),
      Map.entry("credential_public_key", "credentialPublicKey"),
      Map.entry("credential_device_type", "credentialDeviceType"),
      Map.entry("credential_backed_up", "credentialBackedUp")), true);

  public JdbcSchema {
    names = Map.copyOf(names);
  }

  /** The schema {@code AUTH_JDBC_SCHEMA} names: {@code native} or {@code prisma}, in any case. */
  public static JdbcSchema named(String setting) {
    String value = setting.strip().toLowerCase(Locale.ROOT);
    for (JdbcSchema schema : new JdbcSchema[] {NATIVE, PRISMA}) {
      if (schema.setting.equals(value)) {
        return schema;
      }
    }
    throw new ConfigurationException("AUTH_JDBC_SCHEMA must be 'native' (the store's own auth_* tables) or 'prisma'"
        + " (the tables of Auth.js's Prisma adapter), not '" + setting + "'");
  }

  /** Whether this is the Prisma adapter's schema, whose tables are owned by Prisma's migrations. */
  public boolean prisma() {
    return !names.isEmpty();
  }

  /** This schema's name for a table or column of the store's own schema. */
  String name(String own) {
    return names.getOrDefault(own, own);
  }

  @Override
  public String toString() {
    return setting;
  }
}
