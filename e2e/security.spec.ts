import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";

// What a browser-based attacker tries: forged requests from another origin of the same host, open
// redirects after sign-in, framing, copied session cookies, guessing passwords, and pages whose
// scripts run without the server's say.

const user = { email: "sam@example.com", username: "sam", password: "secure-by-default" };
const target = { email: "tara@example.com", username: "tara", password: "the-right-password" };

async function signUp(page: Page, account: typeof user) {
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Username").fill(account.username);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signup"));
}

async function signIn(page: Page, account: typeof user) {
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe.configure({ mode: "serial" });

let attacker: http.Server;
let attackerOrigin = "";

test.beforeAll(async () => {
  // The attacker's page: another port of the same host, so the browser still sends the (Lax) session cookie.
  attacker = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const app = String(url.searchParams.get("app"));
    res.writeHead(200, { "content-type": "text/html" });
    if (url.pathname === "/frame") {
      res.end(`<!doctype html><title>frame</title><iframe id="frame" src="${app}/keys" width="800" height="600"></iframe>`);
      return;
    }
    res.end(`<!doctype html><title>attack</title>
      <form id="f" method="POST" action="${app}/api/tasks" enctype="text/plain">
        <input name='{"mode":"live","type":"free-text","body":{"instruction":"forged by a form"},"x":"' value='"}'>
      </form>
      <script>
        fetch("${app}/api/tasks", { method: "POST", credentials: "include", mode: "no-cors", headers: { "content-type": "text/plain" },
          body: JSON.stringify({ mode: "live", type: "free-text", body: { instruction: "forged by fetch" } }) })
          .finally(() => document.getElementById("f").submit());
      </script>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

test("pages carry a nonce CSP and the security headers, and their scripts run under it", async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/login");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["strict-transport-security"]).toBeUndefined(); // plain http here
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  // The page is interactive: React hydrated under the policy (the form validates on the client).
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your e-mail address.")).toBeVisible();
  expect(violations).toEqual([]);
  // A fresh nonce per request.
  const again = (await page.request.get(`${baseURL}/login`)).headers()["content-security-policy"]!;
  expect(again).not.toContain(nonce);

  const api = await page.request.get(`${baseURL}/healthz`);
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("a page on another port cannot create tasks as the signed-in member, nor frame the keys page", async ({ page, baseURL }) => {
  await signUp(page, user);
  const attack = await page.context().newPage();
  const posted = attack.waitForResponse((r) => r.url() === `${baseURL}/api/tasks` && r.request().method() === "POST" && r.request().postData()?.includes("forged by a form") === true);
  await attack.goto(`${attackerOrigin}/?app=${encodeURIComponent(baseURL!)}`);
  expect((await posted).status()).toBe(403);
  await expect(attack.locator("body")).toContainText("forbidden");
  // The framed keys page never renders (frame-ancestors 'none' / X-Frame-Options: DENY), though the
  // browser sends the session cookie with it (same site) and the server answers it.
  // /keys goes on to the same page in the member's workspace (/w/<slug>/keys).
  const framedKeys = attack.waitForResponse((r) => r.url().startsWith(`${baseURL}/w/`) && r.url().endsWith("/keys"));
  await attack.goto(`${attackerOrigin}/frame?app=${encodeURIComponent(baseURL!)}`);
  expect((await framedKeys).status()).toBe(200);
  await attack.waitForTimeout(1000);
  await expect(attack.frameLocator("#frame").getByRole("heading", { name: "API keys" })).toHaveCount(0);

  await page.goto("/tasks");
  await expect(page.getByRole("heading", { name: "Tasks", exact: true })).toBeVisible();
  await expect(page.getByText("forged by")).toHaveCount(0);
});

test("after sign-in, next= never leaves the app, and a CR LF in it is harmless", async ({ browser, baseURL }) => {
  for (const next of ["/%5Cevil.example/x", "/%09/evil.example/x", "//evil.example/x", "https://evil.example/"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/login?next=${next}`);
    await signIn(page, user);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    expect(new URL(page.url()).origin, next).toBe(new URL(baseURL!).origin);
    await context.close();
  }
  const crlf = await (await browser.newContext()).request.get(`${baseURL}/login?next=%0d%0aSet-Cookie:%20x=1`);
  expect(crlf.status()).toBe(200);
  expect(crlf.headers()["set-cookie"] ?? "").not.toContain("x=1");
});

test("signing out ends the session on the server: a copied cookie no longer works", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await signIn(page, user);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  const copied = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/keys");
  await expect(stolen).toHaveURL(/\/login/);
  const api = await thief.request.get("/api/work/stats");
  expect(api.status()).toBe(401);
  await Promise.all([context.close(), thief.close()]);
});

test("too many wrong passwords block the account, even for the right one, with 429 and Retry-After", async ({ browser, baseURL }) => {
  const setup = await (await browser.newContext()).newPage();
  await signUp(setup, target);
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  const alert = page.locator("form p[role=alert]");
  const attempt = async (password: string) => {
    const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await signIn(page, { ...target, password });
    return answered;
  };
  for (let i = 0; i < 10; i++) {
    expect((await attempt(`wrong-${i}`)).status()).not.toBe(429);
    await expect(alert).toHaveText("Wrong e-mail or password.");
  }
  const response = await attempt(target.password);
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(alert).toContainText("Too many failed sign-ins");
  expect(new URL(page.url()).pathname).toBe("/login");
  expect(baseURL).toBeTruthy();
});

test("over https (behind a trusted proxy) cookies are Secure and HSTS is sent", async ({ playwright, baseURL }) => {
  const https = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-proto": "https" } });
  const csrf = await https.get("/api/auth/csrf");
  expect(csrf.headers()["strict-transport-security"]).toContain("max-age=");
  const token = ((await csrf.json()) as { csrfToken: string }).csrfToken;
  const signedIn = await https.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: user.password, csrfToken: token, json: "true" },
  });
  expect(signedIn.status()).toBe(200);
  const cookies = signedIn.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  const session = cookies.find((c) => c.includes("session-token"));
  expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
  expect(session).toMatch(/;\s*Secure/i);
  await https.dispose();
});
