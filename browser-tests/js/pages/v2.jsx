// next-auth v2's browser client (next-auth/client, unchanged from npm) on React 16 against our server.
// v2 names its calls session, csrfToken, providers, signin, signout; useSession gives [session, loading].
import * as React from "react";
import { render } from "react-dom";
import client from "next-auth-v2/client";
import { expose, record, seconds } from "./harness.js";

const { Provider, useSession, session, csrfToken, providers, signin, signout } = client;
expose("v2", { session, csrfToken, providers, signin, signout });

function Status() {
  const [current, loading] = useSession();
  const status = loading ? "loading" : current ? "authenticated" : "unauthenticated";
  record(status, current);
  return (
    <div>
      <p>next-auth v2</p>
      <p id="status">{status}</p>
      <p id="name">{current?.user?.name ?? ""}</p>
    </div>
  );
}

// site "" keeps every request relative to the page's origin; the base path is passed explicitly.
const options = { site: "", basePath: "/api/auth", clientMaxAge: seconds("clientMaxAge", 0) };

render(<Provider options={options}><Status /></Provider>, document.getElementById("root"));
