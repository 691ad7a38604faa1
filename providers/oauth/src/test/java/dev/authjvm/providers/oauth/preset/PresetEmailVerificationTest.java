package dev.authjvm.providers.oauth.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each preset takes a profile's address only when its provider vouches for it, in the provider's own
 * words: the sample profiles (src/test/resources/profiles), and the same with the provider's flag
 * turned off or removed.
 */
class PresetEmailVerificationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of("github", (Supplier<OAuthProviderBuilder>) GitHub::builder, "octocat@github.com", true),
        Arguments.of("google", (Supplier<OAuthProviderBuilder>) Google::builder, "jane.doe@gmail.com", true),
        Arguments.of("apple", (Supplier<OAuthProviderBuilder>) Apple::builder, "abc123xyz@privaterelay.appleid.com", true),
        Arguments.of("discord", (Supplier<OAuthProviderBuilder>) Discord::builder, "nelly@discord.com", true),
        Arguments.of("gitlab", (Supplier<OAuthProviderBuilder>) () -> GitLab.builder(null), "john@example.com", true),
        Arguments.of("bitbucket", (Supplier<OAuthProviderBuilder>) Bitbucket::builder, "emma@example.com", true),
        Arguments.of("slack", (Supplier<OAuthProviderBuilder>) Slack::builder, "krane@slack-corp.com", true),
        Arguments.of("linkedin", (Supplier<OAuthProviderBuilder>) LinkedIn::builder, "doe@email.com", true),
        Arguments.of("okta", (Supplier<OAuthProviderBuilder>) () -> Okta.builder("https://example.okta.com"),
            "john.doe@example.com", true),
        // Entra's email claim is free text unless xms_edov says the domain owner verified it.
        Arguments.of("microsoft-entra-id-with-email", (Supplier<OAuthProviderBuilder>)
            () -> MicrosoftEntraId.builder("https://login.microsoftonline.com/t/v2.0"), "abe@contoso.com", false),
        // No flag at all in these providers' profiles.
        Arguments.of("facebook", (Supplier<OAuthProviderBuilder>) Facebook::builder, "mark@example.com", false),
        Arguments.of("spotify", (Supplier<OAuthProviderBuilder>) Spotify::builder, "email@example.com", false),
        Arguments.of("atlassian", (Supplier<OAuthProviderBuilder>) Atlassian::builder, "mia@example.com", false));
  }

  private static Map<String, Object> profile(String file) throws IOException {
    try (InputStream in = PresetEmailVerificationTest.class.getResourceAsStream("/profiles/" + file + ".json")) {
      return JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {});
    }
  }

  private static boolean verified(Supplier<OAuthProviderBuilder> preset, Map<String, Object> profile, String email) {
    return preset.get().clientId("id").clientSecret("secret").build().emailVerification().isVerified(profile, email);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theSampleAddressIsTakenOnlyWhenTheProviderVouchesForIt(String file, Supplier<OAuthProviderBuilder> preset,
                                                               String email, boolean expected) throws IOException {
    assertEquals(expected, verified(preset, profile(file), email));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void withTheProvidersFlagOffTheAddressIsNotTaken(String file, Supplier<OAuthProviderBuilder> preset, String email,
                                                   boolean expected) throws IOException {
    Map<String, Object> profile = profile(file);
    profile.put("email_verified", false);
    profile.put("verified", false);
    profile.remove("confirmed_at");
    profile.remove("emails");
    assertEquals(false, verified(preset, profile, email));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listingProviders")
  void anAddressMissingFromTheVerifiedListIsNotTaken(String file, Supplier<OAuthProviderBuilder> preset) throws IOException {
    assertEquals(false, verified(preset, profile(file), "someone-else@example.com"));
  }

  /** Providers whose profile lists the user's addresses, each with its own flag. */
  static Stream<Arguments> listingProviders() {
    return Stream.of(Arguments.of("github", (Supplier<OAuthProviderBuilder>) GitHub::builder),
        Arguments.of("bitbucket", (Supplier<OAuthProviderBuilder>) Bitbucket::builder));
  }
}
