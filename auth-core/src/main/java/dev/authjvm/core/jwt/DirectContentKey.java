package dev.authjvm.core.jwt;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One {@code alg: dir} content key with the JDK objects that use it kept per thread, for the token
 * formats Auth.js writes: A256CBC-HS512 (RFC 7518 §5.2.5) and A256GCM. Nimbus's
 * {@code DirectEncrypter}/{@code DirectDecrypter} compute the same bytes but look up a {@link Cipher}
 * and a {@link Mac} and re-key the HMAC on every call, which cost as much as the cryptography itself
 * for a session cookie. Thread-safe; decryption failures are {@code null}, never an exception.
 */
final class DirectContentKey {
  static final int CBC_IV_LENGTH = 16;
  static final int GCM_IV_LENGTH = 12;
  private static final int CBC_TAG_LENGTH = 32;
  private static final int GCM_TAG_BITS = 128;
  private static final ThreadLocal<Cipher> CBC = ThreadLocal.withInitial(() -> cipher("AES/CBC/PKCS5Padding"));
  private static final ThreadLocal<Cipher> GCM_DECRYPT = ThreadLocal.withInitial(() -> cipher("AES/GCM/NoPadding"));

  /** The encryption key of CBC-HS512 (the second half of the key), or the whole key of GCM. */
  private final SecretKeySpec aesKey;
  /** HMAC-SHA-512 keyed with the first half of a CBC-HS512 key; {@code null} for a GCM key. */
  private final ThreadLocal<Mac> mac;

  private DirectContentKey(SecretKeySpec aesKey, ThreadLocal<Mac> mac) {
    this.aesKey = aesKey;
    this.mac = mac;
  }

  /** A256CBC-HS512 with a 64-byte key: MAC key first, AES key second. */
  static DirectContentKey cbcHs512(byte[] key) {
    if (key.length != 64) {
      throw new IllegalArgumentException("A256CBC-HS512 needs a 64-byte key");
    }
    SecretKeySpec macKey = new SecretKeySpec(key, 0, 32, "HmacSHA512");
    ThreadLocal<Mac> mac = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA512");
        m.init(macKey);
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA512 is required by every Java platform", e);
      }
    });
    return new DirectContentKey(new SecretKeySpec(key, 32, 32, "AES"), mac);
  }

  /** A256GCM with a 32-byte key. */
  static DirectContentKey gcm(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("A256GCM needs a 32-byte key");
    }
    return new DirectContentKey(new SecretKeySpec(key, "AES"), null);
  }

  /** Ciphertext and authentication tag of one encryption. */
  record Sealed(byte[] cipherText, byte[] tag) {}

  Sealed encrypt(byte[] aad, byte[] iv, byte[] plaintext) {
    try {
      if (mac == null) {
        // A fresh Cipher: the JDK refuses to encrypt twice with one GCM Cipher, key and IV, which a
        // reused Cipher would hit under the fixed IVs of the test vectors.
        Cipher c = cipher("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(GCM_TAG_BITS, iv));
        c.updateAAD(aad);
        byte[] out = c.doFinal(plaintext);
        int n = out.length - GCM_TAG_BITS / 8;
        return new Sealed(Arrays.copyOf(out, n), Arrays.copyOfRange(out, n, out.length));
      }
      Cipher c = CBC.get();
      c.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(iv));
      byte[] cipherText = c.doFinal(plaintext);
      return new Sealed(cipherText, cbcTag(aad, iv, cipherText));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("token encryption failed", e);
    }
  }

  /** The plaintext, or {@code null} when the IV or tag has the wrong length or anything fails to verify. */
  byte[] decrypt(byte[] aad, byte[] iv, byte[] cipherText, byte[] tag) {
    try {
      if (mac == null) {
        if (iv.length != GCM_IV_LENGTH || tag.length != GCM_TAG_BITS / 8) {
          return null;
        }
        Cipher c = GCM_DECRYPT.get();
        c.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(GCM_TAG_BITS, iv));
        c.updateAAD(aad);
        c.update(cipherText);
        return c.doFinal(tag);
      }
      if (iv.length != CBC_IV_LENGTH || !MessageDigest.isEqual(cbcTag(aad, iv, cipherText), tag)) {
        return null;
      }
      Cipher c = CBC.get();
      c.init(Cipher.DECRYPT_MODE, aesKey, new IvParameterSpec(iv));
      return c.doFinal(cipherText);
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  /** The first half of HMAC-SHA-512 over AAD, IV, ciphertext and the AAD's length in bits. */
  private byte[] cbcTag(byte[] aad, byte[] iv, byte[] cipherText) {
    Mac m = mac.get();
    m.update(aad);
    m.update(iv);
    m.update(cipherText);
    m.update(ByteBuffer.allocate(8).putLong((long) aad.length * 8).array());
    return Arrays.copyOf(m.doFinal(), CBC_TAG_LENGTH);
  }

  private static Cipher cipher(String transformation) {
    try {
      return Cipher.getInstance(transformation);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(transformation + " is required by every Java platform", e);
    }
  }
}
