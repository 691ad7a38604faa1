package dev.authjvm.core.internal.flow;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.internal.codec.Json;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.internal.session.SessionManager;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.provider.EmailAddress;
import dev.authjvm.core.provider.RegisteredCredential;
import dev.authjvm.core.provider.RelyingParty;
import dev.authjvm.core.provider.WebAuthnCeremony;
import dev.authjvm.core.provider.WebAuthnProvider;
import dev.authjvm.core.provider.WebAuthnUserEntity;
import dev.authjvm.core.provider.WebAuthnVerificationException;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.Authenticator;
import dev.authjvm.core.store.AuthenticatorStore;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passkeys for any {@link WebAuthnProvider}, as Auth.js v5 does them: {@code GET /webauthn-options/:id}
 * decides between registration and authentication and answers the browser's options with a new challenge;
 * {@code POST /callback/:id} verifies the browser's answer against that challenge and signs in. The relying
 * party is always the request's trusted origin.
 */
public final class WebAuthnFlow {
  static final String AUTHENTICATE = "authenticate";
  static final String REGISTER = "register";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AuthConfig config;
  private final SessionManager sessions;
  private final SignInCompletion completion;
  private final WebAuthnChallenges challenges;

  public WebAuthnFlow(AuthConfig config, JwtCodec checkCodec, SessionManager sessions, SignInCompletion completion) {
    this.config = config;
    this.sessions = sessions;
    this.completion = completion;
    this.challenges = config.store().map(s -> new WebAuthnChallenges(s, checkCodec)).orElse(null);
  }

  /** Who the options are for: the signed-in user, or the one an address names ({@code exists} when stored). */
  private record UserInfo(User user, boolean exists) {}

  /** {@code GET /webauthn-options/:id?action=&email=}: 200 with the options and the challenge cookie, or 400. */
  public AuthResponse options(RequestContext ctx, WebAuthnProvider provider) {
    String action = ctx.query().get("action");
    if (action != null && !action.equals(REGISTER) && !action.equals(AUTHENTICATE)) {
      return AuthResponse.json(400, Map.of("error", "Invalid action"));
    }
    Optional<User> signedIn = sessions.currentUser(ctx);
    UserInfo info = signedIn.map(u -> new UserInfo(u, true)).orElseGet(() -> byEmail(ctx.query().get("email")));
    String decision = decide(action, signedIn.isPresent(), info);
    if (decision == null) {
      return AuthResponse.json(400, Map.of("error", "Invalid request"));
    }
    List<Authenticator> known = info != null && info.exists() ? passkeys().listAuthenticatorsByUserId(info.user().id())
        : List.of();
    RelyingParty rp = RelyingParty.of(ctx.origin());
    Map<String, Object> registering = decision.equals(REGISTER) ? registration(info.user(), signedIn.isPresent()) : null;
    WebAuthnChallenges.Issued issued = challenges.issue(ctx, provider.id(), decision, registering);
    WebAuthnCeremony ceremony = new WebAuthnCeremony(issued.challenge(), rp);
    Map<String, Object> options = decision.equals(REGISTER)
        ? provider.registrationOptions(ceremony, userEntity(info.user()), known)
        : provider.authenticationOptions(ceremony, known);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", decision);
    body.put("options", options);
    return Responses.noCache(AuthResponse.json(200, body)).withCookies(List.of(issued.cookie()));
  }

  /**
   * Auth.js's choice: authentication is always allowed; registration when there is a user and being
   * signed in equals the user existing (a new passkey for oneself, or a new account); without an action,
   * a signed-out browser authenticates unless the address is new.
   */
  private static String decide(String action, boolean signedIn, UserInfo info) {
    if (AUTHENTICATE.equals(action)) {
      return AUTHENTICATE;
    }
    if (REGISTER.equals(action)) {
      return info != null && signedIn == info.exists() ? REGISTER : null;
    }
    if (signedIn) {
      return null;
    }
    return info != null && !info.exists() ? REGISTER : AUTHENTICATE;
  }

  private UserInfo byEmail(String email) {
    Optional<String> address = EmailAddress.normalize(email);
    if (address.isEmpty()) {
      return null;
    }
    // A user not stored yet has only an address; the store gives the id when the registration completes.
    return config.store().orElseThrow().getUserByEmail(address.get()).map(u -> new UserInfo(u, true))
        .orElseGet(() -> new UserInfo(new User("unregistered", null, address.get(), null, null), false));
  }

  /** What the callback of a registration needs: the signed-in user's id, or the new user's address. */
  private static Map<String, Object> registration(User user, boolean signedIn) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (signedIn) {
      m.put("id", user.id());
    } else {
      m.put("email", user.email());
    }
    return m;
  }

  /** A random handle of 32 bytes as 64 hex characters: SimpleWebAuthn 9 reads it as UTF-8, later ones as base64url. */
  private static WebAuthnUserEntity userEntity(User user) {
    byte[] handle = new byte[32];
    RANDOM.nextBytes(handle);
    String name = user.email() != null ? user.email() : user.id();
    return new WebAuthnUserEntity(HexFormat.of().formatHex(handle), name, user.name() != null ? user.name() : name);
  }

  /** {@code POST /callback/:id}: {@code action}, {@code data} (the browser's answer as JSON), CSRF checked. */
  public Outcome callback(RequestContext ctx, WebAuthnProvider provider) {
    if (!ctx.isPost()) {
      return refused(provider, "callbacks of WebAuthn providers are POST requests", List.of());
    }
    if (!ctx.csrfVerified()) {
      return Responses.missingCsrf(ctx, "signin", config.observer());
    }
    List<SetCookie> spent = List.of(challenges.spent(ctx));
    String action = ctx.body().field("action");
    if (!AUTHENTICATE.equals(action) && !REGISTER.equals(action)) {
      return refused(provider, "the action must be authenticate or register", spent);
    }
    String data = ctx.body().field("data");
    Optional<String> rawId = credentialRawId(data);
    if (rawId.isEmpty()) {
      return refused(provider, "data is not a WebAuthn response with a base64url id", spent);
    }
    Optional<WebAuthnChallenges.Pending> pending = challenges.use(ctx, provider.id());
    if (pending.isEmpty()) {
      return refused(provider, "no unspent challenge of this provider in this browser", spent);
    }
    if (!action.equals(pending.get().action())) {
      return refused(provider, "the challenge was issued for " + pending.get().action() + ", not " + action, spent);
    }
    WebAuthnCeremony ceremony = new WebAuthnCeremony(pending.get().challenge(), RelyingParty.of(ctx.origin()));
    try {
      return action.equals(AUTHENTICATE) ? authenticate(ctx, provider, data, rawId.get(), ceremony, spent)
          : register(ctx, provider, data, pending.get().user(), ceremony, spent);
    } catch (WebAuthnVerificationException e) {
      return refused(provider, e.getMessage(), spent);
    }
  }

  private Outcome authenticate(RequestContext ctx, WebAuthnProvider provider, String data, String credentialId,
                               WebAuthnCeremony ceremony, List<SetCookie> spent) {
    Optional<Authenticator> stored = passkeys().getAuthenticator(credentialId);
    if (stored.isEmpty()) {
      return refused(provider, "no stored passkey has the credential id " + credentialId, spent);
    }
    long counter = provider.verifyAuthentication(data, ceremony, stored.get());
    passkeys().updateAuthenticatorCounter(credentialId, counter);
    AuthStore store = config.store().orElseThrow();
    Optional<Account> account = store.getAccount(provider.id(), stored.get().providerAccountId());
    Optional<User> user = account.flatMap(a -> store.getUser(a.userId()));
    if (user.isEmpty()) {
      return refused(provider, "the passkey " + credentialId + " has no account or user of provider " + provider.id(),
          spent);
    }
    return completion.complete(ctx, provider, user.get(), account.get(), Map.of(), Map.of(), spent);
  }

  private Outcome register(RequestContext ctx, WebAuthnProvider provider, String data, Map<String, Object> registering,
                           WebAuthnCeremony ceremony, List<SetCookie> spent) {
    Optional<User> signedIn = sessions.currentUser(ctx);
    Object forId = registering == null ? null : registering.get("id");
    Object email = registering == null ? null : registering.get("email");
    if (forId != null && !signedIn.map(u -> u.id().equals(forId)).orElse(false)) {
      return refused(provider, "the passkey was to be added for user " + forId + ", who is not the signed-in user", spent);
    }
    if (forId == null && !(email instanceof String)) {
      return refused(provider, "the registration's challenge names no user", spent);
    }
    RegisteredCredential credential = provider.verifyRegistration(data, ceremony);
    if (passkeys().getAuthenticator(credential.credentialId()).isPresent()) {
      return refused(provider, "the passkey " + credential.credentialId() + " is registered already", spent);
    }
    // A new user's id is the store's to give; the credential id stands in, as a provider's account id does.
    User profile = signedIn.orElseGet(() -> new User(credential.credentialId(), null, (String) email, null, null));
    Account account = Account.of(profile.id(), "webauthn", provider.id(), credential.credentialId());
    return completion.complete(ctx, provider, profile, account, Map.of(), Map.of(), spent,
        signedUp -> passkeys().createAuthenticator(credential.toAuthenticator(signedUp.id())));
  }

  /**
   * The credential id as Auth.js stores it: standard Base64 with padding of the raw id, whatever alphabet the
   * client used for {@code id}. Empty for anything that is not a JSON object with such an id.
   */
  private static Optional<String> credentialRawId(String data) {
    if (data == null) {
      return Optional.empty();
    }
    try {
      Object id = Json.readObject(data.getBytes(StandardCharsets.UTF_8)).get("id");
      if (!(id instanceof String s) || s.isEmpty()) {
        return Optional.empty();
      }
      byte[] raw = Base64.getUrlDecoder().decode(s.replace('+', '-').replace('/', '_').replace("=", ""));
      return Optional.of(Base64.getEncoder().encodeToString(raw));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private AuthenticatorStore passkeys() {
    return (AuthenticatorStore) config.store().orElseThrow();
  }

  private static Outcome refused(WebAuthnProvider provider, String why, List<SetCookie> cookies) {
    return Outcome.fail(new AuthError(ErrorType.WEBAUTHN_VERIFICATION, null, provider.id(), provider.id() + ": " + why),
        cookies);
  }
}
