package dev.authjvm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Loopback ports nobody listens on. Prefer binding port 0 where a server allows it; this is for
 * processes that must be told their port (a Redis node), and for a port that must refuse connections.
 */
public final class FreePorts {
  private FreePorts() {}

  /** A port that was free a moment ago: the OS hands out recently closed ports last. */
  public static int next() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
