import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const shot = (page: import("@playwright/test").Page, name: string) => page.screenshot({ path: `e2e/output/screenshots/${name}.png`, fullPage: true });

const FEATURES = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];

/** A few iris rows as the model's training data (the explainer's background). */
const IRIS_CSV = `${FEATURES.join(",")},species
5.1,3.5,1.4,0.2,0
4.9,3.0,1.4,0.2,0
7.0,3.2,4.7,1.4,1
6.4,3.2,4.5,1.5,1
6.3,3.3,6.0,2.5,2
5.8,2.7,5.1,1.9,2
`;

test("register and upload a model, deploy it, predict from the playground and see the SHAP waterfall", async ({ page, request }) => {
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill("dee@example.com");
  await page.getByLabel("Username").fill("dee");
  await page.getByLabel("Password").fill("deploy-models");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, dee" })).toBeVisible();

  await page.goto("/keys?scope=models");
  await page.getByLabel("Name").fill("deployments client");
  await page.getByRole("button", { name: "Generate key" }).click();
  const key = (await page.getByTestId("new-key-secret").textContent())!.trim();
  const headers = { Authorization: `Bearer ${key}` };

  // Register the iris classifier with its feature list, its pickle and its training data.
  const added = await request.post("/model/add", {
    headers,
    data: {
      modelname: "Iris classifier",
      modelkind: "classification",
      featurelist: [...FEATURES.map((f) => ({ feature_name: f, type: "cont", kind: 0 })), { feature_name: "species", type: "cat", kind: 1 }],
      modeltags: ["iris"],
    },
  });
  expect(added.status()).toBe(201);
  const { modelid } = await added.json();
  for (const [name, kind, buffer] of [
    ["iris_logreg.pkl", "model", readFileSync("lib/models/fixtures/models/logreg_multinomial.p4.pkl")],
    ["iris.csv", "data", Buffer.from(IRIS_CSV)],
  ] as const) {
    const up = await request.post(`/model/${modelid}/upload`, { headers, multipart: { file: { name, mimeType: "application/octet-stream", buffer }, file_kind: kind } });
    expect(up.status()).toBe(201);
  }

  // Deploy it from the dashboard.
  await page.goto("/deployments");
  await expect(page.getByText("Nothing deployed")).toBeVisible();
  await page.getByRole("link", { name: "Deploy model" }).first().click();
  await expect(page.getByRole("heading", { name: "Deploy model" })).toBeVisible();
  await page.getByLabel("Deployment ID").fill("dep-iris-001");
  await page.getByLabel("Owner").fill("agent-1");
  await page.getByLabel("Cluster").fill("edge-1");
  await page.getByRole("button", { name: "Deploy", exact: true }).click();

  await expect(page).toHaveURL(/\/deployments\/dep-iris-001$/);
  await expect(page.getByRole("heading", { name: "dep-iris-001" })).toBeVisible();
  await expect(page.getByTestId("deployment-status").first()).toHaveText("running");

  // The playground's inputs come from the feature list.
  const values = ["5.1", "3.5", "1.4", "0.2"];
  for (const [j, f] of FEATURES.entries()) await page.getByLabel(f, { exact: false }).fill(values[j]!);
  await page.getByRole("button", { name: "Predict", exact: true }).click();
  await expect(page.getByTestId("prediction-result")).toContainText("Prediction 0");
  const waterfall = page.getByTestId("waterfall-chart");
  await expect(waterfall).toBeVisible();
  await expect(waterfall).toContainText("petal length (cm) = 1.4");
  await expect(waterfall.locator(".recharts-bar-rectangle")).toHaveCount(4);
  await expect(page.getByTestId("operations-log")).toContainText("predict · explained");

  // The document's predict call through the API lands in the same log.
  const predicted = await request.post("/deployment/dep-iris-001/predict", { headers, data: { data: [6.3, 3.3, 6.0, 2.5], explain: true } });
  expect(predicted.status()).toBe(200);
  expect(await predicted.json()).toMatchObject({ prediction: [2], explanation: { method: "shap", features: FEATURES } });
  await expect(page.getByTestId("operations-log").locator("tbody tr")).toHaveCount(2, { timeout: 15_000 });
  await page.getByTestId("per-minute-chart").scrollIntoViewIfNeeded();
  await shot(page, "deployment-detail");

  // The JSON tab sends the body as written: the document's Python tuple is answered with what to send.
  await page.getByRole("button", { name: "JSON" }).click();
  await page.getByLabel("Request body").fill('{"data": (5.1, 3.5, 1.4, 0.2), "explain": true}');
  await page.getByRole("button", { name: "Predict", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Send a JSON array" })).toBeVisible();

  await page.goto("/deployments");
  const row = page.getByRole("row", { name: /dep-iris-001/ });
  await expect(row).toContainText("Iris classifier");
  await expect(row).toContainText("running");
  await expect(row).toContainText("edge-1");
  await shot(page, "deployments");
});
