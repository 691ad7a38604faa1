// The official NextAuth.js v4 server in the conformance kit's standard configuration
// (../reference-config.mjs): same credentials provider, same jwt callback. next-auth@4 ships a Next.js
// API-route handler, NextAuth(req, res, options); Express gives it what Next.js would: req.query.nextauth
// (the path after /api/auth), a parsed body and parsed cookies. PORT, AUTH_SECRET and NEXTAUTH_URL come
// from the environment; EXAMPLE_OAUTH_ISSUER optionally adds an OAuth provider, and STATIC_DIR serves a
// folder at the site's root (the browser tests' pages, so the official clients run against this server).
import express from "express";
import { parse as parseCookies } from "cookie";
import nextAuthModule from "next-auth";
import credentialsModule from "next-auth/providers/credentials";
import { authorize, credentialFields, exampleOAuth, jwt } from "../reference-config.mjs";

// CommonJS modules: their default export sits under "default".
const NextAuth = nextAuthModule.default ?? nextAuthModule;
const Credentials = credentialsModule.default ?? credentialsModule;

const options = {
  secret: process.env.AUTH_SECRET,
  providers: [
    // v4 takes a thrown error's message as the error of the sign-in.
    Credentials({ credentials: credentialFields, authorize: async (c) => authorize(c, () => new Error("account_locked")) }),
    ...exampleOAuth(),
  ],
  callbacks: { jwt },
};

const app = express();
if (process.env.STATIC_DIR) app.use(express.static(process.env.STATIC_DIR));
app.use(express.urlencoded({ extended: false }));
app.use(express.json());
app.all("/api/auth/*", (req, res) => {
  req.query.nextauth = req.params[0].split("/");
  req.cookies = parseCookies(req.headers.cookie ?? "");
  return NextAuth(req, res, options);
});
const server = app.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => {
  console.log(`NextAuth.js v4 reference server on http://127.0.0.1:${server.address().port}/api/auth`);
});
