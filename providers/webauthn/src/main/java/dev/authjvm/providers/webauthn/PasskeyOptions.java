package dev.authjvm.providers.webauthn;

import dev.authjvm.core.provider.WebAuthnCeremony;
import dev.authjvm.core.provider.WebAuthnUserEntity;
import dev.authjvm.core.store.Authenticator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options the browser gets, in the JSON shapes SimpleWebAuthn 9's {@code generateRegistrationOptions}
 * and {@code generateAuthenticationOptions} give Auth.js, which the official clients pass on unchanged.
 */
final class PasskeyOptions {
  /** EdDSA, ES256, RS256: SimpleWebAuthn's defaults, which cover every passkey authenticator. */
  static final List<Integer> ALGORITHMS = List.of(-8, -7, -257);

  private final long timeoutMillis;
  private final String userVerification;

  PasskeyOptions(Duration timeout, boolean requireUserVerification) {
    this.timeoutMillis = timeout.toMillis();
    this.userVerification = requireUserVerification ? "required" : "preferred";
  }

  Map<String, Object> registration(WebAuthnCeremony ceremony, WebAuthnUserEntity user, List<Authenticator> exclude) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("challenge", ceremony.challenge());
    o.put("rp", Map.of("name", ceremony.relyingParty().name(), "id", ceremony.relyingParty().id()));
    o.put("user", Map.of("id", user.id(), "name", user.name(), "displayName", user.displayName()));
    o.put("pubKeyCredParams", ALGORITHMS.stream().map(alg -> Map.of("alg", alg, "type", "public-key")).toList());
    o.put("timeout", timeoutMillis);
    o.put("attestation", "none");
    o.put("excludeCredentials", descriptors(exclude));
    Map<String, Object> selection = new LinkedHashMap<>();
    selection.put("residentKey", "required");
    selection.put("userVerification", userVerification);
    selection.put("requireResidentKey", true);
    o.put("authenticatorSelection", selection);
    o.put("extensions", Map.of("credProps", true));
    return o;
  }

  Map<String, Object> authentication(WebAuthnCeremony ceremony, List<Authenticator> allow) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("challenge", ceremony.challenge());
    if (!allow.isEmpty()) {
      o.put("allowCredentials", descriptors(allow));
    }
    o.put("timeout", timeoutMillis);
    o.put("userVerification", userVerification);
    o.put("rpId", ceremony.relyingParty().id());
    return o;
  }

  /** {@code PublicKeyCredentialDescriptorJSON}: the raw id as base64url, and the stored transport hints. */
  private static List<Map<String, Object>> descriptors(List<Authenticator> authenticators) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Authenticator a : authenticators) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(a.credentialId())));
      d.put("type", "public-key");
      if (a.transports() != null && !a.transports().isBlank()) {
        d.put("transports", List.of(a.transports().split(",")));
      }
      out.add(d);
    }
    return out;
  }
}
