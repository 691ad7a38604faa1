package dev.authjvm.providers.oauth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When UserInfo is read at an OIDC sign-in, and how its claims join the ID token's without weakening them. */
class OidcProfileTest {
  static final URI USERINFO = URI.create("https://idp.example/userinfo");
  static final List<String> PROFILE_AND_EMAIL = List.of("openid", "profile", "email");

  static Map<String, Object> merge(Map<String, Object> idToken, Map<String, Object> userinfo) throws OAuthFailure {
    return OidcProfile.merge(idToken, userinfo, USERINFO);
  }

  @Test
  void anIdTokenWithOnlyTheSubjectNeedsUserinfoForProfileAndEmail() {
    assertTrue(OidcProfile.needsUserinfo(OidcUserinfo.WHEN_CLAIMS_MISSING, Map.of("sub", "1"), PROFILE_AND_EMAIL));
  }

  @Test
  void anIdTokenWithAClaimOfEveryGrantedScopeNeedsNoUserinfo() {
    assertFalse(OidcProfile.needsUserinfo(OidcUserinfo.WHEN_CLAIMS_MISSING,
        Map.of("sub", "1", "preferred_username", "ada", "email", "a@example.com"), PROFILE_AND_EMAIL));
  }

  @Test
  void anIdTokenLackingTheClaimsOfOneGrantedScopeNeedsUserinfo() {
    assertTrue(OidcProfile.needsUserinfo(OidcUserinfo.WHEN_CLAIMS_MISSING, Map.of("sub", "1", "name", "Ada"),
        PROFILE_AND_EMAIL));
  }

  @Test
  void aScopeThatWasNotGrantedNeedsNoUserinfo() {
    assertFalse(OidcProfile.needsUserinfo(OidcUserinfo.WHEN_CLAIMS_MISSING, Map.of("sub", "1", "name", "Ada"),
        OidcProfile.granted("openid profile", PROFILE_AND_EMAIL)));
  }

  @Test
  void alwaysAndNeverAreWhatTheySay() {
    Map<String, Object> full = Map.of("sub", "1", "name", "Ada", "email", "a@example.com");
    assertTrue(OidcProfile.needsUserinfo(OidcUserinfo.ALWAYS, full, PROFILE_AND_EMAIL));
    assertFalse(OidcProfile.needsUserinfo(OidcUserinfo.NEVER, Map.of("sub", "1"), PROFILE_AND_EMAIL));
  }

  @Test
  void theGrantedScopesAreTheTokenResponsesElseTheConfiguredOnes() {
    assertEquals(List.of("openid", "email"), OidcProfile.granted(" openid  email ", PROFILE_AND_EMAIL));
    assertEquals(PROFILE_AND_EMAIL, OidcProfile.granted(null, PROFILE_AND_EMAIL));
  }

  @Test
  void userinfoAboutAnotherSubjectIsRefused() {
    assertThrows(OAuthFailure.class, () -> merge(Map.of("sub", "1"), Map.of("sub", "2", "name", "Eve")));
  }

  @Test
  void userinfoWithoutASubjectIsRefused() {
    assertThrows(OAuthFailure.class, () -> merge(Map.of("sub", "1"), Map.of("name", "Eve")));
  }

  @Test
  void userinfoCompletesWhatTheIdTokenLacks() throws OAuthFailure {
    Map<String, Object> profile = merge(Map.of("sub", "1"), Map.of("sub", "1", "name", "Ada", "picture", "https://p"));
    assertEquals("Ada", profile.get("name"));
    assertEquals("https://p", profile.get("picture"));
  }

  @Test
  void theIdTokensClaimsWinOverUserinfos() throws OAuthFailure {
    assertEquals("Ada", merge(Map.of("sub", "1", "name", "Ada"), Map.of("sub", "1", "name", "Eve")).get("name"));
  }

  @Test
  void userinfoCannotSayWhatOnlyTheIdTokenMay() throws OAuthFailure {
    Map<String, Object> profile = merge(Map.of("sub", "1", "iss", "https://idp.example"),
        Map.of("sub", "1", "iss", "https://evil.example", "sid", "forged", "aud", "other", "nonce", "n", "acr", "high"));
    assertEquals("https://idp.example", profile.get("iss"));
    assertFalse(profile.containsKey("sid") || profile.containsKey("aud") || profile.containsKey("nonce")
        || profile.containsKey("acr"), profile.toString());
  }

  @Test
  void userinfosAddressComesWithUserinfosOwnVerifiedFlagOnly() throws OAuthFailure {
    Map<String, Object> profile = merge(Map.of("sub", "1", "email_verified", true),
        Map.of("sub", "1", "email", "unverified@example.com"));
    assertEquals("unverified@example.com", profile.get("email"));
    assertFalse(profile.containsKey("email_verified"), "the ID token's flag does not vouch for UserInfo's address");
  }

  @Test
  void userinfosVerifiedAddressIsTakenWithItsFlag() throws OAuthFailure {
    Map<String, Object> profile = merge(Map.of("sub", "1"), Map.of("sub", "1", "email", "a@example.com",
        "email_verified", true));
    assertEquals(true, profile.get("email_verified"));
  }

  @Test
  void userinfoCannotVouchForTheIdTokensAddress() throws OAuthFailure {
    Map<String, Object> profile = merge(Map.of("sub", "1", "email", "a@example.com", "email_verified", false),
        Map.of("sub", "1", "email", "b@example.com", "email_verified", true));
    assertEquals("a@example.com", profile.get("email"));
    assertEquals(false, profile.get("email_verified"));
  }

  @Test
  void aPhoneNumberTravelsWithItsOwnFlagToo() throws OAuthFailure {
    Map<String, Object> profile = merge(Map.of("sub", "1", "phone_number_verified", true),
        Map.of("sub", "1", "phone_number", "+1 555"));
    assertFalse(profile.containsKey("phone_number_verified"), profile.toString());
  }
}
