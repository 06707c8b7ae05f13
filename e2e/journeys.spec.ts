import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { contextAt, DESKTOP, expectFits, expectTappable, PHONE, signUpToOverview, type Viewport } from "./helpers";

// The three main journeys, each at a desktop and a phone size: nothing wider than the screen on any
// page they pass, every control they use visible and tappable, a screenshot of each step.

const VIEWPORTS = [DESKTOP, PHONE] as const;

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

async function shot(page: Page, viewport: Viewport, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `e2e/output/screenshots/journeys/${viewport.name}-${name}.png`, fullPage: true });
}

/** Visible, not covered, then used: a tap (phone) or click lands on it. */
async function use(control: Locator, viewport: Viewport) {
  await expectTappable(control);
  if (viewport.name === "phone") await control.tap();
  else await control.click();
}

for (const viewport of VIEWPORTS) {
  test(`newcomer → first explained loop prediction (${viewport.name})`, async ({ browser }) => {
    const context = await contextAt(browser, viewport);
    const page = await context.newPage();
    const user = { email: `nova-${viewport.name}@example.com`, username: `nova-${viewport.name}`, password: "first-prediction" };
    await signUpToOverview(page, user);
    await expectFits(page, "the overview");
    await use(page.getByRole("link", { name: "Open loops →" }), viewport);
    await expect(page.getByRole("heading", { name: "Loops", level: 1 })).toBeVisible();
    await use(page.getByRole("link", { name: "New loop" }).first(), viewport);
    await page.getByLabel("Name", { exact: true }).fill("Churn");
    await page.getByLabel("Input field 1 name").fill("plan");
    await use(page.getByRole("button", { name: "Add field" }), viewport);
    await page.getByLabel("Input field 2 name").fill("seats");
    await page.getByLabel("Input field 2 type").selectOption("integer");
    await page.getByLabel("Output field name").fill("churned");
    await page.getByLabel("Output field type").selectOption("boolean");
    await expectFits(page, "the new-loop form");
    await shot(page, viewport, "loop-new");
    await use(page.getByRole("button", { name: "Create loop" }), viewport);
    await expect(page.getByTestId("loop-id")).toBeVisible();
    const loopId = (await page.getByTestId("loop-id").textContent())!.trim();
    await use(page.getByRole("button", { name: "Generate API Key" }), viewport);
    const key = (await page.getByTestId("loop-key-secret").textContent())!.trim();
    const data = Array.from({ length: 200 }, (_, i) => ({ plan: ["basic", "pro"][i % 2], seats: 1 + (i % 30), churned: i % 2 === 0 && i % 30 < 10 }));
    const trained = await page.request.post("/train/", { headers: { "X-api-key": key, "X-username": user.username, "x-loop-id": loopId }, data: { data } });
    expect(trained.status()).toBe(200);
    await page.reload();
    await page.getByLabel("plan").fill("basic");
    await page.getByLabel("seats").fill("3");
    await use(page.getByRole("button", { name: "Predict", exact: true }), viewport);
    await expect(page.getByTestId("try-value")).toBeVisible();
    await expect(page.getByTestId("try-result").getByTestId("contributions-chart")).toBeVisible();
    await expectFits(page, "the loop page with an explained prediction");
    await shot(page, viewport, "loop-explained");
    await context.close();
  });

  test(`request → a cruncher answers on a phone → review → export (${viewport.name})`, async ({ browser }) => {
    const context = await contextAt(browser, viewport);
    const page = await context.newPage();
    const member = { email: `quill-${viewport.name}@example.com`, username: `quill-${viewport.name}`, password: "review-and-export" };
    await signUpToOverview(page, member);
    const question = `Is this review about the product or the delivery? (${viewport.name})`;
    await page.goto("/tasks/new");
    await page.getByLabel("Space").selectOption("live");
    await page.getByLabel("Instruction").fill(question);
    await page.getByLabel("Choices (one per line)").fill("product\ndelivery");
    await page.getByLabel("Block until answered (up to 60 s)").uncheck();
    await expectFits(page, "the new-request form");
    await use(page.getByRole("button", { name: "Send request" }), viewport);
    await use(page.getByRole("link", { name: "Open the request →" }), viewport);
    await expect(page.getByTestId("request-status")).toHaveText("pending");
    const requestPath = new URL(page.url()).pathname;

    // The cruncher joins by an invitation link and answers on a phone.
    await page.goto("/members");
    const cruncher = { email: `wick-${viewport.name}@example.com`, username: `wick-${viewport.name}`, password: "answers-on-a-phone" };
    await page.getByLabel("E-mail").fill(cruncher.email);
    await page.getByLabel("Role", { exact: true }).selectOption("cruncher");
    await use(page.getByRole("button", { name: "Create invitation link" }), viewport);
    const link = (await page.getByTestId("invitation-link").getAttribute("data-url"))!;
    const phone = await contextAt(browser, VIEWPORTS[1]);
    const worker = await phone.newPage();
    await worker.goto(link);
    await worker.getByLabel("Username").fill(cruncher.username);
    await worker.getByLabel("Password").fill(cruncher.password);
    await worker.getByRole("button", { name: "Create account" }).tap();
    await expect(worker).toHaveURL(/\/work$/);
    await expectFits(worker, "the Work page");
    await use(worker.getByRole("button", { name: "Start working" }), VIEWPORTS[1]);
    await expect(worker.getByTestId("task-instruction")).toHaveText(question);
    await expectFits(worker, "the task on the Work page");
    await shot(worker, VIEWPORTS[1], `answer-for-${viewport.name}`);
    await use(worker.locator("[role=radio], [role=checkbox]").filter({ hasText: "product" }), VIEWPORTS[1]);
    await use(worker.getByRole("button", { name: "Submit" }), VIEWPORTS[1]);
    await expect(worker.getByTestId("task-instruction").filter({ hasText: question })).toHaveCount(0);
    await phone.close();

    // Review: the request is complete with the cruncher's answer; then export the list.
    await page.goto(requestPath);
    await expect(page.getByTestId("request-status")).toHaveText("complete");
    await expect(page.getByTestId("final-response")).toContainText("product");
    await expectFits(page, "the reviewed request");
    await shot(page, viewport, "request-reviewed");
    await page.goto("/tasks?mode=live");
    await expectFits(page, "the request list");
    const exportLink = page.getByTestId("task-export").getByRole("link", { name: "CSV" });
    await expect(exportLink).toBeVisible();
    const download = page.waitForEvent("download");
    await use(exportLink, viewport);
    const csv = readFileSync(await (await download).path(), "utf8");
    expect(csv.split("\n")[0]).toContain("instruction");
    expect(csv).toContain(question.split("?")[0]!);
    expect(csv).toContain("product");
    await shot(page, viewport, "request-list");
    await context.close();
  });
}
