package dev.authjvm.core.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of {@code AUTH_ALLOWED_HOSTS}: {@code example.com} (any port), {@code example.com:8443}
 * (that port only), or {@code *.example.com} (any subdomain, not the domain itself).
 */
public record HostPattern(String host, Integer port, boolean anySubdomain) {
  private static final Pattern ENTRY = Pattern.compile("(\\*\\.)?([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:.]+\\])(?::([0-9]{1,5}))?");

  /** @throws ConfigurationException naming {@code AUTH_ALLOWED_HOSTS} when the entry is not a host */
  public static HostPattern parse(String entry) {
    var m = ENTRY.matcher(entry.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new ConfigurationException("AUTH_ALLOWED_HOSTS: '" + entry + "' is not a host such as example.com, "
          + "example.com:8443 or *.example.com");
    }
    return new HostPattern(m.group(2), m.group(3) == null ? null : Integer.valueOf(m.group(3)), m.group(1) != null);
  }

  /** Whether {@code hostAndPort} (lower case, as in an origin: {@code host[:port]}) is this entry. */
  public boolean matches(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    boolean hasPort = colon > hostAndPort.lastIndexOf(']');
    String h = hasPort ? hostAndPort.substring(0, colon) : hostAndPort;
    if (port != null && !(hasPort && hostAndPort.substring(colon + 1).equals(port.toString()))) {
      return false;
    }
    return anySubdomain ? h.endsWith("." + host) : h.equals(host);
  }

  @Override
  public String toString() {
    return (anySubdomain ? "*." : "") + host + (port == null ? "" : ":" + port);
  }
}
