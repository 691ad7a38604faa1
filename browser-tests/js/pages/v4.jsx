// next-auth v4's browser client (next-auth/react, unchanged from npm) against our server.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { SessionProvider, useSession, getSession, getCsrfToken, getProviders, signIn, signOut } from "next-auth-v4/react";
import { expose, record, seconds, flag } from "./harness.js";

expose("v4", { getSession, getCsrfToken, getProviders, signIn, signOut });

function Status() {
  // ?required=true: useSession({required: true}) sends a signed-out visitor to the sign-in page.
  const { data, status, update } = useSession({ required: flag("required", false) });
  window.auth.update = update;
  record(status, data);
  return (
    <div>
      <p>next-auth v4</p>
      <p id="status">{status}</p>
      <p id="name">{data?.user?.name ?? ""}</p>
    </div>
  );
}

createRoot(document.getElementById("root")).render(
  <SessionProvider basePath="/api/auth" refetchInterval={seconds("refetchInterval", 0)}
      refetchOnWindowFocus={flag("refetchOnWindowFocus")} refetchWhenOffline={flag("refetchWhenOffline")}>
    <Status />
  </SessionProvider>,
);
