package dev.authjvm.providers.oauth.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.ProfileMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each preset maps a realistic profile (shaped as the provider documents its userinfo or ID token,
 * in src/test/resources/profiles) to the user Auth.js would show.
 */
class PresetProfileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> samples() {
    return Stream.of(
        sample("github", GitHub::profile, "583231", "The Octocat", "octocat@github.com",
            "https://avatars.githubusercontent.com/u/583231?v=4"),
        sample("github-login-only", GitHub::profile, "1000", "hubot", "hubot@example.com",
            "https://avatars.githubusercontent.com/u/1000?v=4"),
        sample("google", Google::profile, "110169484474386276334", "Jane Doe", "jane.doe@gmail.com",
            "https://lh3.googleusercontent.com/a/ACg8ocJ-example=s96-c"),
        sample("gitlab", GitLab::profile, "1", "John Smith", "john@example.com",
            "https://gitlab.com/uploads/-/system/user/avatar/1/avatar.png"),
        sample("microsoft-entra-id-with-email", MicrosoftEntraId::profile, "HKZpfaHyWadeOouYlitjrI-KffTm222X5rrV3xDqfKQ",
            "Abe Lincoln", "abe@contoso.com", null),
        sample("microsoft-entra-id", MicrosoftEntraId::profile, "HKZpfaHyWadeOouYlitjrI-KffTm222X5rrV3xDqfKQ",
            "Abe Lincoln", null, null),
        sample("apple", Apple::profile, "001234.0a1b2c3d4e5f60718293a4b5c6d7e8f9.1234", "Tim Apple",
            "abc123xyz@privaterelay.appleid.com", null),
        sample("apple-returning", Apple::profile, "001234.0a1b2c3d4e5f60718293a4b5c6d7e8f9.1234", null,
            "tim@example.com", null),
        sample("discord", Discord::profile, "80351110224678912", "Nelly", "nelly@discord.com",
            "https://cdn.discordapp.com/avatars/80351110224678912/8342729096ea3675442027381ff50dfe.png"),
        sample("discord-animated", Discord::profile, "80351110224678912", "nelly", "nelly@discord.com",
            "https://cdn.discordapp.com/avatars/80351110224678912/a_8342729096ea3675442027381ff50dfe.gif"),
        sample("discord-no-avatar", Discord::profile, "80351110224678912", "Nelly", "nelly@discord.com",
            "https://cdn.discordapp.com/embed/avatars/5.png"),
        sample("discord-legacy", Discord::profile, "80351110224678912", "nelly", "nelly@discord.com",
            "https://cdn.discordapp.com/embed/avatars/2.png"),
        sample("facebook", Facebook::profile, "10158001234567890", "Mark Example", "mark@example.com",
            "https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=10158001234567890&height=50&width=50"
                + "&ext=1735804800&hash=AbZ"),
        sample("linkedin", LinkedIn::profile, "782bbtaQ", "John Doe", "doe@email.com",
            "https://media.licdn.com/dms/image/C5F03AQHqK8v7tB1HCQ/profile-displayphoto-shrink_100_100/0/"),
        sample("slack", Slack::profile, "U0R7JM", "krane", "krane@slack-corp.com",
            "https://secure.gravatar.com/avatar/bc.jpg?s=512"),
        sample("twitch", Twitch::profile, "713936733", "twitchdev", "twitchdev@example.com",
            "https://static-cdn.jtvnw.net/jtv_user_pictures/8a6381c7-d0c0-4576-b179-38bd5ce1d6af-profile_image-300x300.png"),
        sample("auth0", ProfileMapper.standard()::map, "auth0|63f1c2d3e4a5b6c7d8e9f0a1", "jdoe@example.com", "jdoe@example.com",
            "https://s.gravatar.com/avatar/0a1b2c3d.png"),
        sample("okta", ProfileMapper.standard()::map, "00uid4BxXw6I6TV4m0g3", "John Doe", "john.doe@example.com", null),
        sample("keycloak", ProfileMapper.standard()::map, "f7b8c9d0-1a2b-3c4d-5e6f-7a8b9c0d1e2f", "Alice Liddell",
            "alice@example.com", null),
        sample("cognito", Cognito::profile, "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "janedoe", "janedoe@example.com",
            null),
        sample("spotify", Spotify::profile, "wizzler", "JM Wizzler", "email@example.com",
            "https://i.scdn.co/image/ab6775700000ee85large.jpg"),
        sample("twitter", Twitter::profile, "2244994945", "X Dev", null,
            "https://pbs.twimg.com/profile_images/1683325380441128960/yRsRRjGO_normal.jpg"),
        sample("zitadel", ProfileMapper.standard()::map, "218726458012345678", "Road Runner", "road.runner@acme.com",
            "https://acme.zitadel.cloud/assets/v1/218726458012345678/users/avatar"),
        sample("authentik", ProfileMapper.standard()::map, "9a0b7f7c0b6e4b7f8b1f3c3a1c1e2d3f", "authentik Default Admin",
            "akadmin@example.com", null),
        sample("bitbucket", Bitbucket::profile, "557058:c0b72ad0-1cb5-4018-9cdc-0cde8492c443", "Emma", "emma@example.com",
            "https://secure.gravatar.com/avatar/0a1b?d=https%3A%2F%2Favatar-management.atl-paas.net%2Finitials%2FE-3.png"),
        sample("atlassian", Atlassian::profile, "112233aa-bb11-cc22-33dd-445566abcabc", "Mia Krystof",
            "mia@example.com",
            "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/112233aa-bb11-cc22-33dd-445566abcabc/1234abcd"));
  }

  private static Arguments sample(String file, ProfileMapper mapper, String id, String name, String email,
                                  String image) {
    return Arguments.of(file, mapper, new User(id, name, email, image, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void aSampleProfileMapsToTheUser(String file, ProfileMapper mapper, User expected) throws IOException {
    try (InputStream in = PresetProfileTest.class.getResourceAsStream("/profiles/" + file + ".json")) {
      Map<String, Object> profile = JSON.readValue(in, new TypeReference<>() {});
      assertEquals(expected, mapper.map(profile));
    }
  }
}
