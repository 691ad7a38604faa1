// Passkeys with the official next-auth/webauthn (5.0.0-beta.32, unchanged) and with our own sign-in page,
// in Chromium with a virtual authenticator from its DevTools protocol: a platform authenticator that
// keeps discoverable credentials and verifies the user without a prompt.
import { Visit, call, waitStatus, expect, expectEqual, WAIT } from "./harness.mjs";

/**
 * Browsers refuse an IP address as a relying party id, so passkeys are checked on localhost (a secure
 * context over plain http, like 127.0.0.1).
 */
export function onLocalhost(baseUrl) {
  return baseUrl.replace("//127.0.0.1:", "//localhost:");
}

/** Gives the page's target a virtual authenticator; answers its id and the CDP session that owns it. */
export async function addVirtualAuthenticator(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true,
      isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

export async function storedCredentials({ cdp, authenticatorId }) {
  return (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
}

function newAddress() {
  return `passkey-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
}

/** Registers a new user with a passkey, signs out, signs in with the passkey alone: the session is theirs. */
const registerSignOutSignIn = async ({ browser, baseUrl }) => {
  const visit = await Visit.start(browser, onLocalhost(baseUrl), "v5");
  try {
    const page = await visit.open();
    const authenticator = await addVirtualAuthenticator(visit.context, page);
    await waitStatus(page, "unauthenticated");
    const email = newAddress();
    const registered = await call(page, "passkeySignIn", "passkey", { action: "register", email, redirect: false });
    expect(registered?.ok && !registered.error, `registration answered ${JSON.stringify(registered)}`);
    await waitStatus(page, "authenticated");
    expectEqual(await page.evaluate(() => window.currentSession?.user?.email), email, "session email after registration");
    expectEqual((await storedCredentials(authenticator)).length, 1, "passkeys in the authenticator");
    await call(page, "signOut", { redirect: false });
    await waitStatus(page, "unauthenticated");
    const signedIn = await call(page, "passkeySignIn", "passkey", { redirect: false });
    expect(signedIn?.ok && !signedIn.error, `sign-in answered ${JSON.stringify(signedIn)}`);
    await waitStatus(page, "authenticated");
    const session = await call(page, "getSession");
    expectEqual(session?.user?.email, email, "session email after signing in with the passkey");
    return `registered ${email}, signed out, signed in again with the passkey`;
  } finally {
    await visit.close();
  }
};

/**
 * A signed-in user adds a second passkey on another authenticator. The first authenticator refuses to
 * make one (the options exclude its passkey), the second makes it, and the second signs in alone.
 */
const addSecondPasskey = async ({ browser, baseUrl }) => {
  const visit = await Visit.start(browser, onLocalhost(baseUrl), "v5");
  try {
    const page = await visit.open();
    const first = await addVirtualAuthenticator(visit.context, page);
    const email = newAddress();
    await call(page, "passkeySignIn", "passkey", { action: "register", email, redirect: false });
    await waitStatus(page, "authenticated");
    const again = await call(page, "passkeySignIn", "passkey", { action: "register", redirect: false })
      .then(() => "made one", (e) => String(e.message ?? e));
    expect(again.includes("previously registered"), `the first authenticator, its passkey excluded: ${again}`);
    await first.cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: first.authenticatorId });
    const second = await addVirtualAuthenticator(visit.context, page);
    const added = await call(page, "passkeySignIn", "passkey", { action: "register", redirect: false });
    expect(added?.ok && !added.error, `adding a passkey answered ${JSON.stringify(added)}`);
    expectEqual((await storedCredentials(second)).length, 1, "passkeys in the second authenticator");
    await call(page, "signOut", { redirect: false });
    await waitStatus(page, "unauthenticated");
    await call(page, "passkeySignIn", "passkey", { redirect: false });
    await waitStatus(page, "authenticated");
    expectEqual((await call(page, "getSession"))?.user?.email, email, "the second passkey signs in the same user");
    return "the first passkey excluded, a second one added, and it signs in";
  } finally {
    await visit.close();
  }
};

export const passkeyCalls = [
  ["signIn('passkey') from next-auth/webauthn: register, sign out, sign in with it", registerSignOutSignIn],
  ["signIn('passkey', {action: 'register'}) when signed in: a second passkey", addSecondPasskey],
];

/** Our sign-in page's passkey button registers a new address and lands signed in on the callback URL. */
export const passkeyButton = async ({ browser, baseUrl, screenshots }) => {
  const origin = onLocalhost(baseUrl);
  const context = await browser.newContext({ viewport: { width: 800, height: 700 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await addVirtualAuthenticator(context, page);
    await page.goto(`${origin}/api/auth/signin?callbackUrl=${encodeURIComponent(origin + "/")}`);
    await page.screenshot({ path: `${screenshots}/signin-passkey.png`, fullPage: true });
    const email = newAddress();
    await page.fill("#input-email-for-passkey-provider", email);
    await Promise.all([
      page.waitForURL(`${origin}/`, { timeout: WAIT }),
      page.click("#submitButton-passkey"),
    ]);
    const session = await (await context.request.get(`${origin}/api/auth/session`)).json();
    expectEqual(session?.user?.email, email, "session after the page's passkey button");
    expect(!errors.some((e) => e.includes("Content Security Policy")), `CSP refused something: ${errors.join("; ")}`);
    return `registered ${email} with the page's button; no CSP refusal`;
  } finally {
    await context.close();
  }
};
