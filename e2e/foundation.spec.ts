import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./helpers";

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/output/screenshots/${name}.png`, fullPage: true });

const admin = { email: "ada@example.com", username: "ada", password: "analytical-engine" };

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits until the app has left the sign-in page. */
async function signedIn(page: Page, email = admin.email, password = admin.password) {
  await page.goto("/login");
  await signIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test.describe.configure({ mode: "serial" });

test("sign-up explains an empty form, and the first account becomes the admin", async ({ page }) => {
  await page.goto("/signup");
  await shot(page, "signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your e-mail address.")).toBeVisible();
  await expect(page.getByText("A username needs at least 2 characters.")).toBeVisible();
  await expect(page.getByText("A password needs at least 8 characters.")).toBeVisible();
  await shot(page, "signup-errors");

  await signUp(page, admin);
  await expect(page.getByRole("heading", { name: "Welcome, ada" })).toBeVisible();
  await expect(page).toHaveURL(/\/w\/ada$/);
  await expect(page.getByTestId("workspace-switcher")).toContainText("Owner");
  await shot(page, "overview");
});

test("a duplicate e-mail gets a clear message", async ({ page }) => {
  await signUp(page, { ...admin, username: "ada2" });
  await expect(page.getByText("An account with this e-mail already exists. Sign in instead.")).toBeVisible();
});

test("signed-out visitors are sent to sign in and brought back; a wrong password is explained", async ({ page }) => {
  await page.goto("/keys");
  await expect(page).toHaveURL(/\/login\?next=%2Fkeys$/);
  await shot(page, "login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await signIn(page, admin.email, "wrong password");
  await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
  await shot(page, "login-wrong-password");
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/keys$/);
  await expect(page.getByRole("heading", { name: "API keys", exact: true })).toBeVisible();
});

test("generate a key, see it listed by prefix, use it, revoke it, and the revoked key gets 401", async ({ page, request }) => {
  await signedIn(page);
  await page.goto("/keys");
  await expect(page.getByText("No API keys yet")).toBeVisible();
  await shot(page, "keys-empty");

  await page.getByLabel("Name").fill("staging integration");
  await page.getByLabel("Scope").selectOption("tasks");
  await page.getByLabel("Mode").selectOption("test");
  await page.getByRole("button", { name: "Generate key" }).click();
  const secret = (await page.getByTestId("new-key-secret").textContent())!.trim();
  expect(secret).toMatch(/^test_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId("key-row").filter({ hasText: "staging integration" });
  const prefix = await row.getAttribute("data-prefix");
  expect(secret.startsWith(prefix!)).toBe(true);
  await expect(row).toContainText(`${prefix}…`);
  await expect(row).not.toContainText(secret);
  await shot(page, "keys-created");

  const ok = await request.get("/healthz/tasks", { headers: { "X-Heat-API-Key": secret } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ status: "ok", account: { username: "ada" }, key: { scope: "tasks", mode: "test" } });

  await page.reload();
  await expect(page.getByText("No API keys yet")).toHaveCount(0);
  await expect(page.getByTestId("new-key-secret")).toHaveCount(0); // shown once only
  await expect(row.getByText("never")).toHaveCount(0); // last used is now recorded

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByTestId("toast")).toContainText("revoked");
  await expect(row.getByText("revoked")).toBeVisible();
  await shot(page, "keys-revoked");

  const refused = await request.get("/healthz/tasks", { headers: { "X-Heat-API-Key": secret } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: "unauthorized", message: expect.stringMatching(/revoked/) });
});

test("every dashboard page has an empty state that says how to start", async ({ page }) => {
  await signedIn(page);
  await expect(page.getByRole("heading", { name: "Welcome, ada" })).toBeVisible();
  for (const [path, heading, empty] of [
    ["/loops", "Loops", "No loops yet"],
    ["/models", "Models", "No models registered"],
    ["/deployments", "Deployments", "Nothing deployed"],
    ["/tasks", "Tasks", "No requests yet"],
    ["/work", "Work", "No tasks waiting"],
    ["/members", "Members", "ada@example.com"],
    ["/audit", "Audit log", "127.0.0.1"],
    ["/admin", "Accounts on this server", "ada@example.com"],
  ] as const) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: path === "/admin" ? "Admin" : heading, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/w/ada${path}$`));
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    await expect(page.getByText(empty).first()).toBeVisible();
    await shot(page, path.slice(1));
  }
  await expect(page.getByText("Database up")).toBeVisible();
});

test("a cruncher without a workspace is told to ask for an invitation; invited, they see only Work; disabled, their session ends", async ({ page, browser }) => {
  await signUp(page, { email: "carl@example.com", username: "carl", password: "counting-things" }, "cruncher");
  await expect(page).toHaveURL(/\/workspaces$/);
  await expect(page.getByText("You are not in any workspace yet")).toBeVisible();
  await shot(page, "workspaces-none");

  const adminPage = await (await browser.newContext()).newPage();
  await signedIn(adminPage);
  await adminPage.goto("/members");
  await adminPage.getByLabel("E-mail").fill("carl@example.com");
  await adminPage.getByLabel("Role", { exact: true }).selectOption("cruncher");
  await adminPage.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await adminPage.getByTestId("invitation-link").getAttribute("data-url"))!;
  await shot(adminPage, "members-invitation");

  await page.goto(link);
  await page.getByRole("button", { name: "Join ada" }).click();
  await expect(page).toHaveURL(/\/w\/ada\/work$/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(["Work"]);
  await page.goto("/keys");
  await expect(page).toHaveURL(/\/w\/ada\/work$/);
  await shot(page, "work-cruncher");

  // Disabling ends the account's sessions on the server: the old cookie no longer signs anyone in.
  await adminPage.goto("/admin");
  await adminPage.getByTestId("account-carl").getByRole("button", { name: "Disable" }).click();
  await adminPage.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
  await expect(adminPage.getByTestId("account-carl")).toContainText("disabled");
  await page.goto("/work");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, "carl@example.com", "counting-things");
  await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();

  await adminPage.getByTestId("account-carl").getByRole("button", { name: "Enable" }).click();
  await expect(adminPage.getByTestId("account-carl")).not.toContainText("disabled");
  await signedIn(page, "carl@example.com", "counting-things");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
});
