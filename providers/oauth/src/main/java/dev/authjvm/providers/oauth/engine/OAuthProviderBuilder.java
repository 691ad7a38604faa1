package dev.authjvm.providers.oauth.engine;

import com.nimbusds.jose.JWSAlgorithm;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.provider.ProviderType;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Configures an {@link OAuthProvider}. {@link #build()} checks everything at start-up and names the
 * setting that is missing or wrong, so a misconfigured provider never reaches a user.
 */
public final class OAuthProviderBuilder {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  /** Parameters the server sets itself; a client's authorization params may not replace them. */
  static final Set<String> RESERVED_PARAMS = Set.of("redirect_uri", "state", "code_challenge",
      "code_challenge_method", "nonce", "client_id", "response_type", "response_mode");
  /** Asymmetric signatures only: HMAC ID tokens would need the client secret as a key, and none is never accepted. */
  static final Set<JWSAlgorithm> DEFAULT_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
      JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
      JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

  String id;
  String name;
  ProviderType type;
  String issuer;
  URI authorization;
  URI token;
  URI userinfo;
  URI jwks;
  URI endSession;
  String clientId;
  String clientSecret;
  List<String> scopes;
  Set<Check> checks;
  final Map<String, String> authorizationParams = new LinkedHashMap<>();
  ClientAuthMethod clientAuth = ClientAuthMethod.CLIENT_SECRET_BASIC;
  boolean formPost;
  OidcUserinfo userinfoWhen = OidcUserinfo.WHEN_CLAIMS_MISSING;
  boolean backChannelLogout;
  URI emails;
  ProfileMapper profile;
  EmailVerification emailVerification;
  Set<JWSAlgorithm> algorithms = DEFAULT_ALGORITHMS;
  boolean allowDangerousEmailAccountLinking;

  OAuthProviderBuilder() {}

  /** The URL segment: {@code /signin/<id>}, {@code /callback/<id>}. */
  public OAuthProviderBuilder id(String id) {
    this.id = id;
    return this;
  }

  public OAuthProviderBuilder name(String name) {
    this.name = name;
    return this;
  }

  /** {@code OIDC} validates an ID token; {@code OAUTH} reads the userinfo endpoint. Default: OIDC when an issuer is set. */
  public OAuthProviderBuilder type(ProviderType type) {
    this.type = type;
    return this;
  }

  /** The OIDC issuer; without an explicit authorization endpoint its endpoints come from discovery. */
  public OAuthProviderBuilder issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  public OAuthProviderBuilder authorizationEndpoint(String url) {
    this.authorization = uri("authorizationEndpoint", url);
    return this;
  }

  public OAuthProviderBuilder tokenEndpoint(String url) {
    this.token = uri("tokenEndpoint", url);
    return this;
  }

  public OAuthProviderBuilder userinfoEndpoint(String url) {
    this.userinfo = uri("userinfoEndpoint", url);
    return this;
  }

  public OAuthProviderBuilder jwksUri(String url) {
    this.jwks = uri("jwksUri", url);
    return this;
  }

  public OAuthProviderBuilder endSessionEndpoint(String url) {
    this.endSession = uri("endSessionEndpoint", url);
    return this;
  }

  public OAuthProviderBuilder clientId(String clientId) {
    this.clientId = clientId;
    return this;
  }

  public OAuthProviderBuilder clientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
    return this;
  }

  /** Default: {@code openid profile email} for OIDC, none for OAuth 2. */
  public OAuthProviderBuilder scopes(String... scopes) {
    this.scopes = List.of(scopes);
    return this;
  }

  /** Default: PKCE and state, plus nonce for OIDC. */
  public OAuthProviderBuilder checks(Check... checks) {
    this.checks = checks.length == 0 ? EnumSet.noneOf(Check.class) : EnumSet.copyOf(Arrays.asList(checks));
    return this;
  }

  /** A fixed authorization parameter, e.g. {@code prompt=consent}; not one the server sets itself. */
  public OAuthProviderBuilder authorizationParam(String name, String value) {
    if (RESERVED_PARAMS.contains(name) || "scope".equals(name)) {
      throw new ConfigurationException("authorizationParam '" + name + "' of provider '" + id
          + "' is set by the server" + ("scope".equals(name) ? "; use scopes(...)" : ""));
    }
    authorizationParams.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  public OAuthProviderBuilder clientAuth(ClientAuthMethod method) {
    this.clientAuth = Objects.requireNonNull(method, "clientAuth");
    return this;
  }

  /** Ask for {@code response_mode=form_post}: the provider POSTs the code to the callback (Apple does). */
  public OAuthProviderBuilder formPost(boolean formPost) {
    this.formPost = formPost;
    return this;
  }

  /**
   * OIDC: when to read the UserInfo endpoint at sign-in and complete the ID token's claims with it.
   * Default {@link OidcUserinfo#WHEN_CLAIMS_MISSING}: when the ID token lacks the claims of a granted
   * standard scope. How the two merge: {@link OidcUserinfo}.
   */
  public OAuthProviderBuilder userinfoForOidc(OidcUserinfo when) {
    this.userinfoWhen = Objects.requireNonNull(when, "userinfoForOidc");
    return this;
  }

  /**
   * OIDC: accept OpenID Connect Back-Channel Logout from this provider (default off). Register
   * {@code <AUTH_URL origin><basePath>/backchannel-logout/<id>} as the client's {@code backchannel_logout_uri}.
   */
  public OAuthProviderBuilder backChannelLogout(boolean accept) {
    this.backChannelLogout = accept;
    return this;
  }

  /**
   * Where to read the user's addresses and whether each is verified (GitHub and Bitbucket keep them
   * there): the JSON answer is added to the profile as {@code emails}, for the mapper and the
   * {@link #emailVerification}. A failure to read it leaves the user without an address.
   */
  public OAuthProviderBuilder emailsEndpoint(String url) {
    this.emails = uri("emailsEndpoint", url);
    return this;
  }

  /** Default: {@link ProfileMapper#standard()}. */
  public OAuthProviderBuilder profile(ProfileMapper mapper) {
    this.profile = mapper;
    return this;
  }

  /**
   * How to tell that the profile's address is verified; an unverified one is dropped. Default: the
   * {@code email_verified} claim for OIDC, {@link EmailVerification#NEVER} for OAuth 2 (whose profiles
   * have no standard flag).
   */
  public OAuthProviderBuilder emailVerification(EmailVerification verification) {
    this.emailVerification = Objects.requireNonNull(verification, "emailVerification");
    return this;
  }

  /** The ID-token signature algorithms accepted; default the asymmetric JWS algorithms. {@code none} is refused. */
  public OAuthProviderBuilder idTokenAlgorithms(String... names) {
    Set<JWSAlgorithm> set = new LinkedHashSet<>();
    for (String n : names) {
      JWSAlgorithm alg = JWSAlgorithm.parse(n);
      if ("none".equalsIgnoreCase(n) || JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
        throw new ConfigurationException("idTokenAlgorithms of provider '" + id + "': " + n
            + " is not accepted (unsigned or keyed with a shared secret)");
      }
      set.add(alg);
    }
    if (set.isEmpty()) {
      throw new ConfigurationException("idTokenAlgorithms of provider '" + id + "' must name at least one algorithm");
    }
    this.algorithms = Set.copyOf(set);
    return this;
  }

  public OAuthProviderBuilder allowDangerousEmailAccountLinking(boolean allow) {
    this.allowDangerousEmailAccountLinking = allow;
    return this;
  }

  public OAuthProvider build() {
    if (id == null || !ID.matcher(id).matches()) {
      throw new ConfigurationException("OAuth provider id '" + id + "' must be lower-case letters, digits, '-' or '_'");
    }
    require(clientId, "clientId");
    require(clientSecret, "clientSecret");
    if (name == null || name.isBlank()) {
      name = id;
    }
    if (type == null) {
      type = issuer != null ? ProviderType.OIDC : ProviderType.OAUTH;
    }
    if (type != ProviderType.OIDC && type != ProviderType.OAUTH) {
      throw new ConfigurationException("type of OAuth provider '" + id + "' must be OAUTH or OIDC, not " + type);
    }
    boolean discovery = authorization == null;
    if (discovery && issuer == null) {
      throw new ConfigurationException("OAuth provider '" + id + "' needs an issuer (OIDC discovery) or an "
          + "authorizationEndpoint");
    }
    if (issuer != null) {
      uri("issuer", issuer);
    }
    if (!discovery) {
      require(token, "tokenEndpoint");
      if (type == ProviderType.OIDC) {
        require(issuer, "issuer");
        require(jwks, "jwksUri");
      }
    }
    if (type == ProviderType.OAUTH) {
      require(userinfo, "userinfoEndpoint");
      if (backChannelLogout) {
        throw new ConfigurationException("backChannelLogout of OAuth provider '" + id + "' needs an OpenID Connect "
            + "provider (type OIDC): the logout token is checked against the issuer's keys");
      }
    }
    if (scopes == null) {
      scopes = type == ProviderType.OIDC ? List.of("openid", "profile", "email") : List.of();
    }
    if (type == ProviderType.OIDC && !scopes.contains("openid")) {
      List<String> withOpenid = new ArrayList<>(scopes);
      withOpenid.add(0, "openid");
      scopes = List.copyOf(withOpenid);
    }
    if (checks == null) {
      checks = type == ProviderType.OIDC ? EnumSet.allOf(Check.class) : EnumSet.of(Check.PKCE, Check.STATE);
    }
    if (checks.isEmpty()) {
      throw new ConfigurationException("checks of OAuth provider '" + id + "' may not be empty: without state, PKCE "
          + "or nonce any callback would be believed");
    }
    if (profile == null) {
      profile = ProfileMapper.standard();
    }
    if (emailVerification == null) {
      emailVerification = type == ProviderType.OIDC ? EmailVerification.standard() : EmailVerification.NEVER;
    }
    return new OAuthProvider(this);
  }

  private void require(Object value, String setting) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new ConfigurationException(setting + " of OAuth provider '" + id + "' is required");
    }
  }

  private URI uri(String setting, String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = new URI(url);
      if (!u.isAbsolute() || !("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
        throw new IllegalArgumentException("not an absolute http(s) URL");
      }
      return u;
    } catch (Exception e) {
      throw new ConfigurationException(setting + " of OAuth provider '" + id + "' must be an absolute http(s) URL, not '"
          + url + "'");
    }
  }

  Endpoints endpointOverrides() {
    return new Endpoints(issuer, authorization, token, userinfo, jwks, endSession);
  }
}
