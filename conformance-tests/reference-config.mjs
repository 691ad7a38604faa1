// The conformance kit's standard configuration (KitConfigs.standard() and the console runner's usage
// text) for the official servers in authjs-reference/ (Auth.js v5) and nextauth-v4-reference/
// (NextAuth.js v4): one definition, so both are the same application. Plain objects and functions only:
// each server wraps them with its own generation's Credentials provider.

/** The credentials provider's fields. */
export const credentialFields = {
  username: { label: "Username", type: "text" },
  password: { label: "Password", type: "password" },
};

/**
 * demo/demo signs in "Demo User"; "big" gets a token over 4 KB (see jwt); "locked" is refused with
 * the error the caller's generation uses for a reason (code account_locked).
 */
export function authorize(c, lockedError) {
  if (c.username === "locked") throw lockedError();
  if ((c.username === "demo" || c.username === "big") && c.password === "demo") {
    const big = c.username === "big";
    return { id: big ? "2" : "1", name: big ? "Big User" : "Demo User", email: `${c.username}@example.com` };
  }
  return null;
}

/** update({name}) renames; the user "big" carries a 6000-character claim. */
export function jwt({ token, user, trigger, session }) {
  if (user && user.id === "2") token.blob = "x".repeat(6000);
  if (trigger === "update" && typeof session?.name === "string") token.name = session.name;
  return token;
}

/**
 * With EXAMPLE_OAUTH_ISSUER set, an OAuth provider "example" on that issuer, whose sign-in only builds
 * the authorization URL (nothing is fetched from the issuer); the kit's own runs leave it unset.
 */
export function exampleOAuth() {
  const issuer = process.env.EXAMPLE_OAUTH_ISSUER;
  if (!issuer) return [];
  return [{
    id: "example",
    name: "Example",
    type: "oauth",
    issuer,
    clientId: "example-client",
    clientSecret: "example-secret",
    authorization: { url: `${issuer}/authorize`, params: { scope: "openid email" } },
    token: `${issuer}/token`,
    userinfo: `${issuer}/userinfo`,
    checks: ["pkce", "state"],
    profile: (p) => ({ id: p.sub, name: p.name, email: p.email }),
  }];
}
