package dev.authjvm.core.jwt;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.DirectDecrypter;
import dev.authjvm.core.internal.codec.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and decrypts Auth.js tokens ({@code alg: dir} JWEs) byte-compatibly with
 * {@code next-auth/jwt} (v4) and {@code @auth/core/jwt} (v5). Keys are derived per salt once and kept,
 * so decoding a cookie costs one decryption and no key derivation. Thread-safe.
 */
public final class JwtCodec {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final String V4_HEADER = b64("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}");
  /** Auth.js accepts tokens up to 15 s past {@code exp}. */
  public static final long CLOCK_TOLERANCE_SECONDS = 15;

  private final List<String> secrets;
  private final JweFormat format;
  private final Clock clock;
  private final SecureRandom random;
  private final Map<String, SaltKeys> keysBySalt = new ConcurrentHashMap<>();

  /**
   * @param secrets newest first: the first encrypts, every one decrypts
   * @param salts   salts whose keys are derived now rather than on first use
   */
  public JwtCodec(List<String> secrets, JweFormat format, Clock clock, List<String> salts) {
    this(secrets, format, clock, salts, new SecureRandom());
  }

  /** With a chosen source of IVs, for reproducing the spec's fixed-IV test vectors. */
  JwtCodec(List<String> secrets, JweFormat format, Clock clock, List<String> salts, SecureRandom random) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one secret is required");
    }
    this.secrets = List.copyOf(secrets);
    this.format = format;
    this.clock = clock;
    this.random = random;
    salts.forEach(this::keys);
  }

  public JweFormat format() {
    return format;
  }

  /**
   * Encrypts the claims with the newest secret, adding {@code iat}, {@code exp = now + maxAge} and a
   * fresh {@code jti}, as Auth.js does on every encode.
   */
  public String encode(JwtClaims claims, Duration maxAge, String salt) {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> payload = new LinkedHashMap<>(claims.asMap());
    payload.put("iat", now);
    payload.put("exp", now + maxAge.toSeconds());
    payload.put("jti", UUID.randomUUID().toString());
    return encrypt(Json.write(payload), salt);
  }

  /** Encrypts an exact payload; no claims are added. */
  String encrypt(byte[] payload, String salt) {
    SaltKeys keys = keys(salt);
    byte[] iv = new byte[format == JweFormat.V5 ? DirectContentKey.CBC_IV_LENGTH : DirectContentKey.GCM_IV_LENGTH];
    random.nextBytes(iv);
    DirectContentKey.Sealed sealed = keys.encryptionKey.encrypt(keys.headerAad, iv, payload);
    // The compact serialization: header, empty encrypted key (alg dir), IV, ciphertext, tag.
    return new StringBuilder(keys.header.length() + 2 + (iv.length + sealed.cipherText().length + sealed.tag().length) * 4 / 3 + 4)
        .append(keys.header).append("..").append(B64.encodeToString(iv))
        .append('.').append(B64.encodeToString(sealed.cipherText()))
        .append('.').append(B64.encodeToString(sealed.tag())).toString();
  }

  /**
   * Decrypts and checks a token. Anything wrong with it (not a JWE, other algorithm, no secret fits,
   * tampered, expired, not yet valid) is "no token": callers treat all of these the same way.
   */
  public Optional<JwtClaims> decode(String token, String salt) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    SaltKeys keys = keys(salt);
    int headerEnd = token.indexOf('.');
    KnownHeader known = headerEnd < 0 ? null : keys.knownHeaders.get(token.substring(0, headerEnd));
    try {
      return known != null ? decodeKnown(token, headerEnd, known) : decodeAny(token, keys);
    } catch (ParseException | RuntimeException e) {
      // Whatever a forged token makes the parser throw (a header without enc made Nimbus throw a
      // NullPointerException), it is a token that does not decode, never a server error.
      return Optional.empty();
    }
  }

  /**
   * A token whose header is, byte for byte, one this codec writes: no header to parse, and nothing in
   * it (zip, crit) that would need Nimbus's general path.
   */
  private Optional<JwtClaims> decodeKnown(String token, int headerEnd, KnownHeader known) {
    int keyEnd = token.indexOf('.', headerEnd + 1);
    int ivEnd = keyEnd < 0 ? -1 : token.indexOf('.', keyEnd + 1);
    int textEnd = ivEnd < 0 ? -1 : token.indexOf('.', ivEnd + 1);
    // Exactly five parts, and no encrypted key: alg dir has none.
    if (keyEnd != headerEnd + 1 || textEnd < 0 || token.indexOf('.', textEnd + 1) >= 0) {
      return Optional.empty();
    }
    byte[] iv = B64D.decode(token.substring(keyEnd + 1, ivEnd));
    byte[] cipherText = B64D.decode(token.substring(ivEnd + 1, textEnd));
    byte[] tag = B64D.decode(token.substring(textEnd + 1));
    for (DirectContentKey key : known.keys) {
      byte[] plaintext = key.decrypt(known.aad, iv, cipherText, tag);
      Optional<Map<String, Object>> claims = plaintext == null ? Optional.empty() : readClaims(plaintext);
      if (claims.isPresent()) {
        return claims.filter(this::isCurrent).map(JwtClaims::adopt);
      }
    }
    return Optional.empty();
  }

  /** Any other token, read by Nimbus: another secret's kid, A256GCM in v5, extra header fields. */
  private Optional<JwtClaims> decodeAny(String token, SaltKeys keys) throws ParseException {
    JWEObject jwe = JWEObject.parse(token);
    JWEHeader header = jwe.getHeader();
    if (!JWEAlgorithm.DIR.equals(header.getAlgorithm())) {
      return Optional.empty();
    }
    for (JWEDecrypter decrypter : keys.decryptersFor(header)) {
      Optional<Map<String, Object>> claims = tryDecrypt(jwe, decrypter);
      if (claims.isPresent()) {
        return claims.filter(this::isCurrent).map(JwtClaims::adopt);
      }
    }
    return Optional.empty();
  }

  private static Optional<Map<String, Object>> readClaims(byte[] plaintext) {
    try {
      return Optional.of(Json.readObject(plaintext));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A failed attempt leaves the object encrypted, so the next secret can be tried on it. */
  private static Optional<Map<String, Object>> tryDecrypt(JWEObject jwe, JWEDecrypter decrypter) {
    try {
      jwe.decrypt(decrypter);
    } catch (JOSEException | RuntimeException e) {
      return Optional.empty();
    }
    return readClaims(jwe.getPayload().toBytes());
  }

  private boolean isCurrent(Map<String, Object> claims) {
    long now = clock.instant().getEpochSecond();
    Object exp = claims.get("exp");
    if (exp != null && !(exp instanceof Number)) {
      return false;
    }
    if (exp instanceof Number n && n.longValue() + CLOCK_TOLERANCE_SECONDS < now) {
      return false;
    }
    Object nbf = claims.get("nbf");
    return !(nbf instanceof Number n) || n.longValue() - CLOCK_TOLERANCE_SECONDS <= now;
  }

  private SaltKeys keys(String salt) {
    SaltKeys keys = keysBySalt.get(salt);
    return keys != null ? keys : keysBySalt.computeIfAbsent(salt, s -> new SaltKeys(secrets, format, s));
  }

  private static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The derived keys of every secret for one salt, with their ready-made encrypter and decrypters. */
  private static final class SaltKeys {
    /** The base64url header this codec writes, and its ASCII bytes (the AAD). */
    private final String header;
    private final byte[] headerAad;
    private final DirectContentKey encryptionKey;
    private final List<KeyEntry> entries = new ArrayList<>();
    /** Headers this codec writes (one per secret in v5), each with the keys that may open its tokens. */
    private final Map<String, KnownHeader> knownHeaders = new HashMap<>();

    SaltKeys(List<String> secrets, JweFormat format, String salt) {
      for (String secret : secrets) {
        byte[] key = Hkdf.sha256(secret, salt, format.info(salt), format.keyLength());
        entries.add(new KeyEntry(format == JweFormat.V5 ? thumbprint(key) : null, key));
      }
      if (format == JweFormat.V5) {
        for (KeyEntry e : entries) {
          knownHeaders.putIfAbsent(v5Header(e.kid), new KnownHeader(v5Header(e.kid), List.of(e.cbc)));
        }
      } else {
        knownHeaders.put(V4_HEADER, new KnownHeader(V4_HEADER, entries.stream().map(e -> e.gcmKey).toList()));
      }
      KeyEntry newest = entries.get(0);
      this.header = format == JweFormat.V5 ? v5Header(newest.kid) : V4_HEADER;
      this.headerAad = header.getBytes(StandardCharsets.US_ASCII);
      this.encryptionKey = format == JweFormat.V5 ? newest.cbc : newest.gcmKey;
    }

    /** Byte-exact as Auth.js writes it, which makes the AAD match. */
    private static String v5Header(String kid) {
      return b64("{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + kid + "\"}");
    }

    /** v5 picks the secret by {@code kid}; without one (and always in v4) every secret is tried. */
    List<JWEDecrypter> decryptersFor(JWEHeader header) {
      EncryptionMethod enc = header.getEncryptionMethod();
      String kid = header.getKeyID();
      List<JWEDecrypter> out = new ArrayList<>(entries.size());
      for (KeyEntry e : entries) {
        if (kid == null || kid.equals(e.kid)) {
          JWEDecrypter d = e.decrypterFor(enc);
          if (d != null) {
            out.add(d);
          }
        }
      }
      return out;
    }

    /** RFC 7638 thumbprint of {@code {"k":…,"kty":"oct"}} with SHA-512, as {@code @auth/core} computes the kid. */
    private static String thumbprint(byte[] key) {
      String jwk = "{\"k\":\"" + B64.encodeToString(key) + "\",\"kty\":\"oct\"}";
      try {
        byte[] digest = MessageDigest.getInstance("SHA-512").digest(jwk.getBytes(StandardCharsets.UTF_8));
        return B64.encodeToString(digest);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A header this codec writes and the keys to try on its tokens, in order. */
  private record KnownHeader(byte[] aad, List<DirectContentKey> keys) {
    KnownHeader(String header, List<DirectContentKey> keys) {
      this(header.getBytes(StandardCharsets.US_ASCII), List.copyOf(keys));
    }
  }

  private static final class KeyEntry {
    final String kid;
    final byte[] key;
    /** For the tokens this codec writes; {@code cbc} only with a 64-byte (v5) key. */
    final DirectContentKey cbc;
    final DirectContentKey gcmKey;
    /** For any other token, through Nimbus. */
    private final JWEDecrypter full;
    private final JWEDecrypter gcm;

    KeyEntry(String kid, byte[] key) {
      this.kid = kid;
      this.key = key;
      // v5 also accepts A256GCM tokens, keyed by the first 32 bytes of the same HKDF output.
      byte[] gcmBytes = key.length == 64 ? Arrays.copyOf(key, 32) : key;
      this.cbc = key.length == 64 ? DirectContentKey.cbcHs512(key) : null;
      this.gcmKey = DirectContentKey.gcm(gcmBytes);
      try {
        this.full = new DirectDecrypter(new SecretKeySpec(key, "AES"));
        this.gcm = key.length == 64 ? new DirectDecrypter(new SecretKeySpec(gcmBytes, "AES")) : full;
      } catch (JOSEException e) {
        throw new IllegalStateException("derived key rejected", e);
      }
    }

    JWEDecrypter decrypterFor(EncryptionMethod enc) {
      if (EncryptionMethod.A256GCM.equals(enc)) {
        return gcm;
      }
      if (EncryptionMethod.A256CBC_HS512.equals(enc) && key.length == 64) {
        return full;
      }
      return null;
    }
  }
}
