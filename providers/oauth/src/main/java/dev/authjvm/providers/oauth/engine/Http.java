package dev.authjvm.providers.oauth.engine;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.io.IOException;

/** The outgoing HTTP calls' limits: a slow identity provider must not hold a request thread for long. */
final class Http {
  static final int CONNECT_TIMEOUT_MS = 5_000;
  static final int READ_TIMEOUT_MS = 10_000;
  static final int JWKS_SIZE_LIMIT = 256 * 1024;

  private Http() {}

  static HTTPResponse send(HTTPRequest request) throws IOException {
    request.setConnectTimeout(CONNECT_TIMEOUT_MS);
    request.setReadTimeout(READ_TIMEOUT_MS);
    // GitHub answers form-encoded token responses unless asked for JSON.
    request.setAccept("application/json");
    request.setFollowRedirects(false);
    return request.send();
  }
}
