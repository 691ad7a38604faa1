package dev.authjvm.core.jwt;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.util.Base64URL;
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
    try {
      JWEObject jwe = new JWEObject(keys.header, new Payload(payload));
      jwe.encrypt(keys.encrypter);
      return jwe.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("token encryption failed", e);
    }
  }

  /**
   * Decrypts and checks a token. Anything wrong with it (not a JWE, other algorithm, no secret fits,
   * tampered, expired, not yet valid) is "no token": callers treat all of these the same way.
   */
  public Optional<JwtClaims> decode(String token, String salt) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    try {
      JWEObject jwe = JWEObject.parse(token);
      JWEHeader header = jwe.getHeader();
      if (!JWEAlgorithm.DIR.equals(header.getAlgorithm())) {
        return Optional.empty();
      }
      for (JWEDecrypter decrypter : keys(salt).decryptersFor(header)) {
        Optional<Map<String, Object>> claims = tryDecrypt(jwe, decrypter);
        if (claims.isPresent()) {
          return claims.filter(this::isCurrent).map(JwtClaims::of);
        }
      }
      return Optional.empty();
    } catch (ParseException | RuntimeException e) {
      // Whatever a forged token makes the parser throw (a header without enc made Nimbus throw a
      // NullPointerException), it is a token that does not decode, never a server error.
      return Optional.empty();
    }
  }

  /** A failed attempt leaves the object encrypted, so the next secret can be tried on it. */
  private static Optional<Map<String, Object>> tryDecrypt(JWEObject jwe, JWEDecrypter decrypter) {
    try {
      jwe.decrypt(decrypter);
      return Optional.of(Json.readObject(jwe.getPayload().toBytes()));
    } catch (JOSEException | RuntimeException e) {
      return Optional.empty();
    }
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
    return keysBySalt.computeIfAbsent(salt, s -> new SaltKeys(secrets, format, s, random));
  }

  /** The derived keys of every secret for one salt, with their ready-made encrypter and decrypters. */
  private static final class SaltKeys {
    private final JWEHeader header;
    private final JWEEncrypter encrypter;
    private final List<KeyEntry> entries = new ArrayList<>();

    SaltKeys(List<String> secrets, JweFormat format, String salt, SecureRandom random) {
      for (String secret : secrets) {
        byte[] key = Hkdf.sha256(secret, salt, format.info(salt), format.keyLength());
        entries.add(new KeyEntry(format == JweFormat.V5 ? thumbprint(key) : null, key));
      }
      KeyEntry newest = entries.get(0);
      this.header = format == JweFormat.V5
          ? exactHeader("{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\"" + newest.kid + "\"}")
          : exactHeader("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}");
      try {
        DirectEncrypter enc = new DirectEncrypter(new SecretKeySpec(newest.key, "AES"));
        enc.getJCAContext().setSecureRandom(random);
        this.encrypter = enc;
      } catch (JOSEException e) {
        throw new IllegalStateException("derived key rejected", e);
      }
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

    /** Nimbus keeps the parsed Base64URL, so the header (and thus the AAD) is byte-exact as Auth.js writes it. */
    private static JWEHeader exactHeader(String json) {
      try {
        return JWEHeader.parse(Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)));
      } catch (ParseException e) {
        throw new IllegalStateException(e);
      }
    }

    /** RFC 7638 thumbprint of {@code {"k":…,"kty":"oct"}} with SHA-512, as {@code @auth/core} computes the kid. */
    private static String thumbprint(byte[] key) {
      String jwk = "{\"k\":\"" + Base64URL.encode(key) + "\",\"kty\":\"oct\"}";
      try {
        byte[] digest = MessageDigest.getInstance("SHA-512").digest(jwk.getBytes(StandardCharsets.UTF_8));
        return Base64URL.encode(digest).toString();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class KeyEntry {
    final String kid;
    final byte[] key;
    private final JWEDecrypter full;
    private final JWEDecrypter gcm;

    KeyEntry(String kid, byte[] key) {
      this.kid = kid;
      this.key = key;
      try {
        this.full = new DirectDecrypter(new SecretKeySpec(key, "AES"));
        // v5 also accepts A256GCM tokens, keyed by the first 32 bytes of the same HKDF output.
        this.gcm = key.length == 64 ? new DirectDecrypter(new SecretKeySpec(Arrays.copyOf(key, 32), "AES")) : full;
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
