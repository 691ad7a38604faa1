// An OpenID Provider for the tests: panva's oidc-provider (OpenID Certified) with its default claim
// settings, so that, as OIDC Core 5.4 allows, the code flow's ID token carries no profile claims and
// UserInfo has them. The test configures it through environment variables:
//   PORT                  where to listen (loopback); the issuer is http://127.0.0.1:PORT
//   OP_CLIENTS            JSON array of client metadata (client_id, client_secret, redirect_uris, ...)
//   OP_JWKS               JSON private JWK Set to sign with (the test holds the key, to forge tokens)
//   OP_ACCOUNTS           JSON object: login -> claims; a login not listed gets a name and a verified
//                         address made from it
//   OP_ACCESS_TOKEN_TTL   seconds an access token lives (default 3600)
// Logins and consents go through oidc-provider's own development interactions (any password).
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = JSON.parse(process.env.OP_ACCOUNTS ?? '{}');
const accessTokenTtl = Number(process.env.OP_ACCESS_TOKEN_TTL ?? 3600);

function claimsOf(login) {
  const claims = accounts[login] ?? { name: `User ${login}`, email: `${login}@example.test`, email_verified: true };
  return { ...claims, sub: login };
}

const provider = new Provider(issuer, {
  clients: JSON.parse(process.env.OP_CLIENTS ?? '[]'),
  jwks: process.env.OP_JWKS ? JSON.parse(process.env.OP_JWKS) : undefined,
  cookies: { keys: ['authjvm-tests-only-cookie-key'] },
  claims: {
    openid: ['sub'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username', 'picture'],
    email: ['email', 'email_verified'],
  },
  scopes: ['openid', 'offline_access', 'profile', 'email'],
  features: {
    backchannelLogout: { enabled: true },
  },
  // The client must prove the code with PKCE, so a flow without it fails at the provider.
  pkce: { required: () => true },
  // A new refresh token on every use, the old one dead: what concurrent reads of one session must survive.
  rotateRefreshToken: true,
  ttl: {
    AccessToken: accessTokenTtl,
    AuthorizationCode: 60,
    IdToken: 3600,
    Interaction: 3600,
    Grant: 3600,
    Session: 3600,
    RefreshToken: 3600,
  },
  // The provider refuses to call special-use addresses (SSRF protection) through the dispatcher it passes
  // here; the tests' back-channel logout receiver is on the loopback, so its requests go without it.
  fetch: (url, { dispatcher, ...options }) => globalThis.fetch(url, options),
  findAccount: async (ctx, login) => ({
    accountId: login,
    claims: async () => claimsOf(login),
  }),
});

provider.on('server_error', (ctx, err) => console.error('server_error', err));
provider.on('backchannel.error', (ctx, err) => console.error('backchannel.error', err.message));
provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening at ${issuer}`));
