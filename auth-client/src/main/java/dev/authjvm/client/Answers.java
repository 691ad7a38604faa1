package dev.authjvm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authjvm.client.AuthClientException.Problem;
import dev.authjvm.client.AuthHttp.Answer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the API's JSON answers into the client's records, refusing anything of another shape by name. */
final class Answers {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private Answers() {}

  /**
   * {@code null} (v5) and {@code {}} (v4) mean signed out; any other object is a session. The v5
   * browser client would take {@code {}} for a session: here it is what v4 servers mean by it.
   */
  static Optional<Session> session(Answer answer) {
    JsonNode body = successJson(answer);
    if (body.isNull() || body.isObject() && body.isEmpty()) {
      return Optional.empty();
    }
    if (!body.isObject()) {
      throw unexpected(answer, "a session object or null");
    }
    JsonNode user = body.path("user");
    if (!user.isMissingNode() && !user.isNull() && !user.isObject()) {
      throw unexpected(answer, "a session whose user is an object");
    }
    Instant expires = null;
    JsonNode e = body.path("expires");
    if (!e.isMissingNode() && !e.isNull()) {
      try {
        expires = Instant.parse(e.asText());
      } catch (DateTimeParseException ex) {
        throw unexpected(answer, "a session whose expires is an ISO-8601 instant");
      }
    }
    SessionUser sessionUser = user.isObject()
        ? new SessionUser(text(user, "name"), text(user, "email"), text(user, "image"), toMap(user)) : null;
    return Optional.of(new Session(sessionUser, expires, toMap(body)));
  }

  static String csrfToken(Answer answer) {
    JsonNode token = successJson(answer).path("csrfToken");
    if (!token.isTextual() || token.asText().isEmpty()) {
      throw unexpected(answer, "{\"csrfToken\": \"…\"}");
    }
    return token.asText();
  }

  static Map<String, ClientProvider> providers(Answer answer) {
    JsonNode body = successJson(answer);
    if (!body.isObject()) {
      throw unexpected(answer, "an object of providers by id");
    }
    Map<String, ClientProvider> providers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      if (!p.getValue().path("type").isTextual()) {
        throw unexpected(answer, "providers that each have a type (" + p.getKey() + " has none)");
      }
      JsonNode v = p.getValue();
      providers.put(p.getKey(), new ClientProvider(v.path("id").asText(p.getKey()), text(v, "name"), text(v, "type"),
          text(v, "signinUrl"), text(v, "callbackUrl")));
    }
    return Collections.unmodifiableMap(providers);
  }

  /**
   * As the official client: {@code error} and {@code code} come from the query of the answer's URL,
   * {@code ok} from the status, and the URL is kept only when there is no error.
   */
  static SignInResult signIn(Answer answer) {
    URI url = url(answer);
    Map<String, String> query = query(url);
    String error = query.get("error");
    return new SignInResult(error, query.get("code"), answer.status(), answer.ok(), error == null ? url.toString() : null);
  }

  static SignOutResult signOut(Answer answer) {
    return new SignOutResult(url(answer).toString());
  }

  /** The JSON of an answer whose status must be 2xx. */
  private static JsonNode successJson(Answer answer) {
    if (!answer.ok()) {
      throw statusError(answer);
    }
    return json(answer);
  }

  /** The {@code url} of a JSON-mode answer, whatever its status (v4 answers 401 and 403 with one). */
  private static URI url(Answer answer) {
    JsonNode url = null;
    try {
      url = json(answer).path("url");
    } catch (AuthClientException notJson) {
      if (answer.ok()) {
        throw notJson;
      }
    }
    if (url == null || !url.isTextual()) {
      throw answer.ok() ? unexpected(answer, "{\"url\": \"…\"}") : statusError(answer);
    }
    try {
      return answer.uri().resolve(url.asText());
    } catch (IllegalArgumentException e) {
      throw unexpected(answer, "a url that is a URL");
    }
  }

  private static JsonNode json(Answer answer) {
    String type = answer.headers().firstValue("Content-Type").orElse("");
    if (type.toLowerCase(Locale.ROOT).contains("html")) {
      throw new AuthClientException(Problem.NOT_JSON, answer.request() + " answered an HTML page (" + type + ", status "
          + answer.status() + ") where JSON was expected: " + excerpt(answer.body())
          + ". Is the base URL the Auth.js API (for example https://example.com/api/auth)?");
    }
    if (answer.body().isBlank()) {
      throw new AuthClientException(Problem.NOT_JSON, answer.request() + " answered an empty body (status "
          + answer.status() + ") where JSON was expected");
    }
    try {
      return JSON.readTree(answer.body());
    } catch (JsonProcessingException e) {
      throw new AuthClientException(Problem.NOT_JSON, answer.request() + " answered a body that is not JSON ("
          + (type.isEmpty() ? "no content type" : type) + ", status " + answer.status() + "): " + excerpt(answer.body()), e);
    }
  }

  private static Map<String, Object> toMap(JsonNode node) {
    return JSON.convertValue(node, OBJECT);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = url.getRawQuery();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      // URLSearchParams.get gives the first value of a repeated key.
      out.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static AuthClientException statusError(Answer answer) {
    return new AuthClientException(Problem.HTTP_STATUS, answer.request() + " answered " + answer.status() + ": "
        + excerpt(answer.body()));
  }

  private static AuthClientException unexpected(Answer answer, String expected) {
    return new AuthClientException(Problem.UNEXPECTED_JSON, answer.request() + " answered JSON that is not "
        + expected + ": " + excerpt(answer.body()));
  }

  /** The start of a body for a message, on one line. */
  static String excerpt(String body) {
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.isEmpty() ? "(empty body)" : oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
  }
}
