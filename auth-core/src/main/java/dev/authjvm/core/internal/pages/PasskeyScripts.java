package dev.authjvm.core.internal.pages;

import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.WebAuthnProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in page scripts of the configured WebAuthn providers, read once at start, each with a version
 * (the start of its SHA-256) that the page puts in the script's URL, so a new script is a new URL.
 */
final class PasskeyScripts {
  /** One provider's script. */
  record Script(byte[] body, String version) {}

  private final Map<String, Script> byProvider;

  private PasskeyScripts(Map<String, Script> byProvider) {
    this.byProvider = byProvider;
  }

  static PasskeyScripts of(List<Provider> providers) {
    Map<String, Script> scripts = new LinkedHashMap<>();
    for (Provider p : providers) {
      if (p instanceof WebAuthnProvider w) {
        w.signInPageScript().ifPresent(js -> {
          byte[] body = js.getBytes(StandardCharsets.UTF_8);
          scripts.put(p.id(), new Script(body, HexFormat.of().formatHex(sha256(body), 0, 8)));
        });
      }
    }
    return new PasskeyScripts(Map.copyOf(scripts));
  }

  Optional<Script> of(String providerId) {
    return Optional.ofNullable(providerId == null ? null : byProvider.get(providerId));
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
