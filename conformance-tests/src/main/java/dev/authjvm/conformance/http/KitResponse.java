package dev.authjvm.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** A response with the accessors the checks need. */
public record KitResponse(int status, HttpResponse<String> raw) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public String body() {
    return raw.body();
  }

  public Optional<String> header(String name) {
    return raw.headers().firstValue(name);
  }

  public List<String> headers(String name) {
    return raw.headers().allValues(name);
  }

  public List<SetCookieHeader> setCookies() {
    return headers("Set-Cookie").stream().map(SetCookieHeader::parse).toList();
  }

  /** The last Set-Cookie of that name (a later one overrides an earlier deletion). */
  public Optional<SetCookieHeader> setCookie(String name) {
    List<SetCookieHeader> all = setCookies().stream().filter(c -> c.name().equals(name)).toList();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  public JsonNode json() {
    try {
      return JSON.readTree(raw.body());
    } catch (IOException e) {
      throw new AssertionError("body is not JSON: " + raw.body(), e);
    }
  }

  /** What a raw socket request answered. */
  /**
   * An answer read off the socket.
   *
   * @param head the status line and header fields as they arrived, one byte per character
   */
  public record Raw(int status, String body, String head) {
    public Raw(int status, String body) {
      this(status, body, "");
    }

    /** The values of a header field, as they arrived. */
    public java.util.List<String> headers(String name) {
      return head.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
          .map(l -> l.substring(name.length() + 1).trim()).toList();
    }
  }

  /** The {@code url} of a JSON-mode answer. */
  public String url() {
    return json().path("url").asText();
  }
}
