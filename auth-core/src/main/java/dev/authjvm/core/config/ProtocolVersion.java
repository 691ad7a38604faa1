package dev.authjvm.core.config;

/**
 * Which generation of the Auth.js wire protocol the server speaks where generations differ:
 * cookie names, the no-session body, JSON-mode statuses, {@code /_log}, error codes and redirects,
 * and the session token format. Both JSON modes ({@code json=true} and {@code X-Auth-Return-Redirect})
 * are always understood.
 */
public enum ProtocolVersion {
  /** NextAuth.js v4, which the v3 client ({@code next-auth/client}) also speaks. */
  V4,
  /** Auth.js v5 ({@code next-auth@5}, {@code @auth/core}); the default. */
  V5
}
