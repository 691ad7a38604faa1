package dev.authjvm.client;

/**
 * The outcome of {@link AuthClient#signIn}, shaped as the official client's
 * {@code signIn(provider, {redirect: false})} result.
 *
 * <p>Read it as that client does: with {@link AuthProtocol#V5} a refused sign-in is still
 * {@code status 200, ok true}, with an {@code error} ({@code CredentialsSignin}) and a {@code code}
 * (the server's reason, e.g. {@code credentials}); with {@link AuthProtocol#V4} it is
 * {@code status 401, ok false}. {@link #succeeded()} covers both.
 *
 * @param error  the error type from the server's answer URL (e.g. {@code CredentialsSignin},
 *               {@code AccessDenied}), or {@code null}
 * @param code   the error code from that URL (v5 servers), or {@code null}
 * @param status the HTTP status of the answer
 * @param ok     whether that status was 2xx
 * @param url    {@code null} after an error; else where to go next: the callback URL after a
 *               credentials sign-in, the "check your email" page after an email sign-in, and the
 *               provider's authorization URL to open in a browser for OAuth and OpenID Connect
 */
public record SignInResult(String error, String code, int status, boolean ok, String url) {

  /** No error and a 2xx status: signed in (credentials), link sent (email), or {@link #url} to open (OAuth). */
  public boolean succeeded() {
    return error == null && ok;
  }
}
