package dev.authjvm.core.error;

/**
 * The error codes of the protocol, as they appear in {@code ?error=}. Where v4 and v5 spell one
 * differently, both spellings are kept.
 */
public enum ErrorType {
  CONFIGURATION("Configuration", "Configuration", false, true),
  ACCESS_DENIED("AccessDenied", "AccessDenied", false, true),
  VERIFICATION("Verification", "Verification", false, true),
  CREDENTIALS_SIGNIN("CredentialsSignin", "CredentialsSignin", true, true),
  MISSING_CSRF("MissingCSRF", "MissingCSRF", true, true),
  OAUTH_SIGNIN("OAuthSignin", "OAuthSignin", true, false),
  OAUTH_CALLBACK("OAuthCallback", "OAuthCallbackError", true, true),
  OAUTH_CREATE_ACCOUNT("OAuthCreateAccount", "OAuthCreateAccount", true, false),
  EMAIL_CREATE_ACCOUNT("EmailCreateAccount", "EmailCreateAccount", true, false),
  CALLBACK("Callback", "Callback", true, false),
  OAUTH_ACCOUNT_NOT_LINKED("OAuthAccountNotLinked", "OAuthAccountNotLinked", true, true),
  EMAIL_SIGNIN("EmailSignin", "EmailSignin", true, true),
  SESSION_REQUIRED("SessionRequired", "SessionRequired", true, false),
  /** A passkey registration or assertion that did not verify, or had no valid challenge. */
  WEBAUTHN_VERIFICATION("WebAuthnVerificationError", "WebAuthnVerificationError", false, true),
  /** A passkey of another user than the signed-in one, or a new one for an address another user has. */
  ACCOUNT_NOT_LINKED("AccountNotLinked", "AccountNotLinked", true, true);

  private final String v4Code;
  private final String v5Code;
  private final boolean signInPage;
  private final boolean v5ClientSafe;

  ErrorType(String v4Code, String v5Code, boolean signInPage, boolean v5ClientSafe) {
    this.v4Code = v4Code;
    this.v5Code = v5Code;
    this.signInPage = signInPage;
    this.v5ClientSafe = v5ClientSafe;
  }

  public String v4Code() {
    return v4Code;
  }

  public String v5Code() {
    return v5Code;
  }

  /** Shown as a banner on the sign-in page rather than on the error page. */
  public boolean signInPage() {
    return signInPage;
  }

  /** v5 passes only these to the browser; every other error becomes {@code Configuration}. */
  public boolean v5ClientSafe() {
    return v5ClientSafe;
  }

  /** The type whose v4 or v5 code this is (v4 compares case-insensitively, v5 exactly). */
  public static ErrorType fromCode(String code, boolean ignoreCase) {
    if (code == null) {
      return null;
    }
    for (ErrorType t : values()) {
      if (ignoreCase ? t.v4Code.equalsIgnoreCase(code) || t.v5Code.equalsIgnoreCase(code)
          : t.v4Code.equals(code) || t.v5Code.equals(code)) {
        return t;
      }
    }
    return null;
  }
}
