package dev.authjvm.conformance.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authjvm.core.provider.RegisteredCredential;
import dev.authjvm.core.provider.WebAuthnCeremony;
import dev.authjvm.core.provider.WebAuthnProvider;
import dev.authjvm.core.provider.WebAuthnUserEntity;
import dev.authjvm.core.provider.WebAuthnVerificationException;
import dev.authjvm.core.store.Authenticator;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A WebAuthn provider written against the SPI alone, with a toy protocol instead of real WebAuthn: the
 * "authenticator" answers {@code {"id", "challenge", "origin"}}, and the provider checks that the challenge
 * and origin are the ceremony's. It shows the core runs the ceremony (challenge, relying party, store,
 * session) for any implementation; it proves nothing cryptographic.
 */
public final class ThirdPartyWebAuthn implements WebAuthnProvider {
  public static final String ID = "toy-passkey";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Toy passkey";
  }

  @Override
  public Map<String, Object> registrationOptions(WebAuthnCeremony ceremony, WebAuthnUserEntity user,
                                                 List<Authenticator> excludeCredentials) {
    return Map.of("challenge", ceremony.challenge(), "rp", Map.of("id", ceremony.relyingParty().id()),
        "user", Map.of("name", user.name()));
  }

  @Override
  public Map<String, Object> authenticationOptions(WebAuthnCeremony ceremony, List<Authenticator> allowCredentials) {
    return Map.of("challenge", ceremony.challenge(), "rpId", ceremony.relyingParty().id());
  }

  @Override
  public RegisteredCredential verifyRegistration(String responseJson, WebAuthnCeremony ceremony) {
    JsonNode answer = check(responseJson, ceremony);
    String id = Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(answer.path("id").asText()));
    return new RegisteredCredential(id, "toy-key", 0, "singleDevice", false, null);
  }

  @Override
  public long verifyAuthentication(String responseJson, WebAuthnCeremony ceremony, Authenticator stored) {
    check(responseJson, ceremony);
    return stored.counter() + 1;
  }

  /** The toy answer for a challenge: what a test's "authenticator" sends. */
  public static String answer(String credentialId, String challenge, String origin) {
    return JSON.createObjectNode().put("id", credentialId).put("challenge", challenge).put("origin", origin).toString();
  }

  private static JsonNode check(String responseJson, WebAuthnCeremony ceremony) {
    JsonNode answer;
    try {
      answer = JSON.readTree(responseJson);
    } catch (IOException e) {
      throw new WebAuthnVerificationException("the toy answer is not JSON");
    }
    if (!ceremony.challenge().equals(answer.path("challenge").asText())
        || !ceremony.relyingParty().origin().equals(answer.path("origin").asText())) {
      throw new WebAuthnVerificationException("the toy answer is for another challenge or origin");
    }
    return answer;
  }
}
