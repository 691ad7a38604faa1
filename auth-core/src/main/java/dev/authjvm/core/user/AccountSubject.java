package dev.authjvm.core.user;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.UUID;

/**
 * The user id ({@code sub}) of a sign-in through an OAuth, OIDC or other external provider when no store
 * keeps users: a name-based UUID (RFC 9562 version 5) of the provider id and the provider's account id.
 * It is stable across sign-ins, and distinct per provider, so GitHub's account {@code 123}, Discord's
 * {@code 123} and a credentials user {@code 123} are three different subjects.
 */
public final class AccountSubject {
  /** This project's namespace for version 5 UUIDs. */
  public static final UUID NAMESPACE = UUID.fromString("a3ea35d0-6bd7-439f-8d38-6fab34d5322d");

  private AccountSubject() {}

  /** {@code UUIDv5(NAMESPACE, provider + ":" + providerAccountId)} as a string. */
  public static String of(String provider, String providerAccountId) {
    byte[] name = (provider + ":" + providerAccountId).getBytes(StandardCharsets.UTF_8);
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
          .putLong(NAMESPACE.getLeastSignificantBits()).array());
      byte[] hash = Arrays.copyOf(sha1.digest(name), 16);
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
      ByteBuffer b = ByteBuffer.wrap(hash);
      return new UUID(b.getLong(), b.getLong()).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java platform", e);
    }
  }
}
