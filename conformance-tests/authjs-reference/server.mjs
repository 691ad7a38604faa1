// The official Auth.js server (@auth/express) in the conformance kit's standard configuration
// (KitConfigs.standard() and the console runner's usage text): same secret, same credentials
// provider, same jwt callback. PORT and AUTH_SECRET come from the environment.
import express from "express";
import { ExpressAuth } from "@auth/express";
import Credentials from "@auth/core/providers/credentials";
import { CredentialsSignin } from "@auth/core/errors";

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
        credentials: {
          username: { label: "Username", type: "text" },
          password: { label: "Password", type: "password" },
        },
        async authorize(c) {
          if (c.username === "locked") throw new AccountLocked();
          if ((c.username === "demo" || c.username === "big") && c.password === "demo") {
            const big = c.username === "big";
            return { id: big ? "2" : "1", name: big ? "Big User" : "Demo User", email: `${c.username}@example.com` };
          }
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user, trigger, session }) {
        if (user && user.id === "2") token.blob = "x".repeat(6000);
        if (trigger === "update" && typeof session?.name === "string") token.name = session.name;
        return token;
      },
    },
  }),
);
const server = app.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => {
  console.log(`Auth.js reference server on http://127.0.0.1:${server.address().port}/api/auth`);
});
