package dev.authjvm.conformance.http;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A black-box HTTP client with a cookie jar of its own: redirects are not followed (checks assert
 * them), and every Set-Cookie is applied as a browser would (a deletion removes the cookie).
 */
public final class KitClient {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String origin;
  private final String basePath;
  private final Map<String, String> jar = new LinkedHashMap<>();

  /** @param baseUrl e.g. {@code http://127.0.0.1:8080/api/auth} */
  public KitClient(URI baseUrl) {
    String s = baseUrl.toString();
    this.origin = baseUrl.getScheme() + "://" + baseUrl.getRawAuthority();
    this.basePath = s.substring(origin.length()).replaceAll("/$", "");
  }

  public String origin() {
    return origin;
  }

  /** {@code origin + basePath + "/" + path}. */
  public String url(String path) {
    return origin + basePath + "/" + path;
  }

  public Map<String, String> cookies() {
    return jar;
  }

  public KitRequest get(String path) {
    return new KitRequest(this, "GET", path);
  }

  public KitRequest post(String path) {
    return new KitRequest(this, "POST", path);
  }

  public KitRequest method(String method, String path) {
    return new KitRequest(this, method, path);
  }

  /** {@code GET /csrf} and its token. */
  public String csrfToken() {
    return get("csrf").send().json().path("csrfToken").asText();
  }

  /** The credentials sign-in of the v5 client. */
  public KitResponse signIn(String username, String password) {
    return post("callback/credentials").header("X-Auth-Return-Redirect", "1")
        .form(Map.of("csrfToken", csrfToken(), "username", username, "password", password)).send();
  }

  KitResponse send(HttpRequest.Builder builder, boolean sendCookies) {
    if (sendCookies && !jar.isEmpty()) {
      builder.header("Cookie", cookieHeader());
    }
    try {
      HttpResponse<String> r = HTTP.send(builder.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      KitResponse response = new KitResponse(r.statusCode(), r);
      for (SetCookieHeader c : response.setCookies()) {
        if (c.isDeletion()) {
          jar.remove(c.name());
        } else {
          jar.put(c.name(), c.rawValue());
        }
      }
      return response;
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Sends bytes that {@link java.net.URI} would refuse to build (malformed escapes, odd request
   * lines) over a plain socket; answers the status code and the body.
   */
  public KitResponse.Raw raw(String method, String pathAndQuery, Map<String, String> headers) {
    return raw(method, pathAndQuery, URI.create(origin).getRawAuthority(), headers, "");
  }

  /**
   * Like {@link #raw(String, String, Map)}, with a {@code Host} header of the check's choosing and a body
   * sent as it is (no {@code Content-Length} is added: the headers say what they say). The answer keeps
   * its head as the bytes arrived (ISO-8859-1), for checks on what a header really contains.
   */
  public KitResponse.Raw raw(String method, String pathAndQuery, String host, Map<String, String> headers, String body) {
    URI base = URI.create(origin);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(20_000);
      StringBuilder req = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + host
          + "\r\nConnection: close\r\n");
      headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
      socket.getOutputStream().write(req.append("\r\n").append(body).toString().getBytes(StandardCharsets.UTF_8));
      return readResponse(socket.getInputStream());
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("raw request failed: " + e, e);
    }
  }

  /** The {@code Cookie} header this browser would send. */
  public String cookieHeader() {
    return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
  }

  /**
   * Reads one response: up to the end of the headers, then {@code Content-Length} bytes, or to the end of
   * the stream without one. Not to the end of the stream regardless: a server may keep the connection
   * open, e.g. waiting for a request body it has already refused.
   */
  private static KitResponse.Raw readResponse(java.io.InputStream in) throws IOException {
    java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    int status = Integer.parseInt(headers.substring(9, 12));
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
    return new KitResponse.Raw(status, new String(body, StandardCharsets.UTF_8), headers);
  }

  static String formEncode(Map<String, String> form) {
    return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }
}
