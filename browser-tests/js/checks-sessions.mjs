// Sessions as a resource, seen by the official clients: a session revoked from another browser
// (POST /api/auth/sessions/revoke, an authjvm extension) is signed out at the client's next poll.
import { Visit, USER, call, waitStatus, assertNotReloaded, signInRight, expect, expectEqual } from "./harness.mjs";

/** The id of the page's own session, as GET /api/auth/sessions lists it. */
function ownSessionId(page) {
  return page.evaluate(async () => {
    const listed = await (await fetch("/api/auth/sessions")).json();
    return listed.sessions.find((s) => s.current).id;
  });
}

/** Revokes a session from the page, as an account page's "sign out that device" button would. */
function revokeFrom(page, sessionId) {
  return page.evaluate(async (id) => {
    const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
    const r = await fetch("/api/auth/sessions/revoke", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
      body: new URLSearchParams({ csrfToken, sessionId: id }),
    });
    return { status: r.status, body: await r.json() };
  }, sessionId);
}

export async function revokedElsewhere({ browser, baseUrl, version }) {
  const phone = await Visit.start(browser, baseUrl, version);
  const laptop = await Visit.start(browser, baseUrl, version);
  try {
    const phonePage = await phone.open("?refetchInterval=1");
    await signInRight(phonePage);
    const laptopPage = await laptop.open("");
    await signInRight(laptopPage);
    const answer = await revokeFrom(laptopPage, await ownSessionId(phonePage));
    expectEqual([answer.status, answer.body.revoked], [200, 1], "POST /sessions/revoke");
    await waitStatus(phonePage, "unauthenticated");
    await assertNotReloaded(phonePage);
    const stillThere = await call(laptopPage, "getSession");
    expect(stillThere?.user?.name === USER.name, "the browser that revoked stays signed in");
    return "the other browser's refetchInterval poll found it signed out; the revoking one stays signed in";
  } finally {
    await phone.close();
    await laptop.close();
  }
}
