package dev.authjvm.core.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Test vectors computed with the real npm packages (next-auth/jwt 4.24 and @auth/core/jwt 0.41), byte for byte. */
class JwtCodecTest {
  static final String SECRET = "test-secret";
  static final String PLAINTEXT = "{\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"picture\":\"https://example.com/jane.png\","
      + "\"sub\":\"user-123\",\"iat\":1700000000,\"exp\":4102444800,\"jti\":\"00000000-0000-4000-8000-000000000000\"}";
  static final String V4_TOKEN = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAECAwQFBgcICQoL.mWGZN0spOpy6aDUMnrc7gLHqjPtxBjQIh0ApprRiTSEAmp9dRs5swTS4FktCBJ6oXttyjc0TKHuuQfPuXPK1rin9OlIVfKN7VS3EFmw7k46Wgo2ZTI1SZ0DwBVAszg4lpRupbgrv677dngHT9Mp4J-cbEz44Y8kwYUtihEgJEihU6uaEd1iKjO3ZBvSbE2g6bnCdHHohj7epbABQrHpCpkrUXwzgTOLbf_vGtEdVaHNlzJTF9wXa.nCIBMy7c0YWp9aihSVIgFg";
  static final String V5_TOKEN = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwia2lkIjoiTFJrYUx2dmR5TWZyd3lPWGwtM3pIVDdILVE2ZnZYZWYyQzVhR0VDOFRWNk0xaG4ybGM0TXFPMzFCTzFjdWJNUUVnVnRQNHJEZV81aXFROTI4dHRDN3cifQ..AAECAwQFBgcICQoLDA0ODw.k7bnSIioTsMs9U5r7G3NNCQKf-KtBBUbUBfno_fprIsQHFZW7ffFEyc8bvVIUHIKa4HE2JDnVeriXzRrD45tSinFnQyvL4VboFkBkL5wenVWMqWq_ttN1P0091GRlRdBfquBNa7tgiyipcas00jnjmkwTpT9S8ScKAlhBx25K1WcyiQhF_DSGFAZj9RbmwV8Ko-bvVIj95lq5DaRDvR0RTccjrEpPjEOM3d-Mj2F1phrO1YrlphJdjGPZnXt9t63.5kM-NJIzNPeAkfqkpKZEgLrwHqAfnFDoIDCoHVO-6Ls";
  static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /** IV bytes 00 01 02 ..., as the vectors were made. */
  static SecureRandom countingRandom() {
    return new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) i;
        }
      }
    };
  }

  @Nested
  class KeyDerivation {
    @Test
    void v4SessionKeyMatchesTheVector() {
      assertEquals("233a0d9c3e93817c2a383a4235b78cc7820ed294cbf0a88d52650b90af59115a",
          hex(Hkdf.sha256(SECRET, "", JweFormat.V4.info(""), 32)));
    }

    @Test
    void v4StateCookieKeyMatchesTheVector() {
      assertEquals("d159a71800bdcfed3aec5c353efc3f7caaa757b0d08d59647078425d00f3728a",
          hex(Hkdf.sha256(SECRET, "next-auth.state", JweFormat.V4.info("next-auth.state"), 32)));
    }

    @Test
    void v5KeyMatchesTheVector() {
      assertEquals("6d5bdbc76176d481ebca315e456c6c942c864e4346d78c6e49db4d8eca7aaefd"
              + "d68fd9a47eea1cb70c322d6664192987fc893c0524834d6aabd6252bebde01c6",
          hex(Hkdf.sha256(SECRET, "authjs.session-token", JweFormat.V5.info("authjs.session-token"), 64)));
    }

    @Test
    void v5SecureKeyMatchesTheVector() {
      assertEquals("c0bb790e555bd56227c0c2ccf35b54b0d3d0623b253a51ba8986e59a24d4fb91"
              + "7d9bc73158054af9d30525d93e22fdde6f80962025b32ffba72927af7ecec1ce",
          hex(Hkdf.sha256(SECRET, "__Secure-authjs.session-token",
              JweFormat.V5.info("__Secure-authjs.session-token"), 64)));
    }

    @Test
    void v3SigningKeyMatchesTheVector() {
      assertEquals("6aabead56997bffc2985e9652f6a25cbc99649dc8bea02a4d27c9b5cb03983d0"
              + "7f4a59e7dcec758d9fc9c912884b15f04d84a44e54d79c4cc358f67dd823acd1",
          hex(Hkdf.sha256(SECRET, "", "NextAuth.js Generated Signing Key", 64)));
    }
  }

  @Nested
  class V5Format {
    JwtCodec codec = new JwtCodec(List.of(SECRET), JweFormat.V5, NOW, List.of("authjs.session-token"), countingRandom());

    @Test
    void encodesTheVectorByteForByte() {
      assertEquals(V5_TOKEN, codec.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), "authjs.session-token"));
    }

    @Test
    void decodesTheVectorMadeByAuthJs() {
      JwtClaims claims = codec.decode(V5_TOKEN, "authjs.session-token").orElseThrow();
      assertEquals("Jane Doe", claims.name());
      assertEquals("user-123", claims.sub());
      assertEquals("https://example.com/jane.png", claims.picture());
    }

    @Test
    void refusesTheVectorUnderTheSecureCookieName() {
      assertTrue(codec.decode(V5_TOKEN, "__Secure-authjs.session-token").isEmpty());
    }

    @Test
    void refusesATamperedToken() {
      String[] parts = V5_TOKEN.split("\\.");
      char c = parts[3].charAt(5);
      parts[3] = parts[3].substring(0, 5) + (c == 'A' ? 'B' : 'A') + parts[3].substring(6);
      assertTrue(codec.decode(String.join(".", parts), "authjs.session-token").isEmpty());
    }

    @Test
    void refusesATokenOfAnotherSecret() {
      JwtCodec other = new JwtCodec(List.of("another-secret"), JweFormat.V5, NOW, List.of());
      assertTrue(other.decode(V5_TOKEN, "authjs.session-token").isEmpty());
    }

    @Test
    void refusesGarbage() {
      assertTrue(codec.decode("not.a.token", "authjs.session-token").isEmpty());
      assertTrue(codec.decode("a.b.c.d.e", "authjs.session-token").isEmpty());
      assertTrue(codec.decode("", "authjs.session-token").isEmpty());
    }

    @Test
    void roundTripsWithFreshIatExpAndJti() {
      String token = codec.encode(JwtClaims.of(Map.of("sub", "42")), Duration.ofHours(1), "authjs.session-token");
      JwtClaims claims = codec.decode(token, "authjs.session-token").orElseThrow();
      assertEquals("42", claims.sub());
      assertEquals(1_800_000_000L, claims.epochSeconds("iat"));
      assertEquals(1_800_003_600L, claims.epochSeconds("exp"));
      assertEquals(36, claims.string("jti").length());
    }

    @Test
    void acceptsATokenWithinFifteenSecondsPastExpiry() {
      String token = codec.encode(JwtClaims.of(Map.of("sub", "42")), Duration.ofSeconds(10), "authjs.session-token");
      Clock later = Clock.offset(NOW, Duration.ofSeconds(24));
      JwtCodec reader = new JwtCodec(List.of(SECRET), JweFormat.V5, later, List.of());
      assertTrue(reader.decode(token, "authjs.session-token").isPresent());
    }

    @Test
    void refusesAnExpiredToken() {
      String token = codec.encode(JwtClaims.of(Map.of("sub", "42")), Duration.ofSeconds(10), "authjs.session-token");
      Clock later = Clock.offset(NOW, Duration.ofSeconds(26));
      JwtCodec reader = new JwtCodec(List.of(SECRET), JweFormat.V5, later, List.of());
      assertTrue(reader.decode(token, "authjs.session-token").isEmpty());
    }

    @Test
    void rotationDecodesTokensOfTheOlderSecretAndEncryptsWithTheNewest() {
      String old = codec.encode(JwtClaims.of(Map.of("sub", "1")), Duration.ofHours(1), "authjs.session-token");
      JwtCodec rotated = new JwtCodec(List.of("new-secret", SECRET), JweFormat.V5, NOW, List.of());
      assertEquals("1", rotated.decode(old, "authjs.session-token").orElseThrow().sub());
      String fresh = rotated.encode(JwtClaims.of(Map.of("sub", "2")), Duration.ofHours(1), "authjs.session-token");
      assertTrue(codec.decode(fresh, "authjs.session-token").isEmpty(), "old-secret-only server cannot read it");
    }
  }

  /**
   * The tokens this codec writes are read by its own code, not Nimbus's; these pin that path to
   * Nimbus's stock {@code dir} encrypter and decrypter, with random IVs rather than the vectors' fixed ones.
   */
  @Nested
  class AgainstNimbus {
    static final String SALT = "authjs.session-token";

    static DirectDecrypter nimbusDecrypter(JweFormat format, String salt) throws Exception {
      return new DirectDecrypter(new SecretKeySpec(Hkdf.sha256(SECRET, salt, format.info(salt), format.keyLength()), "AES"));
    }

    @ParameterizedTest
    @EnumSource(JweFormat.class)
    void nimbusDecryptsWhatTheCodecEncrypts(JweFormat format) throws Exception {
      String salt = format == JweFormat.V5 ? SALT : "";
      JwtCodec codec = new JwtCodec(List.of(SECRET), format, NOW, List.of());
      for (int i = 0; i < 50; i++) {
        String payload = "{\"sub\":\"" + "x".repeat(i) + "\"}";
        JWEObject jwe = JWEObject.parse(codec.encrypt(payload.getBytes(StandardCharsets.UTF_8), salt));
        jwe.decrypt(nimbusDecrypter(format, salt));
        assertEquals(payload, jwe.getPayload().toString());
      }
    }

    @ParameterizedTest
    @EnumSource(JweFormat.class)
    void theCodecDecryptsWhatNimbusEncryptsUnderItsHeader(JweFormat format) throws Exception {
      String salt = format == JweFormat.V5 ? SALT : "";
      JwtCodec codec = new JwtCodec(List.of(SECRET), format, NOW, List.of());
      String header = codec.encrypt(new byte[0], salt).split("\\.")[0];
      byte[] key = Hkdf.sha256(SECRET, salt, format.info(salt), format.keyLength());
      for (int i = 0; i < 50; i++) {
        JWEObject jwe = new JWEObject(JWEHeader.parse(Base64URL.from(header)), new Payload("{\"sub\":\"" + i + "\"}"));
        jwe.encrypt(new DirectEncrypter(new SecretKeySpec(key, "AES")));
        assertEquals(String.valueOf(i), codec.decode(jwe.serialize(), salt).orElseThrow().sub());
      }
    }

    @Test
    void aTokenWithAnotherHeaderIsStillReadThroughNimbus() throws Exception {
      byte[] key = Hkdf.sha256(SECRET, SALT, JweFormat.V5.info(SALT), 64);
      JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512)
          .contentType("JWT").build(), new Payload("{\"sub\":\"7\"}"));
      jwe.encrypt(new DirectEncrypter(new SecretKeySpec(key, "AES")));
      JwtCodec codec = new JwtCodec(List.of(SECRET), JweFormat.V5, NOW, List.of());
      assertEquals("7", codec.decode(jwe.serialize(), SALT).orElseThrow().sub());
    }

    @Test
    void aKnownHeaderWithAnEncryptedKeyIsRefused() {
      JwtCodec codec = new JwtCodec(List.of(SECRET), JweFormat.V5, NOW, List.of());
      String[] parts = codec.encode(JwtClaims.of(Map.of("sub", "1")), Duration.ofHours(1), SALT).split("\\.");
      parts[1] = "AAAA";
      assertTrue(codec.decode(String.join(".", parts), SALT).isEmpty());
    }

    @Test
    void aShortenedTagIsRefused() {
      JwtCodec codec = new JwtCodec(List.of(SECRET), JweFormat.V5, NOW, List.of());
      String token = codec.encode(JwtClaims.of(Map.of("sub", "1")), Duration.ofHours(1), SALT);
      // 32 tag bytes are 43 characters; 42 still decode as base64url, to 31 bytes.
      assertTrue(codec.decode(token.substring(0, token.length() - 1), SALT).isEmpty());
    }

    @Test
    void aSixthPartIsRefused() {
      JwtCodec codec = new JwtCodec(List.of(SECRET), JweFormat.V5, NOW, List.of());
      String token = codec.encode(JwtClaims.of(Map.of("sub", "1")), Duration.ofHours(1), SALT);
      assertTrue(codec.decode(token + ".", SALT).isEmpty());
    }
  }

  @Nested
  class V4Format {
    JwtCodec codec = new JwtCodec(List.of(SECRET), JweFormat.V4, NOW, List.of(""), countingRandom());

    @Test
    void encodesTheVectorByteForByte() {
      assertEquals(V4_TOKEN, codec.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), ""));
    }

    @Test
    void decodesTheVectorMadeByNextAuth() {
      assertEquals("jane@example.com", codec.decode(V4_TOKEN, "").orElseThrow().email());
    }

    @Test
    void doesNotReadV5Tokens() {
      assertTrue(codec.decode(V5_TOKEN, "").isEmpty());
    }
  }
}
