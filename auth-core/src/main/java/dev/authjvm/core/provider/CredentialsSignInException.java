package dev.authjvm.core.provider;

/**
 * Thrown by {@link CredentialsProvider#authorize} to refuse a sign-in with a code the client sees:
 * v5 answers {@code error=CredentialsSignin&code=<code>}, v4 answers {@code error=<code>}.
 */
public class CredentialsSignInException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  public CredentialsSignInException(String code) {
    super("credentials refused: " + code, null, false, false);
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
    this.code = code;
  }

  public String code() {
    return code;
  }
}
