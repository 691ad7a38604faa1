package dev.authjvm.providers.oauth.engine;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.text.LogSafe;
import dev.authjvm.core.provider.EmailAddress;
import dev.authjvm.core.provider.FlowRequest;
import dev.authjvm.core.provider.FlowStep;
import dev.authjvm.core.provider.InvalidLogoutTokenException;
import dev.authjvm.core.provider.LogoutToken;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.provider.TokenRefreshException;
import dev.authjvm.core.provider.TokenSet;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generic OAuth 2.0 / OpenID Connect provider: the authorization-code flow with PKCE (S256),
 * {@code state} and {@code nonce} kept in the core's encrypted check cookies, so nothing lives in
 * server memory between the redirect and the callback and any instance sharing the secret finishes
 * the flow. Immutable and thread-safe; discovery and the JWKS are fetched lazily and cached.
 */
public final class OAuthProvider implements RedirectFlowProvider {
  private static final Logger LOG = LoggerFactory.getLogger(OAuthProvider.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String id;
  private final String name;
  private final ProviderType type;
  private final String clientId;
  private final List<String> scopes;
  private final Set<Check> checks;
  private final Map<String, String> authorizationParams;
  private final boolean formPost;
  private final OidcUserinfo userinfo;
  private final boolean backChannelLogout;
  private final URI emails;
  private final ProfileMapper profile;
  private final EmailVerification emailVerification;
  private final Set<JWSAlgorithm> algorithms;
  private final boolean allowDangerousEmailAccountLinking;
  private final EndpointSource endpoints;
  private final TokenClient tokens;
  private final AtomicReference<OidcTokenVerifier> verifier = new AtomicReference<>();

  OAuthProvider(OAuthProviderBuilder b) {
    this.id = b.id;
    this.name = b.name;
    this.type = b.type;
    this.clientId = b.clientId;
    this.scopes = List.copyOf(b.scopes);
    this.checks = Set.copyOf(b.checks);
    this.authorizationParams = Map.copyOf(b.authorizationParams);
    this.formPost = b.formPost;
    this.userinfo = b.userinfoWhen;
    this.backChannelLogout = b.backChannelLogout;
    this.emails = b.emails;
    this.profile = b.profile;
    this.emailVerification = b.emailVerification;
    this.algorithms = b.algorithms;
    this.allowDangerousEmailAccountLinking = b.allowDangerousEmailAccountLinking;
    this.endpoints = b.authorization == null ? EndpointSource.discover(b.issuer, b.endpointOverrides())
        : EndpointSource.explicit(b.endpointOverrides());
    this.tokens = new TokenClient(b.clientId, b.clientSecret, b.clientAuth);
  }

  public static OAuthProviderBuilder builder() {
    return new OAuthProviderBuilder();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ProviderType type() {
    return type;
  }

  /** How this provider tells that a profile's address is verified; an unverified one is dropped. */
  public EmailVerification emailVerification() {
    return emailVerification;
  }

  /** The checks this provider's flows carry. */
  public Set<Check> checks() {
    return checks;
  }

  @Override
  public boolean allowDangerousEmailAccountLinking() {
    return allowDangerousEmailAccountLinking;
  }

  @Override
  public FlowStep start(FlowRequest request) {
    Endpoints ep;
    try {
      ep = endpoints.get();
    } catch (OAuthFailure f) {
      return new FlowStep.Failed(f.error(), f.getMessage(), List.of());
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (!scopes.isEmpty()) {
      params.put("scope", String.join(" ", scopes));
    }
    // signIn()'s third argument: passed on, except what only the server may decide.
    request.query().forEach((k, v) -> {
      if (!OAuthProviderBuilder.RESERVED_PARAMS.contains(k)) {
        params.put(k, v);
      }
    });
    // Configured parameters (a Google hd, an organization, acr_values) win: a caller cannot lift them.
    params.putAll(authorizationParams);
    // A client may narrow or widen the scope, but an OIDC flow without openid would bring no ID token.
    if (type == ProviderType.OIDC && !List.of(params.getOrDefault("scope", "").split(" ")).contains("openid")) {
      params.put("scope", ("openid " + params.getOrDefault("scope", "")).strip());
    }
    params.put("response_type", "code");
    params.put("client_id", clientId);
    params.put("redirect_uri", request.providerCallbackUrl());
    if (formPost) {
      params.put("response_mode", "form_post");
    }
    List<SetCookie> cookies = new ArrayList<>();
    if (checks.contains(Check.STATE)) {
      String state = random();
      params.put("state", state);
      cookies.add(checkCookie(request, Check.STATE, state));
    }
    if (checks.contains(Check.PKCE)) {
      CodeVerifier verifier = new CodeVerifier();
      params.put("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
      params.put("code_challenge_method", "S256");
      cookies.add(checkCookie(request, Check.PKCE, verifier.getValue()));
    }
    if (checks.contains(Check.NONCE)) {
      String nonce = random();
      params.put("nonce", nonce);
      cookies.add(checkCookie(request, Check.NONCE, nonce));
    }
    return new FlowStep.Redirect(Urls.withQuery(ep.authorization(), params), cookies);
  }

  private SetCookie checkCookie(FlowRequest request, Check check, String value) {
    return formPost ? request.checks().createForCrossSitePost(check.cookieCheck(), value)
        : request.checks().create(check.cookieCheck(), value);
  }

  @Override
  public FlowStep callback(FlowRequest request) {
    // The check cookies are spent whatever happens: a second callback with them must fail.
    List<SetCookie> cookies = checks.stream().map(c -> request.checks().delete(c.cookieCheck())).toList();
    try {
      Verified verified = verify(request);
      return new FlowStep.Authenticated(verified.user(), verified.account(), verified.profile(), cookies);
    } catch (OAuthFailure f) {
      return new FlowStep.Failed(f.error(), f.getMessage(), cookies);
    } catch (RuntimeException e) {
      // A provider answering nonsense is its fault or an attack, never a server error.
      return new FlowStep.Failed(ErrorType.OAUTH_CALLBACK, "callback failed: " + e, cookies);
    }
  }

  private record Verified(User user, Account account, Map<String, Object> profile) {}

  private Verified verify(FlowRequest request) throws OAuthFailure {
    Map<String, String> params = new LinkedHashMap<>(request.query());
    params.putAll(request.form());
    if (params.containsKey("error")) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "the provider answered error=" + params.get("error")
          + Optional.ofNullable(params.get("error_description")).map(d -> " (" + d + ")").orElse(""));
    }
    Endpoints ep;
    try {
      ep = endpoints.get();
    } catch (OAuthFailure f) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, f.getMessage());
    }
    if (checks.contains(Check.STATE)) {
      String expected = read(request, Check.STATE);
      String state = params.get("state");
      if (state == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
          state.getBytes(StandardCharsets.UTF_8))) {
        throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "state " + (state == null ? "missing" : "mismatch")
            + " in the callback: not the flow this browser started (login CSRF?)");
      }
    }
    // RFC 9207: a provider that names itself must be the one we sent the user to (mix-up attacks).
    String iss = params.get("iss");
    if (iss != null && ep.issuer() != null && !iss.equals(ep.issuer())) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "the callback's iss " + iss + " is not " + ep.issuer());
    }
    String code = params.get("code");
    if (code == null || code.isBlank()) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "the callback has no code");
    }
    String verifierValue = checks.contains(Check.PKCE) ? read(request, Check.PKCE) : null;
    String nonce = checks.contains(Check.NONCE) ? read(request, Check.NONCE) : null;
    Instant now = request.now();
    TokenClient.Result result = tokens.exchangeCode(ep.token(), code, URI.create(request.providerCallbackUrl()),
        verifierValue, now);
    TokenSet t = result.tokens();
    Map<String, Object> profileJson = new LinkedHashMap<>();
    if (type == ProviderType.OIDC) {
      if (t.idToken() == null) {
        throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "the token response of an OIDC provider has no id_token");
      }
      profileJson.putAll(OidcProfile.of(verifier(ep).verify(t.idToken(), nonce), userinfo, t, scopes, ep.userinfo()));
    } else {
      profileJson.putAll(TokenClient.userinfo(ep.userinfo(), t.accessToken()));
    }
    if (emails != null) {
      emailsOf(t.accessToken()).ifPresent(list -> profileJson.put("emails", list));
    }
    if (formPost) {
      appleUser(request.form()).ifPresent(u -> profileJson.put("user", u));
    }
    User mapped;
    try {
      mapped = profile.map(profileJson);
    } catch (RuntimeException e) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "the profile could not be mapped", e);
    }
    if (mapped == null) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "the profile mapper gave no user");
    }
    User user = new User(mapped.id(), mapped.name(), verifiedEmail(mapped.email(), profileJson), mapped.image(), null);
    Account account = new Account(user.id(), type.wireName(), id, user.id(), t.accessToken(), t.tokenType(),
        t.idToken(), t.refreshToken(), t.scope(), t.expiresAt(),
        result.extra().get("session_state") instanceof String s ? s : null);
    return new Verified(user, account, profileJson);
  }

  /** The mapped address, normalised, when the provider vouches for it; else none. */
  private String verifiedEmail(String email, Map<String, Object> profileJson) {
    if (email == null || !emailVerification.isVerified(profileJson, email)) {
      return null;
    }
    return EmailAddress.normalize(email).orElse(null);
  }

  private Optional<Object> emailsOf(String accessToken) {
    try {
      return Optional.ofNullable(TokenClient.getJson(emails, accessToken));
    } catch (OAuthFailure | RuntimeException e) {
      LOG.warn("[auth][OAuthCallback] {}: the addresses at {} could not be read, so the user has none from it: {}",
          id, emails, LogSafe.text(e.getMessage()));
      return Optional.empty();
    }
  }

  private static String read(FlowRequest request, Check check) throws OAuthFailure {
    return request.checks().read(check.cookieCheck()).orElseThrow(() -> new OAuthFailure(ErrorType.OAUTH_CALLBACK,
        check.cookieCheck() + " check cookie absent, expired or from another provider's flow"));
  }

  /**
   * Apple sends the name only once, on the first sign-in, as a JSON {@code user} field of its form
   * POST. Nothing signs it, so mappers take only display values from it (a name), never the email.
   */
  private static Optional<Map<String, Object>> appleUser(Map<String, String> form) {
    String user = form.get("user");
    if (user == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSONObjectUtils.parse(user));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private OidcTokenVerifier verifier(Endpoints ep) throws OAuthFailure {
    OidcTokenVerifier v = verifier.get();
    if (v == null) {
      verifier.compareAndSet(null, new OidcTokenVerifier(ep, clientId, algorithms));
      v = verifier.get();
    }
    return v;
  }

  @Override
  public boolean refreshesTokens() {
    return true;
  }

  /** {@inheritDoc} As {@link #refresh(String, String)} without the session's ID token: no subject to compare. */
  @Override
  public TokenSet refresh(String refreshToken) {
    return refresh(refreshToken, null);
  }

  /**
   * Exchanges a refresh token for new tokens. An ID token in the answer (OIDC Core 12.2) must be signed by
   * the issuer for this client, unexpired, and about the same {@code sub} as {@code previousIdToken}; a
   * nonce is not required. Anything else is a failed refresh, and nothing is replaced.
   *
   * @param previousIdToken the ID token the session holds (from the sign-in or the last refresh), or
   *                        {@code null} when the session keeps none
   * @throws TokenRefreshException when the provider refuses, cannot be reached, or answers an invalid ID token
   */
  @Override
  public TokenSet refresh(String refreshToken, String previousIdToken) {
    try {
      Endpoints ep = endpoints.get();
      TokenSet fresh = tokens.refresh(ep.token(), refreshToken, Instant.now());
      if (type == ProviderType.OIDC && fresh.idToken() != null) {
        verifier(ep).verifyRefreshed(fresh.idToken(), OidcTokenVerifier.subjectOf(previousIdToken));
      }
      return fresh;
    } catch (OAuthFailure f) {
      throw new TokenRefreshException(id + ": " + f.getMessage(), f);
    }
  }

  /** Whether {@code OAuthProviderBuilder.backChannelLogout(true)} was set (OIDC providers only). */
  @Override
  public boolean acceptsBackChannelLogout() {
    return backChannelLogout;
  }

  /**
   * Validates a back-channel logout token with Nimbus's {@code LogoutTokenValidator}: signed with an allowed
   * algorithm by a key of the issuer's JWKS, {@code iss} the issuer, {@code aud} containing the client id,
   * {@code exp} not passed, {@code iat} not in the future nor older than five minutes, the back-channel
   * {@code events} member, no {@code nonce}, a {@code sub} or a {@code sid}, a {@code jti}.
   */
  @Override
  public LogoutToken verifyLogoutToken(String logoutToken) {
    if (!backChannelLogout) {
      throw new InvalidLogoutTokenException(id + " does not accept back-channel logout");
    }
    try {
      return verifier(endpoints.get()).verifyLogoutToken(logoutToken, Instant.now());
    } catch (OAuthFailure f) {
      throw new InvalidLogoutTokenException(id + ": the provider's keys cannot be had: " + f.getMessage(), f);
    }
  }

  @Override
  public Optional<String> endSessionUrl(String idToken, String postLogoutRedirectUri) {
    Endpoints ep;
    try {
      ep = endpoints.get();
    } catch (OAuthFailure f) {
      return Optional.empty();
    }
    if (ep.endSession() == null) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (idToken != null) {
      params.put("id_token_hint", idToken);
    }
    params.put("client_id", clientId);
    if (postLogoutRedirectUri != null) {
      params.put("post_logout_redirect_uri", postLogoutRedirectUri);
    }
    return Optional.of(Urls.withQuery(ep.endSession(), params));
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "OAuthProvider[" + id + ", " + type.wireName() + "]";
  }
}
