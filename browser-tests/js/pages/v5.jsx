// next-auth v5's browser client (next-auth/react from 5.0.0-beta, unchanged from npm) against our server.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { SessionProvider, useSession, getSession, getCsrfToken, getProviders, signIn, signOut } from "next-auth-v5/react";
import { signIn as passkeySignIn } from "next-auth-v5/webauthn";
import { expose, record, seconds, flag } from "./harness.js";

expose("v5", { getSession, getCsrfToken, getProviders, signIn, signOut, passkeySignIn });

function Status() {
  // ?required=true: useSession({required: true}) sends a signed-out visitor to the sign-in page.
  const { data, status, update } = useSession({ required: flag("required", false) });
  window.auth.update = update;
  record(status, data);
  return (
    <div>
      <p>next-auth v5</p>
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
