import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectFits } from "./helpers";

// A model deployed from the dashboard follows production; "Retrain now" trains v2 in the sandbox,
// promotes it and rolls the deployment; "Roll back to v1" pins the old version. At 1440×900 and
// 390×844, nothing wider than the screen.

const FEATURES = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"];
const TRAINING = "lib/models/training/testdata";

test.setTimeout(180_000);

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `e2e/output/screenshots/rollout/${name}.png`, fullPage: true });
}

test("deploy, retrain, see the deployment roll to v2, roll back to v1", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill("rollo@example.com");
  await page.getByLabel("Username").fill("rollo");
  await page.getByLabel("Password").fill("roll-forward-and-back");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signup"));

  await page.goto("/keys?scope=models");
  await page.getByLabel("Name").fill("rollout client");
  await page.getByRole("button", { name: "Generate key" }).click();
  const headers = { Authorization: `Bearer ${(await page.getByTestId("new-key-secret").textContent())!.trim()}` };

  // A Ridge model with its data and training script; a retrain reaching r2 0.3 is promoted.
  const added = await request.post("/model/add", {
    headers,
    data: {
      modelname: "Diabetes ridge",
      modelkind: "Regressor",
      featurelist: FEATURES.map((f) => ({ feature_name: f, type: "cont", kind: 0 })),
      modelperformance: [{ metric: "r2", order: 1, threshold: 0.3 }],
    },
  });
  expect(added.status()).toBe(201);
  const { modelid } = await added.json();
  for (const [name, kind, buffer] of [
    ["model.pkl", "model", readFileSync("lib/models/fixtures/models/ridge.p4.pkl")],
    ["diabetes.csv", "data", readFileSync(`${TRAINING}/diabetes.csv`)],
    ["retrain_ridge.py", "code", readFileSync(`${TRAINING}/retrain_ridge.py`)],
  ] as const) {
    const up = await request.post(`/model/${modelid}/upload`, { headers, multipart: { file: { name, mimeType: "application/octet-stream", buffer }, file_kind: kind } });
    expect(up.status()).toBe(201);
  }

  // Deploy from the model page: the default follows production.
  await page.goto(`/models/${modelid}`);
  await page.getByRole("link", { name: "Deploy", exact: true }).click();
  await expect(page.getByLabel("Version")).toHaveValue("latest");
  await expect(page.getByLabel("Version").locator("option:checked")).toHaveText("follow production (v1 becomes production)");
  await page.getByLabel("Deployment ID").fill("dep-rollout");
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page).toHaveURL(/\/deployments\/dep-rollout$/);
  await expect(page.getByTestId("deployment-status").first()).toHaveText("running");
  await expect(page.getByTestId("serving-line")).toHaveText("serving v1 · follows production");

  // Retrain: v2 passes the threshold, production moves, the deployment rolls.
  await page.getByTestId("retrain-now").click();
  const job = page.getByTestId("training-job");
  await expect(job).toContainText("succeeded", { timeout: 120_000 });
  await expect(job).toContainText("v2 → production");
  await expect(job.getByRole("link", { name: "rolled dep-rollout" })).toBeVisible();
  await expect(page.getByTestId("serving-line")).toHaveText("serving v2 · follows production");
  await expect(page.getByTestId("rollout-events")).toContainText("v1 → v2 (production moved)");
  const predicted = await request.post("/deployment/dep-rollout/predict", { headers, data: { data: [0.03, 0.05, 0.06, 0.02, -0.04, -0.03, -0.04, 0, 0.02, -0.02] } });
  expect(predicted.headers()["x-model-version"]).toBe("2");
  await expectFits(page, "the rolled deployment's page");
  await shot(page, "desktop-deployment-rolled");

  // The model page says what each deployment serves and follows.
  await page.goto(`/models/${modelid}`);
  await expect(page.getByTestId("model-deployments")).toContainText("serving v2 · follows production");
  // Lineage: v2 came from the training run, which names what it read and measured; v1 was uploaded.
  const history = page.getByTestId("training-history");
  await expect(history.locator("tbody tr")).toHaveCount(1);
  await expect(history).toContainText("v2 → production");
  await expect(history).toContainText("succeeded");
  const comparison = page.getByTestId("version-comparison");
  await expect(comparison.getByLabel("First version")).toHaveValue("1");
  await expect(comparison.getByLabel("Second version")).toHaveValue("2");
  await expect(comparison.locator("tr", { hasText: "Origin" })).toContainText("uploaded");
  await expect(comparison.locator("tr", { hasText: "Origin" })).toContainText("retrained");
  await expectFits(page, "the model page");
  await shot(page, "desktop-model");

  // Roll back: v1 again, pinned; the playground and the API answer with v1.
  await page.getByRole("link", { name: "dep-rollout" }).click();
  await page.getByRole("button", { name: "Roll back to v1" }).click();
  await expect(page.getByTestId("serving-line")).toHaveText("pinned to v1");
  await expect(page.getByRole("button", { name: "Follow production again" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Roll back to v2" })).toBeVisible();
  const rolledBack = await request.post("/deployment/dep-rollout/predict", { headers, data: { data: [0.03, 0.05, 0.06, 0.02, -0.04, -0.03, -0.04, 0, 0.02, -0.02] } });
  expect(rolledBack.headers()["x-model-version"]).toBe("1");
  await shot(page, "desktop-deployment-rolled-back");

  // Moving production from the model page's alias editor leaves a pinned deployment alone.
  await page.goto(`/models/${modelid}`);
  const aliasForm = page.getByTestId("alias-form");
  await aliasForm.getByLabel("Version").selectOption("1");
  await aliasForm.getByRole("button", { name: "Set alias" }).click();
  await expect(aliasForm.getByRole("status")).toContainText("production → v1.");
  await expect(page.getByTestId("model-deployments")).toContainText("pinned to v1");

  // On a phone: the same pages fit.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFits(page, "the model page on a phone");
  await shot(page, "phone-model");
  await page.goto("/deployments/dep-rollout");
  await expect(page.getByTestId("serving-line")).toHaveText("pinned to v1");
  await expectFits(page, "the deployment page on a phone");
  await shot(page, "phone-deployment");
});
