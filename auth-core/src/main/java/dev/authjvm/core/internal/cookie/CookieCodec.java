package dev.authjvm.core.internal.cookie;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtCodec;
import java.util.ArrayList;
import java.util.List;

/** The one codec for session and check cookies of a configuration, with every cookie name's keys derived at start. */
public final class CookieCodec {
  private CookieCodec() {}

  public static JwtCodec of(AuthConfig config) {
    boolean v5 = config.protocol() == ProtocolVersion.V5;
    List<String> salts = new ArrayList<>();
    for (boolean secure : List.of(false, true)) {
      CookieNames n = CookieNames.of(config.protocol(), secure);
      salts.addAll(List.of(n.state(), n.nonce(), n.pkceCodeVerifier(), n.webauthnChallenge()));
      if (v5) {
        salts.add(n.sessionToken());
      }
    }
    if (!v5) {
      salts.add("");
    }
    return new JwtCodec(config.secrets(), v5 ? JweFormat.V5 : JweFormat.V4, config.clock(), salts);
  }
}
