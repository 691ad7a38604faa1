package dev.authjvm.core.provider;

import java.net.URI;
import java.util.Objects;

/**
 * The site passkeys belong to. The core derives it from the request's trusted origin ({@code AUTH_URL}, or
 * the trusted-host rules), never from a {@code Host} no setting trusts.
 *
 * @param id     the relying party id: the origin's host name, e.g. {@code example.com} (a passkey is bound to it)
 * @param name   what authenticators show: the origin's host with its port
 * @param origin the origin a browser's answer must name, e.g. {@code https://example.com}
 */
public record RelyingParty(String id, String name, String origin) {
  public RelyingParty {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(origin, "origin");
  }

  /** The relying party of an origin, as Auth.js's default {@code getRelayingParty}: hostname, host, origin. */
  public static RelyingParty of(String origin) {
    URI uri = URI.create(origin);
    String host = uri.getHost();
    String hostname = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return new RelyingParty(hostname, uri.getPort() < 0 ? host : host + ":" + uri.getPort(), origin);
  }
}
