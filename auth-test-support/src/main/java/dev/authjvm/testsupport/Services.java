package dev.authjvm.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * What a test does when a service it needs is not there. Outside CI it is skipped with a message saying
 * how to provide the service. Under {@code CI=true} it fails instead: a skip there would let the build
 * pass without the tests having run, and a skip in a class's set-up leaves no trace in the reports.
 */
public final class Services {
  private Services() {}

  /** True when the tests run under CI ({@code CI=true}). */
  public static boolean inCi() {
    return "true".equals(System.getenv("CI"));
  }

  /**
   * Fails (under CI) or skips the calling test because {@code service} cannot be reached.
   *
   * @param address where it was looked for, e.g. {@code 127.0.0.1:5432}
   * @param howTo   how to start or provide it
   * @return never returns; declared so callers can write {@code throw Services.unavailable(...)}
   */
  public static RuntimeException unavailable(String service, String address, String howTo) {
    return missing(service + " is not reachable at " + address + ": " + howTo);
  }

  /**
   * Fails (under CI) or skips the calling test because something it needs is missing.
   *
   * @param message what is missing and how to provide it
   * @return never returns; declared so callers can write {@code throw Services.missing(...)}
   */
  public static RuntimeException missing(String message) {
    return missing(message, inCi());
  }

  static RuntimeException missing(String message, boolean ci) {
    if (ci) {
      throw new IllegalStateException("CI: " + message
          + " (under CI=true a missing service fails the build instead of skipping its tests)");
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  /** A non-blank environment variable. */
  public static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isBlank());
  }

  /** True when something accepts TCP connections at {@code host:port} within half a second. */
  public static boolean answers(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code host:port} of a URL such as {@code redis://h:6379/0} or {@code jdbc:postgresql://h/db}. */
  static String address(String url, int defaultPort) {
    URI uri = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
    return uri.getHost() + ":" + (uri.getPort() < 0 ? defaultPort : uri.getPort());
  }

  /** True when {@link #address} of {@code url} answers. */
  static boolean urlAnswers(String url, int defaultPort) {
    String address = address(url, defaultPort);
    int colon = address.lastIndexOf(':');
    return answers(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
  }

  /** True when a Docker engine is up for Testcontainers. */
  static boolean dockerIsUp() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
