// Small tools the checks share: a fresh browser context per check (own cookies and storage), the
// version's page in it, the client's functions called inside the page, and a count of the
// GET /session requests the server receives from that context.

export const USER = { username: "demo", password: "demo", name: "Demo User" };
// Every wait is a poll with this deadline: generous, because a loaded 2-core machine can be slow.
export const WAIT = 30000;

export class Visit {
  static async start(browser, baseUrl, version) {
    const context = await browser.newContext();
    return new Visit(context, baseUrl, version);
  }

  constructor(context, baseUrl, version) {
    this.context = context;
    this.baseUrl = baseUrl;
    this.version = version;
    this.sessionGets = [];
    this.logPosts = [];
    this.inFlight = 0;
    this.lastActivity = Date.now();
    context.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path === "/api/auth/session" && request.method() === "GET") this.sessionGets.push(Date.now());
      this.inFlight++;
      this.lastActivity = Date.now();
    });
    const done = () => {
      this.inFlight--;
      this.lastActivity = Date.now();
    };
    context.on("requestfinished", done);
    context.on("requestfailed", done);
    context.on("response", (response) => {
      const path = new URL(response.url()).pathname;
      if (path === "/api/auth/_log") this.logPosts.push(response.status());
    });
  }

  pageUrl(query = "") {
    return `${this.baseUrl}/${this.version}/index.html${query}`;
  }

  /** Opens the version's page and waits until the client is on window.auth. */
  async open(query = "", { leaves = false } = {}) {
    const page = await this.context.newPage();
    page.errors = [];
    page.on("pageerror", (e) => page.errors.push(e.message));
    await page.goto(this.pageUrl(query));
    if (leaves) return page; // the client navigates away at once, e.g. useSession({required: true})
    await page.waitForFunction(() => window.auth !== undefined, null, { timeout: WAIT });
    // A marker that a reload or navigation would lose: proves a change happened without one.
    await page.evaluate(() => { window.notReloaded = true; });
    return page;
  }

  /**
   * Waits until no request has been in flight for quietMs. The clients refetch in reply to each
   * other's broadcasts and nothing orders their answers, so a check that changes the session first
   * lets that settle, as a user would by not acting within the same instant.
   */
  async settled(quietMs = 300) {
    const deadline = Date.now() + WAIT;
    while (this.inFlight > 0 || Date.now() - this.lastActivity < quietMs) {
      if (Date.now() > deadline) throw new Error(`requests still in flight after ${WAIT} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async close() {
    await this.context.close();
  }
}

/** A check that runs fn with a fresh context and the version's page, closing the context afterwards. */
export function inVisit(query, fn) {
  return async ({ browser, baseUrl, version }) => {
    const visit = await Visit.start(browser, baseUrl, version);
    try {
      const page = await visit.open(query);
      return await fn({ visit, page, version, baseUrl });
    } finally {
      await visit.close();
    }
  };
}

/** On our sign-in page: fills the credentials form, submits it and waits to land on `landing`. */
export async function submitSignInForm(page, landing, password = USER.password) {
  await page.fill("#input-username-for-credentials-provider", USER.username);
  await page.fill("#input-password-for-credentials-provider", password);
  await Promise.all([
    page.waitForURL(landing, { timeout: WAIT }),
    page.click("button[type=submit]"),
  ]);
}

/** Calls window.auth[name](...args) in the page and returns what its promise gives. */
export function call(page, name, ...args) {
  return page.evaluate(([n, a]) => window.auth[n](...a), [name, args]);
}

export async function waitStatus(page, status) {
  try {
    await page.waitForFunction((s) => document.body.dataset.status === s, status, { timeout: WAIT });
  } catch {
    const now = await page.evaluate(() => document.body.dataset.status).catch(() => "(page gone)");
    throw new Error(`useSession status stayed "${now}", expected "${status}"`);
  }
}

export async function assertNotReloaded(page) {
  if (!(await page.evaluate(() => window.notReloaded === true))) throw new Error("the page was reloaded");
}

/**
 * v3/v4 broadcast to other tabs by writing {event, data, timestamp in seconds} to localStorage, and
 * a write of the same value fires no storage event. Waits until a new write would differ.
 */
export async function nextBroadcastSecond(page) {
  await page.waitForFunction(() => {
    const last = JSON.parse(window.localStorage.getItem("nextauth.message") ?? "null");
    return !last?.timestamp || last.timestamp < Math.floor(Date.now() / 1000);
  }, null, { timeout: WAIT, polling: 50 });
}

/** Signs in through the client itself, as an application would. */
export async function signInRight(page, extra = {}) {
  const result = await call(page, "signIn", "credentials", { redirect: false, ...USER, ...extra });
  await waitStatus(page, "authenticated");
  return result;
}

/** Waits until n more GET /session requests than `from` have been seen, failing after a generous deadline. */
export async function sessionGetsAfter(visit, from, n) {
  const deadline = Date.now() + WAIT;
  while (visit.sessionGets.length - from < n) {
    if (Date.now() > deadline) {
      throw new Error(`server saw ${visit.sessionGets.length - from} GET /session in ${WAIT} ms, expected ${n}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return visit.sessionGets.length - from;
}

/**
 * The GET /session requests since `from`, counted once the page has made a request of its own: a page's
 * requests leave in the order it makes them, so a fetch the client started before is counted, however
 * slow the machine. For checks that something did not fetch the session.
 */
export async function sessionGetsBeforeMarker(visit, page, from) {
  await page.evaluate(() => fetch("/api/auth/providers").then((r) => r.status));
  return visit.sessionGets.length - from;
}

/**
 * Resolves once the page's own timer has fired n times every ms. A client timer of the same period,
 * started earlier in the same page, has fired at least n - 1 times by then, whatever the load: for
 * checks that a timer did not fetch.
 */
export function pageTimerTicks(page, n, ms) {
  return page.evaluate(([count, period]) => new Promise((resolve) => {
    let ticks = 0;
    const id = setInterval(() => {
      if (++ticks >= count) {
        clearInterval(id);
        resolve();
      }
    }, period);
  }), [n, ms]);
}

export function expectEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: got ${a}, expected ${e}`);
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}
