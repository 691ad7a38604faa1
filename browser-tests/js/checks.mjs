// The documented calls of each client version, one check per call. Each check runs in a fresh browser
// context, returns a short detail when it passes and throws with what it saw when it fails.
import {
  Visit, USER, inVisit, submitSignInForm, call, waitStatus, assertNotReloaded, signInRight, nextBroadcastSecond, sessionGetsAfter, sessionGetsBeforeMarker,
  pageTimerTicks,
  expect, expectEqual, WAIT,
} from "./harness.mjs";
import { V2_CALLS } from "./checks-v2.mjs";
import { revokedElsewhere } from "./checks-sessions.mjs";
import { passkeyCalls } from "./passkey-checks.mjs";

const statusTransitions = inVisit("", async ({ page }) => {
  await waitStatus(page, "unauthenticated");
  await signInRight(page);
  await assertNotReloaded(page);
  const history = await page.evaluate(() => window.statusHistory);
  expectEqual(history, ["loading", "unauthenticated", "authenticated"], "status history");
  return history.join(" → ");
});

const getSession = inVisit("", async ({ page }) => {
  await waitStatus(page, "unauthenticated");
  expectEqual(await call(page, "getSession"), null, "getSession() signed out");
  await signInRight(page);
  const session = await call(page, "getSession");
  expectEqual(session?.user?.name, USER.name, "getSession().user.name");
  expect(!Number.isNaN(Date.parse(session.expires)), `expires is not a date: ${session.expires}`);
  return `null, then user ${session.user.name} until ${session.expires}`;
});

const getCsrfToken = inVisit("", async ({ page }) => {
  const first = await call(page, "getCsrfToken");
  const second = await call(page, "getCsrfToken");
  expect(typeof first === "string" && first.length >= 32, `token ${JSON.stringify(first)}`);
  expectEqual(second, first, "second token (same cookie)");
  return `${first.length} characters, stable`;
});

const getProviders = inVisit("", async ({ page, baseUrl }) => {
  const providers = await call(page, "getProviders");
  expectEqual(providers?.credentials, {
    id: "credentials", name: "Credentials", type: "credentials",
    signinUrl: `${baseUrl}/api/auth/signin/credentials`,
    callbackUrl: `${baseUrl}/api/auth/callback/credentials`,
  }, "getProviders().credentials");
  return Object.keys(providers).join(", ");
});

// v3/v4 read ok from the 401 of json=true mode; v5 gets 200 in its header mode and reads the code.
const WRONG_PASSWORD = {
  v3: { error: "CredentialsSignin", status: 401, ok: false, url: null },
  v4: { error: "CredentialsSignin", status: 401, ok: false, url: null },
  v5: { error: "CredentialsSignin", code: "credentials", status: 200, ok: true, url: null },
};

const signInWrong = inVisit("", async ({ page, version }) => {
  await waitStatus(page, "unauthenticated");
  const result = await call(page, "signIn", "credentials", { redirect: false, username: USER.username, password: "wrong" });
  const expected = WRONG_PASSWORD[version];
  const seen = Object.fromEntries(Object.keys(expected).map((k) => [k, result?.[k]]));
  expectEqual(seen, expected, "signIn result");
  await assertNotReloaded(page);
  expectEqual(await call(page, "getSession"), null, "session after a wrong password");
  return JSON.stringify(result);
});

const signInRightPassword = inVisit("", async ({ page, version, visit }) => {
  await waitStatus(page, "unauthenticated");
  const result = await signInRight(page);
  expect(result?.ok === true && result.status === 200, `result ${JSON.stringify(result)}`);
  expect(!result.error, `error ${result.error}`);
  expectEqual(result.url, visit.pageUrl(), "url (the page itself, the default callbackUrl)");
  if (version === "v5") expect(result.code === undefined, `code ${result.code}`);
  await assertNotReloaded(page);
  const name = await page.textContent("#name");
  expectEqual(name, USER.name, "name shown without a reload");
  return JSON.stringify(result);
});

const signInPage = inVisit("", async ({ page, visit, baseUrl }) => {
  await waitStatus(page, "unauthenticated");
  await Promise.all([
    page.waitForURL((url) => url.pathname === "/api/auth/signin", { timeout: WAIT }),
    page.evaluate(() => { window.auth.signIn(); }),
  ]);
  const landed = new URL(page.url());
  expectEqual(landed.searchParams.get("callbackUrl"), visit.pageUrl(), "callbackUrl on our sign-in page");
  await submitSignInForm(page, visit.pageUrl());
  await waitStatus(page, "authenticated");
  return `${landed.pathname}${landed.search.replace(baseUrl, "")} → form → back, authenticated`;
});

/** v5 names it redirectTo; callbackUrl is still read by all three. */
function target(version, url) {
  return version === "v5" ? { redirectTo: url } : { callbackUrl: url };
}

const callbackSameOrigin = inVisit("", async ({ page, version, baseUrl }) => {
  const absolute = `${baseUrl}/${version}/index.html?after=signin`;
  const one = await call(page, "signIn", "credentials", { redirect: false, ...USER, ...target(version, absolute) });
  expectEqual(one?.url, absolute, `url for an absolute same-origin target (result ${JSON.stringify(one)})`);
  const relative = await call(page, "signIn", "credentials", { redirect: false, ...USER, ...target(version, "/elsewhere?x=1") });
  expectEqual(relative?.url, `${baseUrl}/elsewhere?x=1`, `url for a relative target (result ${JSON.stringify(relative)})`);
  return `${one.url}; /elsewhere?x=1 → ${relative.url}`;
});

const callbackOtherOrigin = inVisit("", async ({ page, version, baseUrl }) => {
  const result = await call(page, "signIn", "credentials", {
    redirect: false, ...USER, ...target(version, "https://evil.example/steal"),
  });
  expect(result?.ok === true, `result ${JSON.stringify(result)}`);
  expect(new URL(result.url).origin === baseUrl, `url ${result.url} left the origin`);
  return `https://evil.example/steal → ${result.url}`;
});

const signOutNoRedirect = inVisit("", async ({ page }) => {
  await signInRight(page);
  const result = await call(page, "signOut", { redirect: false });
  expect(typeof result?.url === "string", `signOut result ${JSON.stringify(result)}`);
  await waitStatus(page, "unauthenticated");
  await assertNotReloaded(page);
  expectEqual(await call(page, "getSession"), null, "getSession() after signOut");
  return `returned ${JSON.stringify(result)}, unauthenticated without a reload`;
});

const signOutRedirect = inVisit("", async ({ page, version, baseUrl }) => {
  await signInRight(page);
  const after = `${baseUrl}/${version}/index.html?after=signout`;
  await Promise.all([
    page.waitForURL(after, { timeout: WAIT }),
    page.evaluate((t) => { window.auth.signOut(t); }, target(version, after)),
  ]);
  await waitStatus(page, "unauthenticated");
  return `navigated to ${after}, unauthenticated`;
});

const update = inVisit("", async ({ page }) => {
  await signInRight(page);
  const returned = await page.evaluate(() => window.auth.update({ name: "Renamed User" }));
  expectEqual(returned?.user?.name, "Renamed User", "update() result");
  await page.waitForFunction(() => document.querySelector("#name")?.textContent === "Renamed User", null, { timeout: WAIT });
  const session = await call(page, "getSession");
  expectEqual(session?.user?.name, "Renamed User", "getSession() after update (the cookie changed)");
  // Without data v5 refetches with a GET, v4 posts only the CSRF token; either way nothing changes.
  const again = await page.evaluate(() => window.auth.update());
  expectEqual(again?.user?.name, "Renamed User", "update() without data");
  return "useSession and the cookie carry the new name; update() without data keeps it";
});

const refetchInterval = inVisit("?refetchInterval=1", async ({ page, visit }) => {
  await signInRight(page);
  const from = visit.sessionGets.length;
  const seen = await sessionGetsAfter(visit, from, 3);
  return `refetchInterval=1: ${seen} GET /session polled`;
});

/** The event the browser fires when a tab becomes visible again. */
function becomeVisible(page) {
  return page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
}

// The clients fetch in their visibilitychange handler itself, so the fetch (or its absence) shows
// before a request the page makes right after the event.
const refetchOnFocus = async (context) => {
  const on = await inVisit("", async ({ page, visit }) => {
    await signInRight(page);
    await visit.settled(); // the sign-in's own fetches
    const from = visit.sessionGets.length;
    await becomeVisible(page);
    return sessionGetsBeforeMarker(visit, page, from);
  })(context);
  const off = await inVisit("?refetchOnWindowFocus=false", async ({ page, visit }) => {
    await signInRight(page);
    await visit.settled();
    const from = visit.sessionGets.length;
    await becomeVisible(page);
    return sessionGetsBeforeMarker(visit, page, from);
  })(context);
  expect(on >= 1, `${on} GET /session on visibility with refetchOnWindowFocus on`);
  expectEqual(off, 0, "GET /session on visibility with refetchOnWindowFocus=false");
  return `visible again: ${on} GET /session (none when turned off)`;
};

// Tabs tell each other through localStorage (v3/v4) or a BroadcastChannel (v5). signOut broadcasts;
// a redirect:false signIn refreshes only its own tab, and the app's getSession() then broadcasts.
const crossTab = inVisit("", async ({ page, visit }) => {
  const other = await visit.open();
  await waitStatus(other, "unauthenticated");
  await signInRight(page);
  await nextBroadcastSecond(page);
  await call(page, "getSession");
  await waitStatus(other, "authenticated");
  await visit.settled();
  await call(page, "signOut", { redirect: false });
  await waitStatus(page, "unauthenticated");
  await waitStatus(other, "unauthenticated");
  await assertNotReloaded(other);
  return "the second tab followed sign-in (getSession broadcast) and sign-out without a reload";
});

const required = async ({ browser, baseUrl, version }) => {
  const visit = await Visit.start(browser, baseUrl, version);
  try {
    return await followRequired(visit, await visit.open("?required=true", { leaves: true }));
  } finally {
    await visit.close();
  }
};

async function followRequired(visit, page) {
  await page.waitForURL((url) => url.pathname === "/api/auth/signin", { timeout: WAIT });
  const landed = new URL(page.url());
  expectEqual(landed.searchParams.get("error"), "SessionRequired", "error on the sign-in page");
  expect(await page.locator("text=Please sign in to access this page.").isVisible(), "no SessionRequired message");
  await submitSignInForm(page, visit.pageUrl("?required=true"));
  await waitStatus(page, "authenticated");
  return "signed-out visitor sent to our sign-in page with SessionRequired, back and authenticated after its form";
}

const refetchWhenOffline = inVisit("?refetchInterval=1&refetchWhenOffline=false", async ({ page, visit }) => {
  await signInRight(page);
  await visit.settled(); // a fetch failing offline would end the session in the client
  await visit.context.setOffline(true);
  const from = visit.sessionGets.length;
  await pageTimerTicks(page, 3, 1000); // the client's 1-second poll had at least two turns
  const offline = visit.sessionGets.length - from;
  await visit.context.setOffline(false);
  const online = await sessionGetsAfter(visit, visit.sessionGets.length, 1);
  expectEqual(offline, 0, "GET /session while offline with refetchWhenOffline=false");
  return `no polling while offline, ${online} GET /session once online again`;
});

// v3 Provider: clientMaxAge lets a render refetch once the session is older than it. The fetch starts in
// a passive effect of the render; the page marks when its effects have run.
async function renderAfterAging(page, visit) {
  await signInRight(page);
  await visit.settled();
  await new Promise((r) => setTimeout(r, 1200)); // let the session grow older than clientMaxAge=1
  const from = visit.sessionGets.length;
  const render = await page.evaluate(() => window.auth.rerender());
  await page.waitForFunction((n) => window.auth.effectsRun >= n, render, { timeout: WAIT });
  return sessionGetsBeforeMarker(visit, page, from);
}

const clientMaxAge = async (context) => {
  const on = await inVisit("?clientMaxAge=1", ({ page, visit }) => renderAfterAging(page, visit))(context);
  const off = await inVisit("", ({ page, visit }) => renderAfterAging(page, visit))(context);
  expect(on >= 1, `${on} GET /session on a render with clientMaxAge=1, the session older than that`);
  expectEqual(off, 0, "GET /session on a render with clientMaxAge=0");
  return `render after 1.2 s with clientMaxAge=1: ${on} GET /session (none with 0)`;
};

const keepAlive = inVisit("?keepAlive=1", async ({ page, visit }) => {
  await signInRight(page);
  const from = visit.sessionGets.length;
  const seen = await sessionGetsAfter(visit, from, 3);
  return `keepAlive=1: ${seen} GET /session`;
});

// One server for all generations answers "no session" with null: v5 needs it (it takes {} for a
// session); v3/v4 return null for it too, after posting CLIENT_FETCH_ERROR to /_log, which the
// server must accept.
const noSession = inVisit("", async ({ page, visit }) => {
  await waitStatus(page, "unauthenticated");
  expectEqual(await call(page, "getSession"), null, "getSession() without a session");
  await visit.settled(); // a beacon to /_log may still be on its way
  const refused = visit.logPosts.filter((status) => status !== 200);
  expectEqual(refused, [], "statuses of POST /_log other than 200");
  return visit.logPosts.length === 0 ? "null, no client error"
    : `null; the client posted ${visit.logPosts.length} CLIENT_FETCH_ERROR to /_log, all answered 200`;
});

// An OAuth sign-in through the demo's own OpenID Connect server (AUTH_DEMO_OIDC): the client leaves for
// the provider's login page, and the user comes back to the page signed in.
const oauthSignIn = inVisit("", async ({ page, baseUrl }) => {
  await waitStatus(page, "unauthenticated");
  page.evaluate(() => window.auth.signIn("demo-oidc")).catch(() => {}); // the page navigates away
  await page.waitForURL((u) => !u.href.startsWith(baseUrl), { timeout: WAIT });
  await page.fill("input[name=username]", "ada");
  await Promise.all([
    page.waitForURL((u) => u.href.startsWith(baseUrl) && u.pathname.endsWith("/index.html"), { timeout: WAIT }),
    page.click("input[type=submit]"),
  ]);
  await waitStatus(page, "authenticated");
  const session = await call(page, "getSession");
  expectEqual(session?.user?.name, "ada", "getSession().user.name after the provider's login");
  return `back from the provider as ${session.user.name} <${session.user.email}>`;
});

const CALLS = [
  ["no session: body and /_log", noSession],
  ["useSession status transitions", statusTransitions],
  ["getSession", getSession],
  ["getCsrfToken", getCsrfToken],
  ["getProviders", getProviders],
  ["signIn credentials, wrong password", signInWrong],
  ["signIn credentials, right password", signInRightPassword],
  ["signIn() → our sign-in page, its form", signInPage],
  ["signIn('demo-oidc'): OAuth through the identity provider", oauthSignIn],
  ["callbackUrl same origin honoured", callbackSameOrigin],
  ["callbackUrl other origin refused", callbackOtherOrigin],
  ["signOut redirect:false", signOutNoRedirect],
  ["signOut with redirect", signOutRedirect],
  ["update()", update],
  ["refetchInterval", refetchInterval],
  ["revoked from another browser, signed out at the next poll", revokedElsewhere],
  ["refetchOnWindowFocus", refetchOnFocus],
  ["cross-tab sync", crossTab],
  ["useSession({required: true})", required],
  ["refetchWhenOffline: false", refetchWhenOffline],
  ["Provider clientMaxAge", clientMaxAge],
  ["Provider keepAlive", keepAlive],
];

const ONLY = {
  v3: new Set(["Provider clientMaxAge", "Provider keepAlive"]),
  v4: new Set(["update()", "refetchInterval", "refetchOnWindowFocus", "refetchWhenOffline: false",
    "useSession({required: true})", "revoked from another browser, signed out at the next poll"]),
  v5: new Set(["update()", "refetchInterval", "refetchOnWindowFocus", "refetchWhenOffline: false",
    "useSession({required: true})", "revoked from another browser, signed out at the next poll"]),
};
const VERSION_SPECIFIC = new Set([...ONLY.v3, ...ONLY.v4]);

/** The calls the version documents: the common ones plus its own. */
export function checksFor(version) {
  if (version === "v2") return V2_CALLS;
  const common = CALLS.filter(([name]) => !VERSION_SPECIFIC.has(name) || ONLY[version].has(name));
  // Passkeys came with v5 (next-auth/webauthn).
  return version === "v5" ? [...common, ...passkeyCalls] : common;
}
