package dev.authjvm.oidc.testing;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link OpenIdProviderLogin} for {@code oidc-provider}'s development interactions (on unless a deployment
 * turns them off): its login form takes any login with any password, its consent form grants what the
 * client asked, and its logout page is confirmed with "Yes, sign me out".
 */
public final class OidcProviderDevLogin implements OpenIdProviderLogin {
  private static final int MAX_HOPS = 20;
  private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");
  private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
  private final String login;

  private OidcProviderDevLogin(String login) {
    this.login = login;
  }

  /** Logs in as the account {@code login} (the provider's {@code sub}). */
  public static OidcProviderDevLogin as(String login) {
    return new OidcProviderDevLogin(login);
  }

  @Override
  public URI authorize(UserAgent agent, URI authorizationUrl) {
    return untilBackAtClient(agent, authorizationUrl, agent.get(authorizationUrl));
  }

  @Override
  public URI endSession(UserAgent agent, URI endSessionUrl) {
    return untilBackAtClient(agent, endSessionUrl, agent.get(endSessionUrl));
  }

  /** Follows the provider's redirects and submits its forms until a redirect leaves the provider's origin. */
  private URI untilBackAtClient(UserAgent agent, URI start, HttpResponse<String> response) {
    String provider = origin(start);
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      Optional<URI> next = UserAgent.redirect(response);
      if (next.isPresent()) {
        if (!origin(next.get()).equals(provider)) {
          return next.get();
        }
        response = agent.get(next.get());
      } else {
        response = submit(agent, response);
      }
    }
    throw new AssertionError("oidc-provider did not send the browser back within " + MAX_HOPS + " steps from " + start);
  }

  /** The page's form, filled as the user would: login and password on the login form, "yes" to logout. */
  private HttpResponse<String> submit(UserAgent agent, HttpResponse<String> page) {
    Matcher form = FORM.matcher(page.body());
    Matcher action = form.find() ? ACTION.matcher(form.group(1)) : null;
    if (page.statusCode() != 200 || action == null || !action.find()) {
      throw new AssertionError("oidc-provider answered " + page.statusCode() + " at " + page.uri()
          + " with no form to submit: " + page.body());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(form.group(2));
    while (hidden.find()) {
      fields.put(hidden.group(1), hidden.group(2));
    }
    if (form.group(2).contains("name=\"login\"")) {
      fields.put("login", login);
      fields.put("password", "any password");
    }
    if (form.group(1).contains("op.logoutForm")) {
      fields.put("logout", "yes");
    }
    return agent.post(page.uri().resolve(action.group(1).replace("&amp;", "&")), fields);
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
