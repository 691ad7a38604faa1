package dev.authjvm.benchmarks.server;

import dev.authjvm.benchmarks.BenchSetup;
import dev.authjvm.core.Auth;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import io.javalin.config.JavalinConfig;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The bare handlers' answers: the same JSON bodies our core gives for the same requests, computed
 * once at start-up, so the bare servers measure only the HTTP server (the ceiling an adapter can reach).
 * /csrf also sets the CSRF cookie minted then, as our core sets one for a client without it.
 * The only per-request work is telling signed-in from signed-out by the session cookie's name.
 * Every other path (sign-in above all) goes to our adapter, so the script signs in the same way everywhere.
 */
final class BareResponses {
  private static final String SALT = "authjs.session-token";
  private static final String COOKIE = SALT + "=";
  private final String url;
  private final byte[] signedIn;
  private final byte[] signedOut;
  private final byte[] csrf;
  /** The CSRF cookie minted with that body: a valid one, so signing in through a bare server works. */
  private final String csrfCookie;
  private final byte[] providers;

  /** @param port in the URLs of the bodies, as a client on 127.0.0.1:port gets them from our adapter */
  BareResponses(Auth auth, int port) {
    url = "http://127.0.0.1:" + port + "/api/auth/";
    // A token as sign-in sets it, so the signed-in body is byte for byte what our core answers.
    JwtCodec codec = new JwtCodec(List.of(BenchSetup.SECRET), JweFormat.V5, Clock.systemUTC(), List.of(SALT));
    String token = codec.encode(JwtClaims.of(Map.of("name", "Demo User", "email", "demo@example.com", "sub", "1")),
        Duration.ofDays(30), SALT);
    signedIn = auth.handle(AuthRequest.get(url + "session",
        HttpHeaders.builder().add("Cookie", COOKIE + token).build())).body();
    signedOut = body(auth, "session");
    AuthResponse csrfResponse = auth.handle(AuthRequest.get(url + "csrf", HttpHeaders.builder().add("Host", "127.0.0.1").build()));
    csrf = csrfResponse.body();
    csrfCookie = csrfResponse.cookies().get(0).toHeaderValue();
    providers = body(auth, "providers");
  }

  private byte[] body(Auth auth, String action) {
    return auth.handle(AuthRequest.get(url + action, HttpHeaders.builder().add("Host", "127.0.0.1").build())).body();
  }

  private byte[] answer(String path, String cookie) {
    return switch (path) {
      case "/api/auth/session" -> cookie != null && cookie.contains(COOKIE) ? signedIn : signedOut;
      case "/api/auth/csrf" -> csrf;
      case "/api/auth/providers" -> providers;
      default -> null;
    };
  }

  /** Answers on the IO thread: nothing here blocks. */
  HttpHandler undertowHandler(HttpHandler rest) {
    return exchange -> {
      byte[] body = exchange.getRequestMethod().equalToString("GET")
          ? answer(exchange.getRequestPath(), exchange.getRequestHeaders().getFirst(Headers.COOKIE)) : null;
      if (body == null) {
        rest.handleRequest(exchange);
        return;
      }
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
      if (body == csrf) {
        exchange.getResponseHeaders().put(Headers.SET_COOKIE, csrfCookie);
      }
      exchange.getResponseSender().send(ByteBuffer.wrap(body));
    };
  }

  void javalinRoutes(JavalinConfig config) {
    for (String action : new String[] {"session", "csrf", "providers"}) {
      String path = "/api/auth/" + action;
      config.routes.get(path, ctx -> {
        byte[] body = answer(path, ctx.header("Cookie"));
        if (body == csrf) {
          ctx.res().addHeader("Set-Cookie", csrfCookie);
        }
        ctx.contentType("application/json").result(body);
      });
    }
  }
}
