import { expect, test, type Page } from "@playwright/test";
import { overflow, signUpToOverview } from "./helpers";

// The API reference at /docs: the OpenAPI description rendered in the dashboard's shell, one family
// at a time, with nothing fetched from another origin, and the viewer loaded on this page only.

const user = { email: "dot@example.com", username: "dot", password: "reading-the-reference" };

/** Every request the page makes to another origin. */
function foreignRequests(page: Page, origin: string): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) seen.push(url);
  });
  return seen;
}

/** The scripts a page loaded that hold the reference viewer, and the bytes of the scripts first loaded on each page path. */
function viewerScripts(page: Page): { viewer: string[]; bytes: Map<string, number> } {
  const found = { viewer: [] as string[], bytes: new Map<string, number>() };
  const seen = new Set<string>();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script" || seen.has(response.url())) return;
    seen.add(response.url());
    const body = await response.body().catch(() => Buffer.alloc(0));
    const path = new URL(page.url()).pathname;
    found.bytes.set(path, (found.bytes.get(path) ?? 0) + body.length);
    if (body.includes("createApiReference")) found.viewer.push(response.url());
  });
  return found;
}

test("the API reference renders the description from this server only, family by family", async ({ page, baseURL }) => {
  await signUpToOverview(page, user);
  const foreign = foreignRequests(page, new URL(baseURL!).origin);
  const { viewer, bytes } = viewerScripts(page);

  // Another page does not load the viewer.
  await page.goto("/keys");
  await expect(page.getByRole("heading", { name: "API keys", exact: true })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(viewer).toEqual([]);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/w\/dot\/docs$/);
  await expect(page.getByRole("heading", { name: "API reference", exact: true })).toBeVisible();
  const reference = page.getByTestId("api-reference");
  await expect(reference.getByRole("heading", { name: "Crucible", exact: true })).toBeVisible({ timeout: 30_000 });
  for (const tag of ["loops", "models", "tasks", "platform"]) await expect(reference.getByRole("link", { name: tag, exact: true })).toBeAttached();
  await expect(reference.getByRole("button", { name: /Ask AI/ })).toHaveCount(0);
  expect(viewer.length).toBeGreaterThan(0);

  const family = page.getByRole("navigation", { name: "API family" });
  await family.getByRole("link", { name: "Tasks" }).click();
  await expect(page).toHaveURL(/\/docs\?family=tasks$/);
  await expect(reference.getByRole("heading", { name: "Crucible — Human tasks (the Heat API)" })).toBeVisible({ timeout: 30_000 });
  await expect(reference.getByText("Ask a question: the body of the type named in the path").first()).toBeAttached();
  await expect(reference.getByText(/MLConnector/)).toHaveCount(0);
  await expect(family.getByRole("link", { name: "Tasks" })).toHaveAttribute("aria-current", "page");

  await family.getByRole("link", { name: "Loops" }).click();
  await expect(reference.getByRole("heading", { name: "Crucible — Adaptive learning loops" })).toBeVisible({ timeout: 30_000 });
  await expect(reference.getByText("POST /train/: labelled examples, learned in order").first()).toBeAttached();
  await page.waitForLoadState("networkidle");
  expect(foreign).toEqual([]);
  console.log(`script bytes by page: ${JSON.stringify(Object.fromEntries(bytes))}`);
});

for (const viewport of [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const) {
  test(`the API reference fits a ${viewport.name} screen`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, isMobile: viewport.name === "phone", hasTouch: viewport.name === "phone" });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    const foreign = foreignRequests(page, new URL(baseURL!).origin);
    await page.goto("/docs?family=models");
    await expect(page).toHaveURL(/\/w\/dot\/docs\?family=models$/);
    await expect(page.getByTestId("api-reference").getByRole("heading", { name: "Crucible — Model registry and deployments (the MLConnector API)" })).toBeVisible({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    expect(await overflow(page), "the page is wider than the screen").toBeLessThanOrEqual(0);
    await page.screenshot({ path: `e2e/output/screenshots/docs-${viewport.name}.png` });
    await page.screenshot({ path: `e2e/output/screenshots/docs-${viewport.name}-full.png`, fullPage: true });
    if (viewport.name === "desktop") {
      // An operation lists its concrete answers: the success status and the refusals, with their schemas.
      await page.getByTestId("api-reference").getByRole("link", { name: /Register a model's metadata/ }).click();
      const operation = page.getByTestId("api-reference").getByRole("region", { name: /Register a model's metadata/ }).first();
      await expect(operation.getByText("201", { exact: true }).first()).toBeVisible();
      await expect(operation.getByText("422", { exact: true }).first()).toBeAttached();
      await expect(page.getByTestId("api-reference").getByRole("link", { name: "Introduction" })).toBeInViewport(); // the sidebar stays put
      await page.screenshot({ path: "e2e/output/screenshots/docs-desktop-operation.png" });
    }
    expect(foreign).toEqual([]);
    await context.close();
  });
}

test("the API reference follows the system's dark mode", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto("/docs?family=tasks");
  const reference = page.getByTestId("api-reference");
  await expect(reference.getByRole("heading", { name: "Crucible — Human tasks (the Heat API)" })).toBeVisible({ timeout: 30_000 });
  // The reference's page is the app's card colour, dark here, not Scalar's own white.
  const background = await reference.locator(".scalar-app").first().evaluate((el) => getComputedStyle(el).getPropertyValue("--scalar-background-1").trim());
  const card = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--color-white").trim());
  expect(background === card || background.includes("--color-white"), `${background} vs ${card}`).toBe(true);
  await page.screenshot({ path: "e2e/output/screenshots/docs-desktop-dark.png" });
  await context.close();
});
