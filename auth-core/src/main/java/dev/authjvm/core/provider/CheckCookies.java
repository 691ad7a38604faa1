package dev.authjvm.core.provider;

import dev.authjvm.core.http.SetCookie;
import java.time.Duration;
import java.util.Optional;

/**
 * Cookies that carry a flow's secrets (OAuth {@code state}, PKCE verifier, OIDC nonce) from
 * {@code /signin} to {@code /callback}: encrypted as Auth.js does (salt = cookie name), valid
 * 15 minutes, and bound to the provider that set them so another provider's callback cannot use them.
 */
public interface CheckCookies {
  Duration MAX_AGE = Duration.ofMinutes(15);

  /** The cookie name for a check: {@code state}, {@code pkce.code_verifier} or {@code nonce}, with this generation's prefix. */
  String name(String check);

  /** A cookie holding {@code value} for this provider. */
  SetCookie create(String check, String value);

  /**
   * Like {@link #create}, for a flow whose callback arrives as a cross-site POST
   * ({@code response_mode=form_post}): {@code SameSite=None; Secure} on https, so the browser sends it.
   */
  default SetCookie createForCrossSitePost(String check, String value) {
    return create(check, value);
  }

  /** The value of the request's check cookie, if present, decryptable, unexpired and set by this provider. */
  Optional<String> read(String check);

  /** The deletion of a check cookie (after the callback, whatever its outcome). */
  SetCookie delete(String check);
}
