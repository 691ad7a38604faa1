package dev.authjvm.providers.oauth.engine;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** The URLs a flow sends the browser to: a provider's endpoint with parameters added to its query. */
final class Urls {
  private Urls() {}

  /** {@code endpoint} with {@code params} appended to whatever query it already has, in their order. */
  static String withQuery(URI endpoint, Map<String, String> params) {
    String base = endpoint.toString();
    String query = params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return base + (base.contains("?") ? "&" : "?") + query;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
