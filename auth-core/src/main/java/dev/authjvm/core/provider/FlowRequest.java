package dev.authjvm.core.provider;

import dev.authjvm.core.http.AuthRequest;
import java.time.Instant;
import java.util.Map;

/** What the core gives a {@link RedirectFlowProvider} for one step. */
public interface FlowRequest {
  AuthRequest request();

  /** The query string of this request, decoded. On {@code POST /signin/:id} these are {@code signIn}'s authorization params. */
  Map<String, String> query();

  /** The form or JSON fields of a POST body, decoded; empty for GET. */
  Map<String, String> form();

  /** This provider's callback URL, e.g. {@code https://example.com/api/auth/callback/github}: the {@code redirect_uri}. */
  String providerCallbackUrl();

  /** The URL of an action under the base path, e.g. {@code url("verify-request")}. */
  String url(String action);

  /** Where the user goes after signing in (already validated by the redirect callback). */
  String callbackUrl();

  /** Encrypted, short-lived cookies bound to this provider, for state, PKCE verifier and nonce. */
  CheckCookies checks();

  Instant now();
}
