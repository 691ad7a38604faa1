package dev.authjvm.benchmarks.server;

import dev.authjvm.benchmarks.BenchSetup;
import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.javalin.AuthPlugin;
import dev.authjvm.undertow.AuthHandler;
import io.javalin.Javalin;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.util.StatusCodes;
import java.util.HashMap;
import java.util.Map;

/**
 * One server of the HTTP benchmark (scripts/bench.sh), on 127.0.0.1 only:
 *
 * <pre>
 * java -cp benchmarks.jar dev.authjvm.benchmarks.server.BenchServer --server undertow --port 8101
 *     [--store redis|postgres] [--prefill 1000]
 * java -cp benchmarks.jar dev.authjvm.benchmarks.server.BenchServer --cleanup
 * </pre>
 *
 * {@code --server} is {@code undertow} or {@code javalin} (our adapters) or {@code bare-undertow} or
 * {@code bare-javalin} (a handler of the same server answering the same JSON, the upper bound).
 * {@code --store} switches our adapters to database sessions; {@code --prefill} first stores that
 * many other sessions, so lookups run against a table or keyspace of that size.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    if (opts.containsKey("cleanup")) {
      Stores.cleanup();
      return;
    }
    String server = opts.getOrDefault("server", "undertow");
    int port = Integer.parseInt(opts.getOrDefault("port", "8101"));
    String storeName = opts.getOrDefault("store", "none");
    long prefill = Long.parseLong(opts.getOrDefault("prefill", "0"));

    AuthConfigBuilder builder = BenchSetup.builder();
    AuthStore store = Stores.open(storeName, prefill);
    if (store != null) {
      builder.store(store).credentialsDatabaseSessions(true);
    }
    Auth auth = Auth.create(builder.build());
    HttpHandler adapter = AuthHandler.mount(auth, Handlers.path(ex -> ex.setStatusCode(StatusCodes.NOT_FOUND)));
    switch (server) {
      case "undertow" -> undertow(port, adapter);
      case "bare-undertow" -> undertow(port, new BareResponses(auth, port).undertowHandler(adapter));
      case "javalin" -> Javalin.create(c -> c.registerPlugin(new AuthPlugin(p -> p.auth = auth))).start("127.0.0.1", port);
      case "bare-javalin" -> {
        // Javalin matches the bare routes' exact paths before the plugin's wildcard route.
        BareResponses bare = new BareResponses(auth, port);
        Javalin.create(c -> {
          bare.javalinRoutes(c);
          c.registerPlugin(new AuthPlugin(p -> p.auth = auth));
        }).start("127.0.0.1", port);
      }
      default -> throw new IllegalArgumentException("unknown --server " + server);
    }
    // scripts/bench.sh waits for this line (or the port) before signing in.
    System.out.println("bench server ready: " + server + " store=" + storeName + " prefill=" + prefill + " port=" + port);
  }

  private static void undertow(int port, HttpHandler handler) {
    Undertow.builder().addHttpListener(port, "127.0.0.1").setHandler(handler).build().start();
  }

  /** {@code --name value} pairs; a flag without a value maps to "true". */
  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String name = args[i].substring(2);
      boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
      out.put(name, hasValue ? args[++i] : "true");
    }
    return out;
  }
}
