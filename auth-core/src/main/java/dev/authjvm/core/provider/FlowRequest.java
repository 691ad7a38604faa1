package dev.authjvm.core.provider;

import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.store.AuthStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** Hashes a secret value with the newest server secret, e.g. an email token before it is stored. */
  String hashWithSecret(String value);

  /**
   * Every hash a stored value may have been made with, newest secret first: one per configured secret
   * (rotation), and one with all of them joined as Auth.js hashes with several secrets. Look a stored
   * token up by each in turn.
   */
  List<String> hashesWithSecrets(String value);

  /** The configured store, if any (email sign-in needs one). */
  Optional<AuthStore> store();

  Instant now();
}
