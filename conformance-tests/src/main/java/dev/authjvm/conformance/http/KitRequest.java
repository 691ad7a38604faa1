package dev.authjvm.conformance.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/** A request being put together; {@link #send()} sends it with the client's cookies. */
public final class KitRequest {
  private final KitClient client;
  private final String method;
  private final HttpRequest.Builder builder;
  private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
  private boolean cookies = true;

  KitRequest(KitClient client, String method, String path) {
    this.client = client;
    this.method = method;
    this.builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : client.url(path)));
  }

  public KitRequest header(String name, String value) {
    builder.header(name, value);
    return this;
  }

  public KitRequest form(Map<String, String> form) {
    return body("application/x-www-form-urlencoded", KitClient.formEncode(form));
  }

  public KitRequest body(String contentType, String content) {
    builder.header("Content-Type", contentType);
    body = HttpRequest.BodyPublishers.ofString(content);
    return this;
  }

  /** Sends no cookies, whatever the jar holds. */
  public KitRequest withoutCookies() {
    cookies = false;
    return this;
  }

  public KitResponse send() {
    return client.send(builder.method(method, body), cookies);
  }
}
