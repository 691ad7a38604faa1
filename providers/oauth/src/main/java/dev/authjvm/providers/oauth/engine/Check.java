package dev.authjvm.providers.oauth.engine;

/**
 * The protections a flow can carry from {@code /signin} to {@code /callback} in encrypted check
 * cookies (Auth.js's {@code checks} option). Each one defeats a different attack: {@code state} a
 * forged callback (login CSRF), {@code pkce} a stolen authorization code, {@code nonce} a replayed ID token.
 */
public enum Check {
  PKCE("pkce"), STATE("state"), NONCE("nonce");

  private final String cookieCheck;

  Check(String cookieCheck) {
    this.cookieCheck = cookieCheck;
  }

  /** The name {@link dev.authjvm.core.provider.CheckCookies} knows this check by. */
  String cookieCheck() {
    return cookieCheck;
  }
}
