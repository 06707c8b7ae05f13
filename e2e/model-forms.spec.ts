import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { IRIS_FEATURES, newKey, registerIrisModel } from "./helpers";

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/output/screenshots/${name}.png`, fullPage: true });

/** The page scrolls sideways as a whole: something is wider than the screen. */
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const FEATURES = IRIS_FEATURES;

test("edit features and thresholds with the model page's forms, filter the deployment's operations and export them", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill("forms@example.com");
  await page.getByLabel("Username").fill("forms");
  await page.getByLabel("Password").fill("structured-forms");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, forms" })).toBeVisible();

  const headers = { Authorization: `Bearer ${await newKey(page, "models", "forms client")}` };
  const modelid = await registerIrisModel(request, headers, "Iris forms");

  // Features: the form shows the stored list in order; edit units, move the target first, save.
  await page.goto(`/models/${modelid}`);
  const form = page.getByRole("form", { name: "Model metadata" });
  await expect(form.getByTestId("feature-row")).toHaveCount(5);
  await expect(form.getByLabel("Feature 5 name")).toHaveValue("species");
  await form.getByLabel("Feature 1 units").fill("cm");
  await form.getByRole("button", { name: "Move feature 5 up" }).click();
  await expect(form.getByLabel("Feature 4 name")).toHaveValue("species");
  await form.getByLabel("Feature 1 name").fill("");
  await expect(form.getByTestId("metadata-problems")).toContainText("featurelist.0.feature_name");
  await expect(form.getByRole("button", { name: "Save features" })).toBeDisabled();
  await form.getByLabel("Feature 1 name").fill("sepal length (cm)");
  await form.getByRole("button", { name: "Save features" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
  const stored = await (await request.get(`/model/${modelid}`, { headers })).json();
  expect(stored.featurelist.map((f: { feature_name: string }) => f.feature_name)).toEqual([...FEATURES.slice(0, 3), "species", FEATURES[3]]);
  expect(stored.featurelist[0]).toMatchObject({ units: "cm", type: "cont", kind: 0 });

  // Thresholds: a value that is not a number is named as typed; the saved one reaches the API.
  await form.getByLabel("Field").selectOption("modelperformance");
  await form.getByRole("button", { name: "+ Add threshold" }).click();
  await form.getByLabel("Threshold 1 metric").fill("accuracy");
  await form.getByLabel("Threshold 1 value").fill("high");
  await expect(form.getByTestId("metadata-problems")).toContainText("threshold");
  await form.getByLabel("Threshold 1 value").fill("0.9");
  await form.getByLabel("Threshold 1 order").selectOption("higher");
  await expect(form.getByTestId("metadata-problems")).toBeEmpty();
  await form.getByRole("button", { name: "Save performance thresholds" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
  expect((await (await request.get(`/model/${modelid}`, { headers })).json()).modelperformance).toEqual([{ metric: "accuracy", order: 1, threshold: 0.9 }]);

  // The JSON view shows the same list, and what is typed there comes back to the form.
  await form.getByRole("button", { name: "Edit as JSON" }).click();
  const json = form.getByLabel("modelperformance (JSON)");
  await expect(json).toHaveValue(/"metric": "accuracy"/);
  await json.fill('[{"metric": "r2", "order": 0, "threshold": 0.4}]');
  await form.getByRole("button", { name: "Edit as form" }).click();
  await expect(form.getByLabel("Threshold 1 metric")).toHaveValue("r2");
  await expect(form.getByLabel("Threshold 1 order")).toHaveValue("lower");
  await form.getByLabel("Field").selectOption("drift_detection");
  await form.getByRole("button", { name: "+ Add drift setting" }).click();
  await expect(form.getByText("Per-feature test of the whole distribution")).toBeVisible();
  await form.getByLabel("Field").selectOption("featurelist");
  await form.scrollIntoViewIfNeeded();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await shot(page, "model-forms-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("form", { name: "Model metadata" }).getByTestId("feature-row")).toHaveCount(5);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await shot(page, "model-forms-phone");

  // A deployment with served and external operations.
  await page.setViewportSize({ width: 1440, height: 900 });
  expect((await request.post("/deployment/add", { headers, data: { modelid, deployment_id: "dep-forms" } })).status()).toBe(201);
  for (let i = 0; i < 50 && (await (await request.get("/deployment/get/status/dep-forms", { headers })).json()).status !== "deployed"; i++) await page.waitForTimeout(200);
  expect((await request.post("/deployment/dep-forms/predict", { headers, data: { data: [5.1, 3.5, 1.4, 0.2] } })).status()).toBe(200);
  for (const data of ["=cmd|' /C calc'!A0", "needle in a haystack"]) {
    expect((await request.post("/deployment/add/operation", { headers, data: { deploymentid: "dep-forms", data, result: "ok" } })).status()).toBe(201);
  }
  await page.goto("/deployments/dep-forms");
  const log = page.getByTestId("operations-log");
  await expect(log.locator("tbody tr")).toHaveCount(3, { timeout: 15_000 });
  await page.getByLabel("Source").selectOption("external");
  await page.getByLabel("Contains").fill("NEEDLE");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(log.locator("tbody tr")).toHaveCount(1);
  await expect(log).toContainText("needle in a haystack");

  const download = page.waitForEvent("download");
  await page.getByTestId("operations-export-csv").click();
  const csv = readFileSync((await (await download).path())!, "utf8").split("\n");
  expect(csv[0]).toBe("id,operationid,created_at,source,latency_ms,data,result,explanation");
  expect(csv.filter(Boolean)).toHaveLength(2);
  expect(csv[1]).toContain("needle in a haystack");

  await page.getByRole("button", { name: "Clear", exact: true }).click();
  await expect(log.locator("tbody tr")).toHaveCount(3);
  const jsonl = page.waitForEvent("download");
  await page.getByTestId("operations-export-jsonl").click();
  const lines = readFileSync((await (await jsonl).path())!, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  expect(lines.map((l) => l.source)).toEqual(["external", "external", "predict"]);

  await page.getByTestId("operations-log").scrollIntoViewIfNeeded();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await shot(page, "operations-filter-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("operations-log").locator("tbody tr")).toHaveCount(3);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await shot(page, "operations-filter-phone");
});
