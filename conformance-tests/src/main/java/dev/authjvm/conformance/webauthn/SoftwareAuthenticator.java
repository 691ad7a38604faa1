package dev.authjvm.conformance.webauthn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.CollectedClientDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.ClientDataType;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A passkey authenticator in software, for checking a server's WebAuthn without a browser: EC P-256 keys,
 * "none" attestation, the CBOR and COSE encodings done by webauthn4j's data classes. It answers the options
 * of {@code GET /webauthn-options} as a browser's {@code startRegistration} / {@code startAuthentication}
 * would (RegistrationResponseJSON, AuthenticationResponseJSON), for the origin it is told the page is on.
 *
 * <p>Its knobs let a check forge what a broken or hostile client would send: another origin, a relying party
 * id hash of another site, no user verification, or a signature counter of its choosing. Not thread-safe.
 */
public final class SoftwareAuthenticator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectConverter CONVERTER = new ObjectConverter();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<Credential> credentials = new ArrayList<>();
  private boolean countsSignatures = true;
  private boolean verifiesUser = true;
  private String relyingPartyIdForHash;
  private Long nextCounter;

  /** A passkey this authenticator holds. */
  public record Credential(byte[] id, String rpId, KeyPair keys, long[] counter) {
    /** The id as the server stores it: standard Base64 with padding. */
    public String storedId() {
      return Base64.getEncoder().encodeToString(id);
    }
  }

  /** Whether the signature counter goes up with each assertion (a hardware key) or stays 0 (a synced passkey). */
  public SoftwareAuthenticator countsSignatures(boolean counts) {
    this.countsSignatures = counts;
    return this;
  }

  /** Whether the UV flag is set: off, the authenticator saw the user present but did not verify them. */
  public SoftwareAuthenticator verifiesUser(boolean verifies) {
    this.verifiesUser = verifies;
    return this;
  }

  /** Signs with the relying party id hash of this id instead of the one in the options (another site's passkey). */
  public SoftwareAuthenticator hashesRelyingPartyId(String rpId) {
    this.relyingPartyIdForHash = rpId;
    return this;
  }

  /** The counter the next assertion carries, whatever the credential's own. */
  public SoftwareAuthenticator nextCounter(long counter) {
    this.nextCounter = counter;
    return this;
  }

  public List<Credential> credentials() {
    return List.copyOf(credentials);
  }

  /** Answers registration options ({@code PublicKeyCredentialCreationOptionsJSON}) with a new passkey. */
  public String register(JsonNode options, String origin) {
    try {
      String rpId = options.path("rp").path("id").asText();
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      byte[] id = new byte[32];
      RANDOM.nextBytes(id);
      Credential credential = new Credential(id, rpId, generator.generateKeyPair(), new long[] {0});
      credentials.add(credential);
      AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, id,
          EC2COSEKey.create((ECPublicKey) credential.keys().getPublic(), COSEAlgorithmIdentifier.ES256));
      AuthenticatorData<?> authData = new AuthenticatorData<>(rpIdHash(rpId), flags(true), 0, attested);
      @SuppressWarnings({"unchecked", "rawtypes"})
      AttestationObject attestation = new AttestationObject((AuthenticatorData) authData, new NoneAttestationStatement());
      ObjectNode response = JSON.createObjectNode()
          .put("clientDataJSON", clientData(ClientDataType.WEBAUTHN_CREATE, options, origin))
          .put("attestationObject", new AttestationObjectConverter(CONVERTER).convertToBase64urlString(attestation));
      response.putArray("transports").add("internal");
      return credentialJson(id, response);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 keys are part of every JRE", e);
    }
  }

  /**
   * Answers authentication options ({@code PublicKeyCredentialRequestOptionsJSON}) with the first passkey of
   * the options' relying party that {@code allowCredentials} allows (any of its passkeys without the list).
   */
  public String authenticate(JsonNode options, String origin) {
    return assertWith(find(options), options, origin);
  }

  /** An assertion by this passkey, whatever the options allow (for a check that names a credential). */
  public String assertWith(Credential credential, JsonNode options, String origin) {
    try {
      long counter = nextCounter != null ? nextCounter : countsSignatures ? ++credential.counter()[0] : 0;
      nextCounter = null;
      byte[] authData = new AuthenticatorDataConverter(CONVERTER).convert(
          new AuthenticatorData<>(rpIdHash(credential.rpId()), flags(false), counter));
      String clientData = clientData(ClientDataType.WEBAUTHN_GET, options, origin);
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(credential.keys().getPrivate());
      signer.update(authData);
      signer.update(MessageDigest.getInstance("SHA-256").digest(Base64.getUrlDecoder().decode(clientData)));
      ObjectNode response = JSON.createObjectNode()
          .put("clientDataJSON", clientData)
          .put("authenticatorData", B64URL.encodeToString(authData))
          .put("signature", B64URL.encodeToString(signer.sign()))
          .put("userHandle", B64URL.encodeToString("kit-user-handle".getBytes(StandardCharsets.UTF_8)));
      return credentialJson(credential.id(), response);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ECDSA with SHA-256 is part of every JRE", e);
    }
  }

  private Credential find(JsonNode options) {
    String rpId = options.path("rpId").asText();
    List<String> allowed = new ArrayList<>();
    options.path("allowCredentials").forEach(c -> allowed.add(c.path("id").asText()));
    return credentials.stream()
        .filter(c -> c.rpId().equals(rpId) && (allowed.isEmpty() || allowed.contains(B64URL.encodeToString(c.id()))))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the authenticator holds no passkey for " + rpId + " the options allow"));
  }

  private byte flags(boolean attested) {
    int f = AuthenticatorData.BIT_UP | (verifiesUser ? AuthenticatorData.BIT_UV : 0) | (attested ? AuthenticatorData.BIT_AT : 0);
    return (byte) f;
  }

  private byte[] rpIdHash(String rpId) throws GeneralSecurityException {
    String hashed = relyingPartyIdForHash != null ? relyingPartyIdForHash : rpId;
    return MessageDigest.getInstance("SHA-256").digest(hashed.getBytes(StandardCharsets.UTF_8));
  }

  private static String clientData(ClientDataType type, JsonNode options, String origin) {
    CollectedClientData data = new CollectedClientData(type,
        new DefaultChallenge(Base64.getUrlDecoder().decode(options.path("challenge").asText())), new Origin(origin), null);
    return new CollectedClientDataConverter(CONVERTER).convertToBase64UrlString(data);
  }

  private static String credentialJson(byte[] id, ObjectNode response) {
    ObjectNode credential = JSON.createObjectNode()
        .put("id", B64URL.encodeToString(id))
        .put("rawId", B64URL.encodeToString(id))
        .put("type", "public-key")
        .put("authenticatorAttachment", "platform");
    credential.set("response", response);
    credential.putObject("clientExtensionResults");
    return credential.toString();
  }
}
