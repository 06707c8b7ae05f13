import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { expectFits, expectTappable, newKey, signUp as signUpForm, type Person } from "./helpers";

// Every dashboard page on a phone (390×844) and a desktop (1440×900): nothing wider than the
// screen, the page's main controls visible, and a screenshot of each to look at.

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844, timezoneId: "America/New_York", zone: "GMT-5" },
  { name: "desktop", width: 1440, height: 900, timezoneId: "Europe/Paris", zone: "CET" },
] as const;
type Viewport = (typeof VIEWPORTS)[number];

const member = { email: "vera@example.com", username: "vera", password: "every-screen-size" };
const cruncher = { email: "wren@example.com", username: "wren", password: "answers-on-a-phone" };
const admin = { email: "ada@example.com", password: "analytical-engine" };

/** Thirty inputs, some with long names, so forms, snippets and charts meet real width. */
const FIELDS = Array.from({ length: 30 }, (_, i) =>
  i % 7 === 3 ? `customer_lifetime_value_in_euros_before_discount_${i}` : i % 5 === 0 ? `plan_${i}` : `feature_${String(i).padStart(2, "0")}`,
);
const IRIS = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];
const IRIS_CSV = `${IRIS.join(",")},species\n5.1,3.5,1.4,0.2,0\n4.9,3.0,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n6.4,3.2,4.5,1.5,1\n6.3,3.3,6.0,2.5,2\n5.8,2.7,5.1,1.9,2\n`;

const ids = { loop: "", model: "", emptyModel: "", deployment: "dep-screens-001", request: "" };
const choiceQuestion = "Is this review about the product, the delivery, or something else entirely?";

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

async function shot(page: Page, viewport: Viewport, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0)); // a sticky top bar would otherwise be drawn mid-page
  await page.screenshot({ path: `e2e/output/screenshots/screens/${viewport.name}-${name}.png`, fullPage: true });
}

async function signUp(page: Page, user: Person, role?: "cruncher") {
  await signUpForm(page, user, role);
  await page.waitForURL((url) => !url.pathname.startsWith("/signup"));
}

async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

async function contextAt(browser: Browser, viewport: Viewport, colorScheme: "light" | "dark" = "light") {
  return browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    colorScheme,
    hasTouch: viewport.name === "phone",
    isMobile: viewport.name === "phone",
    timezoneId: viewport.timezoneId,
  });
}


interface Screen {
  name: string;
  path: () => string;
  heading: string | RegExp;
  controls: (page: Page) => Locator[];
}

const SCREENS: Screen[] = [
  { name: "overview", path: () => "/", heading: "Welcome, vera", controls: (p) => [p.getByRole("link", { name: "Manage API keys" }), p.getByRole("link", { name: "Open loops →" })] },
  { name: "loops", path: () => "/loops", heading: "Loops", controls: (p) => [p.getByRole("link", { name: "New loop" }).first(), p.getByRole("link", { name: "Screens churn with a long loop name" })] },
  { name: "loop-new", path: () => "/loops/new", heading: "New loop", controls: (p) => [p.getByLabel("Name", { exact: true }), p.getByRole("button", { name: "Add field" }), p.getByRole("button", { name: "Create loop" })] },
  {
    name: "loop",
    path: () => `/loops/${ids.loop}`,
    heading: "Screens churn with a long loop name",
    controls: (p) => [
      p.getByRole("button", { name: "Generate API Key" }),
      p.getByRole("button", { name: "Predict", exact: true }),
      p.getByRole("button", { name: "Copy train code" }),
      p.getByRole("button", { name: "Copy predict code" }),
      p.getByTestId("metrics-table"),
    ],
  },
  { name: "models", path: () => "/models", heading: "Models", controls: (p) => [p.getByRole("link", { name: "Register model" }), p.getByRole("link", { name: "Iris classifier" })] },
  { name: "model-new", path: () => "/models/new", heading: "Register model", controls: (p) => [p.getByRole("button", { name: "Register model" })] },
  { name: "model", path: () => `/models/${ids.model}`, heading: "Iris classifier", controls: (p) => [p.getByLabel("File kind"), p.getByRole("button", { name: "Upload", exact: true })] },
  { name: "deployments", path: () => "/deployments", heading: "Deployments", controls: (p) => [p.getByRole("link", { name: "Deploy model" }), p.getByRole("link", { name: ids.deployment })] },
  { name: "deployment-new", path: () => "/deployments/new", heading: "Deploy model", controls: (p) => [p.getByLabel("Deployment ID"), p.getByRole("button", { name: "Deploy", exact: true })] },
  {
    name: "deployment",
    path: () => `/deployments/${ids.deployment}`,
    heading: ids.deployment,
    controls: (p) => [p.getByRole("button", { name: "Predict", exact: true }), p.getByTestId("waterfall-chart"), p.getByTestId("operations-log")],
  },
  { name: "tasks", path: () => "/tasks", heading: "Tasks", controls: (p) => [p.getByRole("link", { name: "New request" }), p.getByTestId("task-row").first()] },
  { name: "task-new", path: () => "/tasks/new", heading: "New request", controls: (p) => [p.getByLabel("Type"), p.getByRole("button", { name: "Send request" })] },
  { name: "task", path: () => `/tasks/${ids.request}`, heading: "Multiple choice", controls: (p) => [p.getByTestId("raw-responses"), p.getByTestId("final-response")] },
  { name: "keys", path: () => "/keys", heading: "API keys", controls: (p) => [p.getByRole("button", { name: "Generate key" }), p.getByTestId("key-row").first()] },
  { name: "members", path: () => "/members", heading: "Members", controls: (p) => [p.getByRole("button", { name: "Create invitation link" }), p.getByLabel("E-mail")] },
  { name: "trash", path: () => "/trash", heading: "Trash", controls: (p) => [p.getByText("The trash is empty")] },
  { name: "audit", path: () => "/audit", heading: "Audit log", controls: (p) => [p.getByLabel("Person"), p.getByRole("link", { name: "Export CSV" })] },
  { name: "work", path: () => "/work", heading: "Work", controls: (p) => [p.getByTestId("stat-waiting")] },
];

/** The shell's navigation: a sidebar on the desktop, a menu button and a drawer on the phone. */
async function checkNavigation(page: Page, viewport: Viewport) {
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = page.getByRole("button", { name: "Open menu" });
  if (viewport.name === "desktop") {
    await expect(nav.getByRole("link", { name: "Loops" })).toBeVisible();
    await expect(menu).toBeHidden();
    return;
  }
  await expect(nav.getByRole("link", { name: "Loops" })).toBeHidden();
  await expectTappable(menu);
  await menu.click();
  await expect(nav.getByRole("link", { name: "Loops" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.waitForTimeout(300); // the drawer's slide
  await shot(page, viewport, "menu-open");
  await page.keyboard.press("Escape");
  await expect(nav.getByRole("link", { name: "Loops" })).toBeHidden();
  await menu.click();
  await nav.getByRole("link", { name: "Models" }).click();
  await expect(page.getByRole("heading", { name: "Models", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Loops" })).toBeHidden(); // navigating closes the menu
}

test("a member with a loop of thirty fields, a deployed model and an answered request", async ({ page, request, browser, baseURL }) => {
  await signUp(page, member);
  await expect(page.getByRole("heading", { name: "Welcome, vera" })).toBeVisible();
  const loopsKey = await newKey(page, "loops", "screens loops");
  const modelsKey = await newKey(page, "models", "screens models");
  const tasksKey = await newKey(page, "tasks", "screens tasks");

  // A loop whose thirty inputs include long names.
  const loopHeaders = { "X-api-key": loopsKey, "X-username": member.username };
  const inputSchema = Object.fromEntries(FIELDS.map((f, i) => [f, i % 5 === 0 ? "string" : i % 3 === 0 ? "integer" : "float"]));
  const defined = await request.post("/definitions/", {
    headers: loopHeaders,
    data: { name: "Screens churn with a long loop name", task_type: "classification", input_schema: inputSchema, output_schema: { churned_within_ninety_days: "boolean" } },
  });
  expect(defined.status(), await defined.text()).toBe(200);
  ids.loop = (await defined.json()).loop_id;
  const row = (k: number) =>
    Object.fromEntries(FIELDS.map((f, i) => [f, i % 5 === 0 ? ["basic", "pro", "enterprise"][(k + i) % 3] : i % 3 === 0 ? (k * (i + 3)) % 17 : ((k * 7 + i) % 13) / 3]));
  const rows = Array.from({ length: 240 }, (_, k) => ({ ...row(k), churned_within_ninety_days: (k * 5) % 7 < 3 }));
  const trained = await request.post("/train/", { headers: { ...loopHeaders, "x-loop-id": ids.loop }, data: { data: rows } });
  expect(trained.status(), await trained.text()).toBe(200);
  for (const k of [3, 11, 29]) {
    const predicted = await request.post("/predict/", { headers: { ...loopHeaders, "x-loop-id": ids.loop }, data: { data: row(k) } });
    expect(predicted.status()).toBe(200);
  }

  // The iris model, deployed, with one explained prediction.
  const headers = { Authorization: `Bearer ${modelsKey}` };
  const added = await request.post("/model/add", {
    headers,
    data: { modelname: "Iris classifier", modelkind: "classification", featurelist: [...IRIS.map((f) => ({ feature_name: f, type: "cont", kind: 0 })), { feature_name: "species", type: "cat", kind: 1 }], modeltags: ["iris", "screens"] },
  });
  expect(added.status()).toBe(201);
  ids.model = (await added.json()).modelid;
  for (const [name, kind, buffer] of [
    ["iris_logreg.pkl", "model", readFileSync("lib/models/fixtures/models/logreg_multinomial.p4.pkl")],
    ["iris.csv", "data", Buffer.from(IRIS_CSV)],
  ] as const) {
    const up = await request.post(`/model/${ids.model}/upload`, { headers, multipart: { file: { name, mimeType: "application/octet-stream", buffer }, file_kind: kind } });
    expect(up.status()).toBe(201);
  }
  const empty = await request.post("/model/add", { headers, data: { modelname: "Model without a file", modelkind: "regression" } });
  expect(empty.status()).toBe(201);
  ids.emptyModel = (await empty.json()).modelid;
  const deployed = await request.post("/deployment/add", {
    headers,
    data: { modelid: ids.model, ownerid: "agent-7", deployment_id: ids.deployment, placement: { clusterID: "edge-cluster-frankfurt-1", node: "*", continuum: true }, inference_data: 0 },
  });
  expect(deployed.status(), await deployed.text()).toBeLessThan(300);
  await expect
    .poll(async () => (await request.post(`/deployment/${ids.deployment}/predict`, { headers, data: { data: [6.3, 3.3, 6.0, 2.5], explain: true } })).status(), { timeout: 60_000 })
    .toBe(200);

  // A live multiple-choice request, answered by a cruncher on a phone.
  const asked = await request.post("/v1/requests/multiple-choice", {
    headers: { "X-Heat-API-Key": tasksKey },
    data: { instruction: choiceQuestion, attachments: ["The parcel came two days late but the blender itself is excellent and quiet."], choices: ["product", "delivery", "something else"] },
  });
  expect(asked.status(), await asked.text()).toBe(200);
  ids.request = (await asked.json()).id;

  const phone = await contextAt(browser, VIEWPORTS[0]);
  const worker = await phone.newPage();
  // The cruncher joins vera's workspace by an invitation link, on the phone.
  await page.goto("/members");
  await page.getByLabel("E-mail").fill(cruncher.email);
  await page.getByLabel("Role", { exact: true }).selectOption("cruncher");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await page.getByTestId("invitation-link").getAttribute("data-url"))!;
  await worker.goto(link);
  await worker.getByLabel("Username").fill(cruncher.username);
  await worker.getByLabel("Password").fill(cruncher.password);
  await worker.getByRole("button", { name: "Create account" }).click();
  await expect(worker).toHaveURL(/\/w\/vera\/work$/);
  await expectFits(worker, "the Work page");
  const start = worker.getByRole("button", { name: "Start working" });
  await expectTappable(start);
  await shot(worker, VIEWPORTS[0], "work-start");
  await start.tap();
  const shown = worker.getByTestId("task-instruction");
  for (let skipped = 0; skipped < 20; skipped++) {
    await expect(shown).toBeVisible({ timeout: 15_000 });
    const text = (await shown.textContent())?.trim() ?? "";
    if (text === choiceQuestion) break;
    await worker.getByRole("button", { name: "Skip" }).tap();
    await expect(shown).not.toHaveText(text);
  }
  await expect(shown).toHaveText(choiceQuestion);
  await expectFits(worker, "a task on the Work page");
  await expectTappable(worker.getByRole("button", { name: "Submit" }));
  await shot(worker, VIEWPORTS[0], "work-task");
  await worker.locator("[role=radio], [role=checkbox]").filter({ hasText: "product" }).tap();
  await worker.getByRole("button", { name: "Submit" }).tap();
  await expect(shown.filter({ hasText: choiceQuestion })).toHaveCount(0);

  // Marks drawn by touch survive a reload, for this cruncher and this task, until submitted.
  const markQuestion = "Tap the two brightest corners of the picture";
  const marked = await request.post("/v1/requests/annotations", {
    headers: { "X-Heat-API-Key": tasksKey },
    data: { instruction: markQuestion, attachments_type: "image", attachments: [`${baseURL}/v1/simulated/image.png`], annotations_type: "point", min_annotations: 2, max_annotations: 2 },
  });
  expect(marked.status(), await marked.text()).toBe(200);
  const markId = (await marked.json()).id as string;
  await expect(shown).toHaveText(markQuestion, { timeout: 20_000 }); // the waiting page picks it up
  const surface = worker.getByTestId("annotation-surface");
  await expect(surface).toBeVisible();
  await expectFits(worker, "an annotation task");
  const box = (await surface.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(VIEWPORTS[0].width);
  await surface.tap({ position: { x: box.width * 0.2, y: box.height * 0.2 } });
  await surface.tap({ position: { x: box.width * 0.8, y: box.height * 0.7 } });
  await expect(worker.getByTestId("mark-count")).toContainText("2");
  await shot(worker, VIEWPORTS[0], "work-annotation");
  await worker.reload();
  await worker.getByRole("button", { name: "Start working" }).tap();
  await expect(shown).toHaveText(markQuestion);
  await expect(worker.getByTestId("mark-count")).toContainText("2");
  await expect(worker.getByText("Your 2 unsent marks were restored.")).toBeVisible();
  // Zoomed in, the picture scrolls inside its frame; the page stays the width of the screen.
  await worker.getByRole("button", { name: "Zoom in" }).tap();
  await worker.getByRole("button", { name: "Zoom in" }).tap();
  await expect(worker.getByTestId("zoom-level")).toHaveText("200%");
  await expect.poll(async () => (await surface.boundingBox())!.width).toBeGreaterThan(box.width * 1.9);
  await expectFits(worker, "a zoomed annotation task");
  await worker.getByRole("button", { name: "Move" }).tap();
  await shot(worker, VIEWPORTS[0], "work-annotation-zoomed");
  await worker.getByRole("button", { name: "Fit" }).tap();
  await expect(worker.getByTestId("zoom-level")).toHaveText("100%");
  await worker.getByRole("button", { name: "Submit" }).tap();
  await expect(shown.filter({ hasText: markQuestion })).toHaveCount(0);
  const done = await (await request.get(`/v1/requests/${markId}?block=10`, { headers: { "X-Heat-API-Key": tasksKey }, timeout: 20_000 })).json();
  expect(done.status).toBe("complete");
  expect(done.response).toHaveLength(2);
  // Submitted, the draft is gone.
  expect(await worker.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("crucible:work-draft")))).toEqual([]);
  await worker.goto("about:blank");
  await phone.close();
});

for (const viewport of VIEWPORTS) {
  test(`every dashboard page fits a ${viewport.width}×${viewport.height} screen`, async ({ browser }) => {
    const context = await contextAt(browser, viewport);
    const page = await context.newPage();
    await signIn(page, member);
    await checkNavigation(page, viewport);
    for (const screen of SCREENS) {
      await test.step(screen.name, async () => {
        await page.goto(screen.path());
        await expect(page.getByRole("heading", { level: 1, name: screen.heading })).toBeVisible();
        for (const control of screen.controls(page)) await expectTappable(control);
        await expectFits(page, `${screen.name} (${screen.path()})`);
        await shot(page, viewport, screen.name);
      });
    }
    // Times read in the viewer's zone, named, with the full timestamp on hover.
    await page.goto(`/tasks/${ids.request}`);
    const created = page.locator("time").first();
    await expect(created).toContainText(viewport.zone);
    await expect(created).toHaveAttribute("title", /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    // The loop's recent predictions list their inputs in the schema's order; the try-it form
    // answers with a contributions chart that fits too.
    await page.goto(`/loops/${ids.loop}`);
    const inputs = page.getByTestId("recent-predictions").getByTestId("prediction-inputs").first();
    await expect(inputs.locator("dt").first()).toHaveText(FIELDS[0]!);
    await inputs.getByText("All 30 inputs").click();
    await expect(inputs.locator("dt")).toHaveText(FIELDS);
    await expectFits(page, "the loop page with all inputs open");
    await page.getByRole("button", { name: "Predict", exact: true }).click();
    await expect(page.getByTestId("try-result").getByTestId("contributions-chart")).toBeVisible();
    await expectFits(page, "the loop page with a prediction");
    await page.getByTestId("try-result").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e/output/screenshots/screens/${viewport.name}-loop-try.png` });

    // A link to deploy a model without a model file says so instead of offering another model.
    await page.goto(`/deployments/new?model=${ids.emptyModel}`);
    await expect(page.getByTestId("model-not-deployable")).toContainText("“Model without a file” has no model file yet");
    await expect(page.getByLabel("Model", { exact: true })).toHaveValue("");
    await expectFits(page, "deploying a model without a file");
    await context.close();

    // The admin's accounts page.
    const adminContext = await contextAt(browser, viewport);
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin);
    await adminPage.goto("/admin");
    await expect(adminPage.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
    await expectFits(adminPage, "the admin page");
    await shot(adminPage, viewport, "admin");
    await adminContext.close();
  });
}

for (const viewport of VIEWPORTS) {
  test(`dark mode and search at ${viewport.width}×${viewport.height}`, async ({ browser }) => {
    const context = await contextAt(browser, viewport, "dark");
    const page = await context.newPage();
    await signIn(page, member);
    // The system's dark scheme darkens every page, with no setting to find.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toMatch(/rgb\(2[45]\d, 2[45]\d, 2[45]\d\)|oklch\(0\.9/);
    // Search from anywhere: Ctrl K on a keyboard, the top bar's button on a phone.
    // (Pressed again until the page has hydrated and listens.)
    await expect(async () => {
      if (viewport.name === "phone") await page.getByRole("button", { name: "Search", exact: true }).click();
      else await page.keyboard.press("Control+k");
      await expect(page.getByLabel("Search the workspace")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await page.getByLabel("Search the workspace").fill("long loop");
    await expect(page.getByTestId("search-results").getByRole("option")).toHaveCount(1);
    await shot(page, viewport, "dark-search");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/loops/${ids.loop}$`));
    // Detail pages say where they sit.
    await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Loops" })).toBeVisible();
    await expectFits(page, "the loop page in the dark");
    await shot(page, viewport, "dark-loop");
    await context.close();
  });
}
