// The official Auth.js server (@auth/express) in the conformance kit's standard configuration
// (../reference-config.mjs): same secret, same credentials provider, same jwt callback. PORT and
// AUTH_SECRET come from the environment; EXAMPLE_OAUTH_ISSUER optionally adds an OAuth provider.
import express from "express";
import { ExpressAuth } from "@auth/express";
import Credentials from "@auth/core/providers/credentials";
import { CredentialsSignin } from "@auth/core/errors";
import { authorize, credentialFields, exampleOAuth, jwt } from "../reference-config.mjs";

class AccountLocked extends CredentialsSignin {
  code = "account_locked";
}

const app = express();
app.use(
  "/api/auth/*",
  ExpressAuth({
    secret: process.env.AUTH_SECRET,
    providers: [
      Credentials({
        credentials: credentialFields,
        authorize: async (c) => authorize(c, () => new AccountLocked()),
      }),
      ...exampleOAuth(),
    ],
    callbacks: { jwt },
  }),
);
const server = app.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => {
  console.log(`Auth.js reference server on http://127.0.0.1:${server.address().port}/api/auth`);
});
