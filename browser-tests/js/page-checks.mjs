// Our server's own pages, looked at in the browser: the form or text each must show is visible, and
// a screenshot of each is kept for CI under target/screenshots.
import { join } from "node:path";
import { expect } from "./harness.mjs";
import { passkeyButton } from "./passkey-checks.mjs";

function pageCheck(path, file, mustShow) {
  return async ({ browser, baseUrl, screenshots }) => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${baseUrl}/api/auth/${path}`);
      for (const selector of mustShow) {
        expect(await page.locator(selector).first().isVisible(), `${selector} is not visible on /${path}`);
      }
      await page.screenshot({ path: join(screenshots, file), fullPage: true });
      return `${response.status()}, ${mustShow.length} elements visible, ${file}`;
    } finally {
      await context.close();
    }
  };
}

export const pageChecks = [
  ["sign-in page", pageCheck("signin", "signin.png", [
    "h1:has-text('Sign in')", "#input-username-for-credentials-provider", "#input-password-for-credentials-provider",
    "button:has-text('Sign in with Credentials')"])],
  ["sign-out page", pageCheck("signout", "signout.png", [
    "text=Are you sure you want to sign out?", "button:has-text('Sign out')"])],
  ["error page", pageCheck("error?error=AccessDenied", "error.png", [
    "h1:has-text('Access Denied')", "text=You do not have permission to sign in.", "a:has-text('Sign in')"])],
  ["sign-in page passkey button", passkeyButton],
  ["verify-request page", pageCheck("verify-request", "verify-request.png", [
    "h1:has-text('Check your email')", "text=A sign in link has been sent to your email address."])],
];
