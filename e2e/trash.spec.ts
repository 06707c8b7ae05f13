import { expect, test, type Page } from "@playwright/test";
import { expectFits, newKey, registerIrisModel } from "./helpers";

// The trash: a deployed model deleted through the API shows up on the Trash page with its deployment;
// Restore brings both back and the deployment predicts again. A loop deleted from its page comes back
// the same way; Delete forever removes for good. Checked on a desktop (1440×900) and a phone (390×844).

const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

const user = { email: "tess@example.com", username: "tess", password: "restore-everything" };

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `e2e/output/screenshots/trash/${name}.png`, fullPage });

test("a deleted deployed model and a deleted loop are restored from the Trash page; delete forever removes", async ({ page, request }) => {
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${user.username}` })).toBeVisible();
  const headers = { Authorization: `Bearer ${await newKey(page, "models", "trash models")}` };
  const loopHeaders = { "X-api-key": await newKey(page, "loops", "trash loops"), "X-username": user.username };

  // A deployed iris model, answering.
  const modelid = await registerIrisModel(request, headers, "Iris kept in the trash");
  expect((await request.post("/deployment/add", { headers, data: { modelid, deployment_id: "dep-trash-001" } })).status()).toBe(201);
  const predict = () => request.post("/deployment/dep-trash-001/predict", { headers, data: { data: [5.1, 3.5, 1.4, 0.2] } });
  await expect.poll(async () => (await predict()).status(), { timeout: 20_000 }).toBe(200);

  // Deleted through the API: a message, and the deployment stops serving.
  const deleted = await request.delete(`/model/${modelid}`, { headers });
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toMatchObject({ message: expect.stringMatching(/trash/), modelid, deleted: true, deployments: ["dep-trash-001"] });
  expect((await predict()).status()).toBe(404);
  const reused = await request.post("/deployment/add", { headers, data: { modelid, deployment_id: "dep-trash-001" } });
  expect(reused.status()).toBe(404); // the model is gone from the API

  // A second model, to delete forever, and a loop deleted from its own page.
  const spare = (await (await request.post("/model/add", { headers, data: { modelname: "Spare model", modelkind: "regression" } })).json()).modelid as string;
  expect((await request.delete(`/model/${spare}`, { headers })).status()).toBe(200);
  const defined = await request.post("/definitions/", { headers: loopHeaders, data: { name: "Churn loop to delete", task_type: "regression", input_schema: { x: "float" }, output_schema: { y: "float" } } });
  const loopId = (await defined.json()).loop_id as string;
  expect((await request.post("/train/", { headers: { ...loopHeaders, "x-loop-id": loopId }, data: { data: [{ x: 1, y: 2 }, { x: 2, y: 4 }] } })).status()).toBe(200);

  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(`/loops/${loopId}`);
    await expect(page.getByRole("heading", { name: "Churn loop to delete" })).toBeVisible();
    await expect(page.getByTestId("loop-settings")).toBeVisible();
    await expectFits(page, `the loop page (${viewport.name})`);
    await page.getByTestId("loop-reset").click();
    await expect(page.getByTestId("reset-dialog")).toBeVisible();
    await shot(page, `${viewport.name}-loop-reset-dialog`, false);
    await page.getByRole("button", { name: "Cancel" }).click();
    await shot(page, `${viewport.name}-loop`);
  }

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/loops/${loopId}`);
  await page.getByTestId("loop-delete").click();
  await page.getByRole("dialog").getByRole("button", { name: "Move to the trash" }).click();
  await page.waitForURL(/\/trash$/);
  const loopPredict = () => request.post("/predict/", { headers: { ...loopHeaders, "x-loop-id": loopId }, data: { data: { x: 1 } } });
  expect((await loopPredict()).status()).toBe(401); // the loops document's "Invalid Loop ID"

  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/trash");
    await expect(page.getByRole("heading", { name: "Trash", exact: true })).toBeVisible();
    await expect(page.getByTestId(`trash-model-${modelid}`)).toContainText("dep-trash-001");
    await expect(page.getByTestId(`trash-loop-${loopId}`)).toContainText("Churn loop to delete");
    await expectFits(page, `the Trash page (${viewport.name})`);
    await shot(page, `${viewport.name}-trash`);
  }

  // Restore (on the phone): the model with its deployment, which predicts again.
  await page.getByTestId(`restore-models-${modelid}`).click();
  await expect(page.getByTestId("toast").filter({ hasText: "restored with 1 deployment" })).toBeVisible();
  await expect(page.getByTestId(`trash-model-${modelid}`)).toHaveCount(0);
  await expect.poll(async () => (await predict()).status(), { timeout: 10_000 }).toBe(200);
  expect((await (await predict()).json()).prediction).toEqual([0]);

  await page.getByTestId(`restore-loops-${loopId}`).click();
  await expect(page.getByTestId(`trash-loop-${loopId}`)).toHaveCount(0);
  expect((await loopPredict()).status()).toBe(200);

  // In the dark (the system's scheme), the page stays readable and fits.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.getByTestId(`trash-model-${spare}`)).toBeVisible();
  await expectFits(page, "the Trash page in the dark (phone)");
  await shot(page, "phone-trash-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // Delete forever, after the confirmation.
  await page.getByTestId(`purge-models-${spare}`).click();
  const confirmation = page.getByRole("dialog");
  await expect(confirmation).toContainText("cannot be undone");
  await shot(page, "phone-trash-confirm", false);
  await confirmation.getByRole("button", { name: "Delete forever" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "deleted for good" })).toBeVisible();
  await expect(page.getByText("The trash is empty")).toBeVisible();
  await expectFits(page, "the empty Trash page (phone)");
  await shot(page, "phone-trash-empty");
  expect((await request.get(`/model/${spare}`, { headers })).status()).toBe(404);

  // The nav has a Trash entry.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trash" }).click();
  await expect(page.getByRole("heading", { name: "Trash", exact: true })).toBeVisible();
});
