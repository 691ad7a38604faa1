// next-auth v2's documented client calls. v2 has no redirect:false and no client-side credentials
// sign-in: signin() and signout() navigate, and credentials are entered on the sign-in page (the v2
// server, like ours, answers a POST to /signin/credentials with the sign-in page).
import {
  USER, inVisit, submitSignInForm, call, waitStatus, assertNotReloaded, sessionGetsAfter, pageTimerTicks,
  expect, expectEqual, WAIT,
} from "./harness.mjs";

const signInPath = "/api/auth/signin";

/** signin() without a provider, then our form: how a v2 application signs a user in. */
async function signInThroughOurPage(page, landing, callbackUrl) {
  await Promise.all([
    page.waitForURL((url) => url.pathname === signInPath, { timeout: WAIT }),
    page.evaluate((url) => { window.auth.signin(undefined, url ? { callbackUrl: url } : undefined); }, callbackUrl),
  ]);
  const landed = new URL(page.url());
  await submitSignInForm(page, landing);
  return landed;
}

const statusTransitions = inVisit("", async ({ page, visit }) => {
  await waitStatus(page, "unauthenticated");
  const before = await page.evaluate(() => window.statusHistory);
  await signInThroughOurPage(page, visit.pageUrl());
  await waitStatus(page, "authenticated");
  const after = await page.evaluate(() => window.statusHistory);
  expectEqual([...before, ...after], ["loading", "unauthenticated", "loading", "authenticated"], "status history");
  return "loading → unauthenticated, and after the sign-in page loading → authenticated";
});

const session = inVisit("", async ({ page, visit }) => {
  await waitStatus(page, "unauthenticated");
  expectEqual(await call(page, "session"), null, "session() signed out");
  await signInThroughOurPage(page, visit.pageUrl());
  const current = await call(page, "session");
  expectEqual(current?.user?.name, USER.name, "session().user.name");
  return `null, then user ${current.user.name}`;
});

const csrfToken = inVisit("", async ({ page }) => {
  const first = await call(page, "csrfToken");
  expect(typeof first === "string" && first.length >= 32, `token ${JSON.stringify(first)}`);
  expectEqual(await call(page, "csrfToken"), first, "second token (same cookie)");
  return `${first.length} characters, stable`;
});

const providers = inVisit("", async ({ page, baseUrl }) => {
  const all = await call(page, "providers");
  expectEqual(all?.credentials?.signinUrl, `${baseUrl}/api/auth/signin/credentials`, "signinUrl");
  expectEqual(all?.credentials?.type, "credentials", "type");
  return Object.keys(all).join(", ");
});

const signinPage = inVisit("", async ({ page, visit }) => {
  await waitStatus(page, "unauthenticated");
  const landed = await signInThroughOurPage(page, visit.pageUrl());
  expectEqual(landed.searchParams.get("callbackUrl"), visit.pageUrl(), "callbackUrl on our sign-in page");
  await waitStatus(page, "authenticated");
  return `${landed.pathname}?callbackUrl=… → form → back, authenticated`;
});

const signinCredentials = inVisit("", async ({ page, visit }) => {
  await waitStatus(page, "unauthenticated");
  await Promise.all([
    page.waitForURL((url) => url.pathname === signInPath, { timeout: WAIT }),
    page.evaluate((u) => { window.auth.signin("credentials", u); }, { username: USER.username, password: USER.password }),
  ]);
  await submitSignInForm(page, visit.pageUrl());
  await waitStatus(page, "authenticated");
  return "lands on our sign-in page (as on the v2 server); its form signs in and returns to the page";
});

const callbackSameOrigin = inVisit("", async ({ page, baseUrl }) => {
  const target = `${baseUrl}/v2/index.html?after=signin`;
  await signInThroughOurPage(page, target, target);
  await waitStatus(page, "authenticated");
  const relative = "/v2/index.html?relative=1";
  await signInThroughOurPage(page, `${baseUrl}${relative}`, relative);
  return `back at ${target}; ${relative} → ${page.url()}`;
});

const callbackOtherOrigin = inVisit("", async ({ page, baseUrl }) => {
  await signInThroughOurPage(page, (url) => url.origin === baseUrl && url.pathname !== signInPath,
    "https://evil.example/steal");
  return `https://evil.example/steal → ${page.url()}`;
});

const signout = inVisit("", async ({ page, visit, baseUrl }) => {
  await signInThroughOurPage(page, visit.pageUrl());
  await waitStatus(page, "authenticated");
  const after = `${baseUrl}/v2/index.html?after=signout`;
  await Promise.all([
    page.waitForURL(after, { timeout: WAIT }),
    page.evaluate((url) => { window.auth.signout({ callbackUrl: url }); }, after),
  ]);
  await waitStatus(page, "unauthenticated");
  expectEqual(await call(page, "session"), null, "session() after signout");
  return `navigated to ${after}, unauthenticated`;
});

const crossTab = inVisit("", async ({ page, visit }) => {
  await signInThroughOurPage(page, visit.pageUrl());
  await waitStatus(page, "authenticated");
  const other = await visit.open();
  await waitStatus(other, "authenticated");
  await visit.settled();
  await page.evaluate(() => { window.auth.signout(); });
  await waitStatus(other, "unauthenticated");
  await assertNotReloaded(other);
  return "signed out in one tab, the other followed without a reload";
});

// v2's clientMaxAge is a timer: the session is fetched again every clientMaxAge seconds.
const clientMaxAge = inVisit("?clientMaxAge=1", async ({ page, visit }) => {
  await signInThroughOurPage(page, visit.pageUrl("?clientMaxAge=1"));
  await waitStatus(page, "authenticated");
  const seen = await sessionGetsAfter(visit, visit.sessionGets.length, 3);
  return `clientMaxAge=1: ${seen} GET /session polled`;
});

const noPolling = inVisit("", async ({ page, visit }) => {
  await signInThroughOurPage(page, visit.pageUrl());
  await waitStatus(page, "authenticated");
  await visit.settled();
  const from = visit.sessionGets.length;
  await pageTimerTicks(page, 3, 1000); // a 1-second clientMaxAge timer would have fired at least twice
  expectEqual(visit.sessionGets.length - from, 0, "GET /session with clientMaxAge=0 while the page's own 1 s timer fired 3 times");
  return "no GET /session without clientMaxAge";
});

export const V2_CALLS = [
  ["useSession [session, loading]", statusTransitions],
  ["session() / getSession", session],
  ["csrfToken()", csrfToken],
  ["providers()", providers],
  ["signin() → our sign-in page, its form", signinPage],
  ["signin('credentials') → our sign-in page", signinCredentials],
  ["callbackUrl same origin honoured", callbackSameOrigin],
  ["callbackUrl other origin refused", callbackOtherOrigin],
  ["signout()", signout],
  ["cross-tab sync", crossTab],
  ["Provider clientMaxAge", clientMaxAge],
  ["Provider without clientMaxAge: no polling", noPolling],
];
