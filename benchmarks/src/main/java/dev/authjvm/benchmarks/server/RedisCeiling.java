package dev.authjvm.benchmarks.server;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;

/**
 * The ceiling of a Redis-backed session read behind Undertow, with no auth work at all: every request
 * reads one key of a session response's size and answers it as JSON. It tells how much of the database
 * rows' cost is the threading a store contract imposes rather than our code:
 *
 * <pre>
 * java -cp benchmarks.jar dev.authjvm.benchmarks.server.RedisCeiling sync 8131
 * java -cp benchmarks.jar dev.authjvm.benchmarks.server.RedisCeiling async 8132
 * </pre>
 *
 * {@code sync} is the shape of a synchronous store: the IO thread dispatches to a worker, which blocks on
 * Lettuce's synchronous API (four thread crossings per request). {@code async} sends the command from the
 * IO thread and answers from Lettuce's completion (two). The key lives under the benchmark's prefix, so
 * {@code BenchServer --cleanup} removes it.
 */
public final class RedisCeiling {
  private static final String KEY = Stores.REDIS_PREFIX + "ceiling";
  /** About the size of the signed-in session JSON the database rows answer. */
  private static final String BODY = "{\"user\":{\"name\":\"Demo User\",\"email\":\"demo@example.com\","
      + "\"image\":null},\"expires\":\"2027-01-03T03:13:00.000Z\"}";

  private RedisCeiling() {}

  public static void main(String[] args) {
    if (args.length != 2 || !(args[0].equals("sync") || args[0].equals("async"))) {
      throw new IllegalArgumentException("usage: RedisCeiling sync|async PORT");
    }
    StatefulRedisConnection<String, String> redis = RedisClient.create(Stores.REDIS_URL).connect();
    redis.sync().set(KEY, BODY);
    HttpHandler handler = args[0].equals("sync") ? new BlockingRead(redis) : exchange ->
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> redis.async().get(KEY).whenComplete((body, failure) -> {
          if (failure != null) {
            exchange.setStatusCode(503);
            exchange.endExchange();
          } else {
            answer(exchange, body);
          }
        }));
    Undertow.builder().addHttpListener(Integer.parseInt(args[1]), "127.0.0.1").setHandler(handler).build().start();
    System.out.println("redis ceiling ready: " + args[0] + " port=" + args[1]);
  }

  private static void answer(HttpServerExchange exchange, String body) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseSender().send(body);
  }

  /** Dispatches to a worker and blocks there, as the adapter does for a store that may block. */
  private record BlockingRead(StatefulRedisConnection<String, String> redis) implements HttpHandler {
    @Override
    public void handleRequest(HttpServerExchange exchange) {
      if (exchange.isInIoThread()) {
        exchange.dispatch(this);
        return;
      }
      answer(exchange, redis.sync().get(KEY));
    }
  }
}
