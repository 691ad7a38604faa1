package dev.authjvm.conformance;

import dev.authjvm.oidc.testing.NodeServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One of the official servers kept in this module's directory, each from npm with its lockfile, in the
 * kit's standard configuration ({@link KitConfigs}: same secret, credentials provider and jwt callback),
 * started with Node.js ({@link NodeServer}) on a free loopback port. Shared by every test that checks
 * something against the real thing (published as this module's test-jar). Needs Node.js and npm: without
 * them the calling test is skipped, except under {@code CI=true} where that is a failure.
 */
public final class ReferenceServer implements AutoCloseable {
  /** The official servers. */
  public enum Kind {
    /** Auth.js v5: {@code @auth/express} in {@code authjs-reference/}. */
    AUTHJS_V5("authjs-reference"),
    /** NextAuth.js v4: {@code next-auth@4}'s API-route handler on Express, in {@code nextauth-v4-reference/}. */
    NEXTAUTH_V4("nextauth-v4-reference");

    private final String directory;

    Kind(String directory) {
      this.directory = directory;
    }
  }

  private final NodeServer node;
  private final String baseUrl;

  private ReferenceServer(NodeServer node, String baseUrl) {
    this.node = node;
    this.baseUrl = baseUrl;
  }

  /**
   * Installs the server's packages when they are missing ({@code npm ci}), starts it and waits until it
   * answers. {@code environment} adds variables, e.g. {@code EXAMPLE_OAUTH_ISSUER} (see reference-config.mjs).
   */
  public static ReferenceServer start(Kind kind, Map<String, String> environment) throws IOException, InterruptedException {
    int port = NodeServer.freePort();
    String origin = "http://127.0.0.1:" + port;
    Map<String, String> env = new HashMap<>();
    env.put(kind == Kind.AUTHJS_V5 ? "AUTH_URL" : "NEXTAUTH_URL", kind == Kind.AUTHJS_V5 ? origin : origin + "/api/auth");
    env.put("AUTH_SECRET", KitConfigs.SECRET);
    env.put("NODE_ENV", "production");
    env.putAll(environment);
    return new ReferenceServer(NodeServer.start(NodeServer.project(ReferenceServer.class, kind.directory), port, env,
        URI.create(origin + "/api/auth/providers"), Path.of("target", kind.directory + ".log")), origin + "/api/auth");
  }

  /** The API's URL, e.g. {@code http://127.0.0.1:41234/api/auth}. */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() throws InterruptedException {
    node.close();
  }
}
