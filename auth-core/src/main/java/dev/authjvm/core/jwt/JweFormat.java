package dev.authjvm.core.jwt;

/** The two encrypted-token formats Auth.js has used for session and check cookies. */
public enum JweFormat {
  /**
   * NextAuth.js v4: {@code {"alg":"dir","enc":"A256GCM"}}, 32-byte key from HKDF with the salt as
   * given (empty for the session token), info {@code NextAuth.js Generated Encryption Key[ (salt)]}.
   */
  V4,
  /**
   * Auth.js v5: {@code {"alg":"dir","enc":"A256CBC-HS512","kid":thumbprint}}, 64-byte key from HKDF
   * salted with the cookie name, info {@code Auth.js Generated Encryption Key (salt)}.
   */
  V5;

  int keyLength() {
    return this == V4 ? 32 : 64;
  }

  String info(String salt) {
    if (this == V4) {
      return "NextAuth.js Generated Encryption Key" + (salt.isEmpty() ? "" : " (" + salt + ")");
    }
    return "Auth.js Generated Encryption Key (" + salt + ")";
  }
}
