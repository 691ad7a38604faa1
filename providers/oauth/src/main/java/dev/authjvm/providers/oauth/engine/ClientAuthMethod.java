package dev.authjvm.providers.oauth.engine;

/** How the client proves itself at the token endpoint (RFC 6749 §2.3.1); most providers take either. */
public enum ClientAuthMethod {
  /** {@code Authorization: Basic} with the form-encoded id and secret: the OAuth default. */
  CLIENT_SECRET_BASIC,
  /** {@code client_id} and {@code client_secret} in the form body, as LinkedIn and Twitch require. */
  CLIENT_SECRET_POST
}
