// What every page shows the runner, whatever the client version: the client's functions as
// window.auth, the useSession status as text (#status, #name) and every status it went through in
// window.statusHistory, so the runner can check the order loading → unauthenticated → authenticated.

export const query = new URLSearchParams(window.location.search);

/** A number of seconds from the query string, or the fallback when absent. */
export function seconds(name, fallback) {
  const value = query.get(name);
  return value === null ? fallback : Number(value);
}

/** A flag from the query string, "true" or "false", else the fallback (the client's default). */
export function flag(name, fallback = true) {
  const value = query.get(name);
  return value === null ? fallback : value === "true";
}

window.statusHistory = [];

export function expose(version, api) {
  window.auth = { version, ...api };
}

/** Called by the page's component on every render with what useSession gave. */
export function record(status, session) {
  const history = window.statusHistory;
  if (history[history.length - 1] !== status) history.push(status);
  document.body.dataset.status = status;
  window.currentSession = session ?? null;
}
