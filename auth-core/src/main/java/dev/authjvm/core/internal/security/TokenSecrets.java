package dev.authjvm.core.internal.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The secrets CSRF cookies and email tokens are hashed with, newest first: the newest issues, each
 * one verifies (so adding or removing a secret keeps what was issued valid while its secret is
 * listed), and so do all of them joined by commas, which is what @auth/core hashes with when it has
 * several secrets.
 */
public record TokenSecrets(List<String> verifying) {
  public TokenSecrets {
    verifying = List.copyOf(verifying);
  }

  public static TokenSecrets of(List<String> secrets) {
    List<String> all = new ArrayList<>(secrets);
    if (secrets.size() > 1) {
      all.add(String.join(",", secrets));
    }
    return new TokenSecrets(all);
  }

  /** The secret that issues. */
  public String newest() {
    return verifying.get(0);
  }

  /** As Auth.js hashes email tokens: {@code sha256(value + secret)}, lowercase hex, with the newest secret. */
  public String hash(String value) {
    return CsrfToken.hash(value, newest());
  }

  /** Every hash a stored value may have been made with, newest first. */
  public List<String> hashes(String value) {
    return verifying.stream().map(secret -> CsrfToken.hash(value, secret)).toList();
  }
}
