package dev.authjvm.client;

/**
 * The generation of the Auth.js protocol the client speaks. The two differ in how a sign-in or
 * sign-out asks for JSON instead of a redirect, and in cookie names.
 */
public enum AuthProtocol {
  /**
   * NextAuth.js v4 ({@code next-auth/react} 4): {@code json=true} in the form body, answered with
   * {@code {url}} and the status the client derives {@code ok} from (401 for wrong credentials, 403
   * for a refused sign-in); {@code next-auth.*} cookies.
   */
  V4("next-auth."),
  /**
   * Auth.js v5 ({@code next-auth/react} 5): the {@code X-Auth-Return-Redirect: 1} header, answered
   * with {@code {url}} and status 200; {@code authjs.*} cookies. The default.
   */
  V5("authjs.");

  private final String cookiePrefix;

  AuthProtocol(String cookiePrefix) {
    this.cookiePrefix = cookiePrefix;
  }

  /**
   * The session cookie's name; over https it carries the {@code __Secure-} prefix. A token too large
   * for one cookie comes as {@code name.0}, {@code name.1}, ...
   */
  public String sessionCookieName(boolean secure) {
    return (secure ? "__Secure-" : "") + cookiePrefix + "session-token";
  }

  /** The CSRF cookie's name; over https it carries the {@code __Host-} prefix. */
  public String csrfCookieName(boolean secure) {
    return (secure ? "__Host-" : "") + cookiePrefix + "csrf-token";
  }
}
