package dev.authjvm.core.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869), the key derivation Auth.js applies to {@code AUTH_SECRET}. The JDK gains
 * {@code javax.crypto.KDF} only in 24, and this is two HMAC loops, so it is written out here.
 */
final class Hkdf {
  private static final int HASH_LEN = 32;

  private Hkdf() {}

  /** Derives {@code length} bytes; an empty salt means HashLen zero bytes, per the RFC. */
  static byte[] sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
    if (length <= 0 || length > 255 * HASH_LEN) {
      throw new IllegalArgumentException("HKDF length out of range: " + length);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LEN] : salt, "HmacSHA256"));
      byte[] prk = mac.doFinal(ikm);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      byte[] okm = new byte[length];
      byte[] block = new byte[0];
      for (int i = 0, filled = 0; filled < length; i++) {
        mac.update(block);
        mac.update(info);
        mac.update((byte) (i + 1));
        block = mac.doFinal();
        int n = Math.min(block.length, length - filled);
        System.arraycopy(block, 0, okm, filled, n);
        filled += n;
      }
      return okm;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  static byte[] sha256(String secret, String salt, String info, int length) {
    return sha256(secret.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.UTF_8),
        info.getBytes(StandardCharsets.UTF_8), length);
  }
}
