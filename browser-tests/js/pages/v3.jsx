// next-auth v3's browser client (next-auth/client, unchanged from npm) on React 17 against our server.
// v3 has no status: useSession gives [session, loading], mapped here to the v4/v5 status words.
import * as React from "react";
import { render } from "react-dom";
import client from "next-auth-v3/client";
import { expose, record, seconds } from "./harness.js";

const { Provider, useSession, getSession, getCsrfToken, getProviders, signIn, signOut } = client;
expose("v3", { getSession, getCsrfToken, getProviders, signIn, signOut });

function Status() {
  const [session, loading] = useSession();
  const status = loading ? "loading" : session ? "authenticated" : "unauthenticated";
  record(status, session);
  return (
    <div>
      <p>next-auth v3</p>
      <p id="status">{status}</p>
      <p id="name">{session?.user?.name ?? ""}</p>
    </div>
  );
}

const options = {
  baseUrl: window.location.origin,
  basePath: "/api/auth",
  clientMaxAge: seconds("clientMaxAge", 0),
  keepAlive: seconds("keepAlive", 0),
};

// clientMaxAge acts when the Provider renders again (its useSession effect runs on every render);
// the runner asks for such a render through window.auth.rerender.
function App() {
  const [renders, setRenders] = React.useState(0);
  // Returns the number of the render it asks for.
  window.auth.rerender = () => {
    setRenders((n) => n + 1);
    return renders + 1;
  };
  // The parent's passive effects run after its children's: once this one has, useSession's has too.
  React.useEffect(() => { window.auth.effectsRun = renders; });
  return (
    <Provider options={options}>
      <Status />
      <p id="renders">{renders}</p>
    </Provider>
  );
}

render(<App />, document.getElementById("root"));
