package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A callbackUrl may only lead to this origin; attacks fall back to the origin. */
class RedirectValidationTest {
  final TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().allowedHosts("app.example.com").build()),
      "https://app.example.com");

  private String signInWith(String callbackUrl) {
    return (String) json(browser.post("/api/auth/callback/credentials", Map.of("csrfToken", browser.csrfToken(),
        "username", "demo", "password", "demo", "callbackUrl", callbackUrl), "X-Auth-Return-Redirect", "1")).get("url");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example",
      "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,hi", "https://app.example.com@evil.example",
      "https://evil.example/https://app.example.com", "http://app.example.com/", "https://app.example.com:8443/",
      "/\r\nSet-Cookie:x=y", "\t//evil.example", " https://evil.example", "https:evil.example", "///evil.example",
      "https://app.example.com.evil.example/x", "https://app.example.com:1@evil.example", "https://app.example.com-evil.example"})
  void anOffOriginTargetFallsBackToTheOrigin(String target) {
    assertEquals("https://app.example.com", signInWith(target));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dashboard", "/a/b?c=d#e", "https://app.example.com/x", "https://APP.example.com:443/x",
      "https://app.example.com", "https://app.example.com?x=1", "https://app.example.com/a%20b?c=d#f"})
  void aSameOriginTargetIsFollowed(String target) {
    String expected = target.startsWith("/") ? "https://app.example.com" + target : target;
    assertEquals(expected, signInWith(target));
  }

  @ParameterizedTest
  @ValueSource(strings = {"%2F%2Fevil.example", "/%2F%2Fevil.example"})
  void anEncodedTargetStaysOnTheOriginWhenDecoded(String target) {
    String url = signInWith(target);
    assertEquals(true, url.equals("https://app.example.com") || url.startsWith("https://app.example.com/"), url);
  }
}
