package dev.authjvm.providers.oauth.engine;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.util.JSONArrayUtils;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.provider.TokenSet;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import net.minidev.json.JSONObject;
import java.util.Map;

/** The back-channel calls of a flow: token endpoint (code and refresh grants) and userinfo. */
final class TokenClient {
  private final ClientAuthentication clientAuth;

  TokenClient(String clientId, String clientSecret, ClientAuthMethod method) {
    ClientID id = new ClientID(clientId);
    Secret secret = new Secret(clientSecret);
    this.clientAuth = method == ClientAuthMethod.CLIENT_SECRET_POST ? new ClientSecretPost(id, secret)
        : new ClientSecretBasic(id, secret);
  }

  /** The tokens a successful token request gave, and any extra fields (e.g. {@code session_state}). */
  record Result(TokenSet tokens, Map<String, Object> extra) {}

  Result exchangeCode(URI tokenEndpoint, String code, URI redirectUri, String codeVerifier, Instant now)
      throws OAuthFailure {
    AuthorizationGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
        codeVerifier == null ? null : new CodeVerifier(codeVerifier));
    return request(tokenEndpoint, grant, now);
  }

  TokenSet refresh(URI tokenEndpoint, String refreshToken, Instant now) throws OAuthFailure {
    return request(tokenEndpoint, new RefreshTokenGrant(new RefreshToken(refreshToken)), now).tokens();
  }

  private Result request(URI tokenEndpoint, AuthorizationGrant grant, Instant now) throws OAuthFailure {
    TokenResponse response;
    try {
      HTTPRequest http = new TokenRequest.Builder(tokenEndpoint, clientAuth, grant).build().toHTTPRequest();
      HTTPResponse answer = Http.send(http);
      if (answer.getStatusCode() == 200) {
        // Twitch answers scope as a JSON array; RFC 6749 says a space-separated string.
        JSONObject json = answer.getBodyAsJSONObject();
        if (json.get("scope") instanceof List<?> scopes) {
          json.put("scope", scopes.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        response = OIDCTokenResponseParser.parse(json);
      } else {
        response = OIDCTokenResponseParser.parse(answer);
      }
    } catch (Exception e) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "token request to " + tokenEndpoint + " failed", e);
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "token endpoint answered "
          + error.getCode() + (error.getDescription() == null ? "" : ": " + error.getDescription()));
    }
    AccessTokenResponse success = response.toSuccessResponse();
    Tokens tokens = success.getTokens();
    AccessToken access = tokens.getAccessToken();
    Map<String, Object> extra = new LinkedHashMap<>(success.getCustomParameters());
    String idToken = tokens instanceof OIDCTokens oidc ? oidc.getIDTokenString()
        : extra.get("id_token") instanceof String s ? s : null;
    extra.remove("id_token");
    Long expiresAt = access.getLifetime() > 0 ? now.getEpochSecond() + access.getLifetime() : null;
    TokenSet set = new TokenSet(access.getValue(), access.getType().getValue(),
        tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(), expiresAt, idToken,
        access.getScope() == null ? null : access.getScope().toString());
    return new Result(set, extra);
  }

  /** The userinfo JSON for an access token; plain OAuth 2 profiles need not follow OIDC, so no claim is required. */
  static Map<String, Object> userinfo(URI endpoint, String accessToken) throws OAuthFailure {
    Object json = getJson(endpoint, accessToken);
    if (!(json instanceof Map<?, ?> map)) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "userinfo from " + endpoint + " is not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> profile = new LinkedHashMap<>((Map<String, Object>) map);
    return profile;
  }

  /** A JSON object or array from an API that takes the access token as a bearer token. */
  static Object getJson(URI endpoint, String accessToken) throws OAuthFailure {
    HTTPResponse response;
    try {
      HTTPRequest http = new HTTPRequest(HTTPRequest.Method.GET, endpoint);
      http.setAuthorization("Bearer " + accessToken);
      response = Http.send(http);
    } catch (Exception e) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "request to " + endpoint + " failed", e);
    }
    if (response.getStatusCode() != 200) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, endpoint + " answered "
          + response.getStatusCode());
    }
    try {
      String body = response.getBody();
      return body != null && body.stripLeading().startsWith("[") ? JSONArrayUtils.parse(body)
          : JSONObjectUtils.parse(body);
    } catch (Exception e) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "the answer of " + endpoint + " is not JSON", e);
    }
  }
}
