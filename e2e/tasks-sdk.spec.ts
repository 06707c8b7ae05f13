import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

// What the Crunchable Python SDK adds, seen in the browser: a requester asks questions in a batch
// with responseTitles, answers them on the Work page (the titles head the choices and name each
// mark), archives one, and finds it again behind the Tasks page's "Show archived" toggle.

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/output/screenshots/${name}.png`, fullPage: true });

const requester = { email: "sadie@example.com", username: "sadie", password: "python-sdk-batches" };
const BATCH = "eyes-survey";
let key = "";

async function ask(request: APIRequestContext, type: string, body: Record<string, unknown>): Promise<string> {
  const res = await request.post(`/v1/requests/${type}`, { headers: { "X-Crunch-API-Key": key }, data: { attachments_type: "text", attachments: [], tags: [], batch: BATCH, ...body } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

test.setTimeout(120_000);

test("responseTitles on the Work page, a batch and an archived request on the Tasks page", async ({ page, request, baseURL }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill(requester.email);
  await page.getByLabel("Username").fill(requester.username);
  await page.getByLabel("Password").fill(requester.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, sadie" })).toBeVisible();
  await page.goto("/keys?scope=tasks");
  await page.getByLabel("Name").fill("sdk");
  await page.getByLabel("Mode").selectOption("live");
  await page.getByRole("button", { name: "Generate key" }).click();
  key = (await page.getByTestId("new-key-secret").textContent())!.trim();

  const mood = "How does this person look?";
  const eyes = "Click on both eyes";
  await ask(request, "multiple-choice", { instruction: mood, attachments: ["A smiling face"], choices: ["happy", "sad"], max_answers: 1, responseTitles: ["Overall mood"] });
  const eyesId = await ask(request, "annotations-with-multiple-choice", {
    instruction: eyes,
    attachments_type: "image",
    attachments: [`${baseURL}/v1/simulated/image.png`],
    min_annotations: 2,
    max_annotations: 2,
    per_annotation: { instruction: "Open or closed?", choices: ["open", "closed"], max_answers: 1 },
    responseTitles: ["Left eye", "Right eye"],
  });
  const spare = await ask(request, "free-text", { instruction: "Anything else?" });

  // Multiple choice: the first title heads the choices.
  await page.goto("/work");
  await page.getByRole("button", { name: "Start working" }).click();
  await expect(page.getByTestId("task-instruction")).toHaveText(mood);
  await expect(page.getByTestId("response-title")).toHaveText("Overall mood");
  await shot(page, "work-response-title-choice");
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");

  // Annotations: each mark is titled in turn.
  await expect(page.getByTestId("task-instruction")).toHaveText(eyes);
  await expect(page.getByTestId("next-mark-title")).toContainText("Left eye");
  const surface = page.getByTestId("annotation-surface");
  const box = (await surface.boundingBox())!;
  await surface.click({ position: { x: box.width * 0.3, y: box.height * 0.4 } });
  await expect(page.getByTestId("mark-panel-title")).toHaveText("Left eye");
  await page.keyboard.press("1");
  await expect(page.getByTestId("next-mark-title")).toContainText("Right eye");
  await surface.click({ position: { x: box.width * 0.7, y: box.height * 0.4 } });
  await expect(page.getByTestId("mark-panel-title")).toHaveText("Right eye");
  await page.keyboard.press("2");
  await expect(page.getByTestId("mark-title")).toHaveText(["Left eye", "Right eye"]);
  await shot(page, "work-response-titles-marks");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("mark-panel-title")).toHaveText("Right eye");
  await shot(page, "work-response-titles-marks-phone");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("task-instruction")).toHaveText("Anything else?");
  await page.goto("about:blank");

  const done = await request.get(`/v1/requests/${eyesId}?block=5`, { headers: { "X-Crunch-API-Key": key } });
  expect(await done.json()).toMatchObject({ status: "complete", batch: BATCH, responseTitles: ["Left eye", "Right eye"], response: [{ response: ["open"] }, { response: ["closed"] }] });

  // Archive the spare question: it leaves the list, and comes back behind the toggle, marked.
  const archived = await request.post(`/v1/tasks/archive/${spare}`, { headers: { "X-Crunch-API-Key": key, "content-type": "application/json" }, data: {} });
  expect(archived.status()).toBe(200);
  const batches = await request.get("/v1/batch", { headers: { "X-Crunch-API-Key": key } });
  expect(await batches.json()).toMatchObject({ batches: [{ id: BATCH, requests: 3, complete: 2, pending: 1, archived: 1 }] });

  await page.goto("/tasks");
  await expect(page.getByTestId("task-row")).toHaveCount(2);
  await page.getByTestId("archived-toggle").click();
  await expect(page.getByTestId("task-row")).toHaveCount(3);
  await expect(page.getByTestId("task-row").filter({ hasText: "Anything else?" })).toContainText("archived");
  await page.getByTestId("task-batch").first().click();
  await expect(page.getByTestId("batch-filter")).toContainText(BATCH);
  await expect(page.getByTestId("task-row")).toHaveCount(3);
  await shot(page, "tasks-batch-archived");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await shot(page, "tasks-batch-archived-phone");
});
