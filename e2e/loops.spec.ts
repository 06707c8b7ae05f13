import { expect, test } from "@playwright/test";

const shot = (page: import("@playwright/test").Page, name: string) => page.screenshot({ path: `e2e/output/screenshots/${name}.png`, fullPage: true });

/** A deterministic churn stream: small plans with few seats and low spend churn. */
function examples(n: number) {
  const plans = ["basic", "pro", "enterprise"];
  return Array.from({ length: n }, (_, i) => {
    const plan = plans[(i * 7) % 3]!;
    const seats = 1 + ((i * 13) % 40);
    const monthly_spend = 10 + ((i * 31) % 500);
    const churned = (plan === "basic" ? 1 : 0) + (seats < 10 ? 1 : 0) + (monthly_spend < 100 ? 1 : 0) >= 2;
    return { plan, seats, monthly_spend, churned };
  });
}

test("create a loop in the dashboard, train and predict through the API, and see it learn", async ({ page, request }) => {
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill("lou@example.com");
  await page.getByLabel("Username").fill("lou");
  await page.getByLabel("Password").fill("learning-loops");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, lou" })).toBeVisible();

  await page.goto("/loops");
  await page.getByRole("link", { name: "New loop" }).first().click();
  await page.getByLabel("Name", { exact: true }).fill("Churn");
  await page.getByLabel("Input field 1 name").fill("plan");
  await page.getByRole("button", { name: "Add field" }).click();
  await page.getByLabel("Input field 2 name").fill("seats");
  await page.getByLabel("Input field 2 type").selectOption("integer");
  await page.getByRole("button", { name: "Add field" }).click();
  await page.getByLabel("Input field 3 name").fill("monthly_spend");
  await page.getByLabel("Output field name").fill("churned");
  await page.getByLabel("Output field type").selectOption("boolean");
  await shot(page, "loops-new");
  await page.getByRole("button", { name: "Create loop" }).click();
  await expect(page.getByTestId("loop-id")).toBeVisible();
  const loopId = (await page.getByTestId("loop-id").textContent())!.trim();

  await page.getByRole("button", { name: "Generate API Key" }).click();
  const key = (await page.getByTestId("loop-key-secret").textContent())!.trim();
  expect(key).toMatch(/^loops_/);

  // A key bound to the loop needs no x-loop-id.
  const headers = { "X-api-key": key, "X-username": "lou" };
  const trained = await request.post("/train/", { headers, data: { data: examples(400) } });
  expect(trained.status()).toBe(200);
  expect(await trained.json()).toMatchObject({ status: "success", trained_samples: 400, failed_samples: 0 });

  const predicted = await request.post("/predict", { headers: { ...headers, "x-loop-id": loopId }, data: { data: { plan: "basic", seats: 3, monthly_spend: 40 } } });
  expect(predicted.status()).toBe(200);
  const body = await predicted.json();
  expect(body.predictions[0]).toMatchObject({ churned: true, explanation: { status: "ok", units: "log_odds" } });

  // Every metric the loop computes, through the API and on the page.
  const metrics = await request.get(`/definitions/${loopId}/metrics`, { headers });
  expect(metrics.status()).toBe(200);
  const report = await metrics.json();
  expect(report).toMatchObject({ status: "success", loop_id: loopId, task_type: "classification", n_seen: 400, examples: { cumulative: 400, last_200: 200, last_1000: 400 } });
  expect(Object.keys(report.metrics)).toEqual(expect.arrayContaining(["accuracy", "log_loss", "macro_f1"]));
  expect(report.metrics.accuracy.model.last_200).toBeGreaterThan(report.metrics.accuracy.baselines.majority_class.last_200);

  await page.reload();
  // The inputs read as name and value, in the schema's order.
  const inputs = page.getByTestId("recent-predictions").getByTestId("prediction-inputs").first();
  await expect(inputs.locator("dt")).toHaveText(["plan", "seats", "monthly_spend"]);
  await expect(inputs.locator("dd").first()).toHaveText("basic");
  await expect(page.getByTestId("metric-chart").locator("svg .recharts-line").first()).toBeVisible();
  const table = page.getByTestId("metrics-table");
  for (const label of ["Accuracy", "Log-loss", "Macro-F1"]) await expect(table).toContainText(label);
  // Where it goes wrong: the confusion matrix of the last examples, with each class's precision and recall.
  const matrix = page.getByTestId("confusion-matrix");
  await expect(matrix.locator("thead th")).toHaveCount(3);
  for (const label of ["true", "false"]) await expect(matrix.locator("thead")).toContainText(label);
  await expect(page.getByTestId("per-class-metrics").locator("tbody tr")).toHaveCount(2);
  await expect(table.locator("tbody tr").first()).toContainText(report.metrics.accuracy.model.last_200.toFixed(3));
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(table).toBeVisible();
    await shot(page, `loop-detail-${width}`);
  }
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.getByLabel("plan").fill("enterprise");
  await page.getByLabel("seats").fill("30");
  await page.getByLabel("monthly_spend").fill("450");
  await page.getByRole("button", { name: "Predict", exact: true }).click();
  await expect(page.getByTestId("try-value")).toHaveText("false");
  await expect(page.getByTestId("contributions-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await shot(page, "loop-detail");

  await page.goto("/loops");
  await expect(page.getByRole("link", { name: "Churn" })).toBeVisible();
  await expect(page.getByText(/accuracy 0\.\d{3}/)).toBeVisible();
  await shot(page, "loops-list");
});

test("import a loop's fields from a CSV example and see its residuals", async ({ page, request }) => {
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill("ivy@example.com");
  await page.getByLabel("Username").fill("ivy");
  await page.getByLabel("Password").fill("residual-plots");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, ivy" })).toBeVisible();

  await page.goto("/loops/new");
  await page.getByLabel("Name", { exact: true }).fill("Spend");
  await page.getByText("Import fields from a CSV or JSON example").click();
  await page.getByLabel("CSV or JSON example").fill("zip,seats,tenure_months,monthly_spend\n02139,4,12,120.5\n10001,12,3,310.25\n");
  await expect(page.getByTestId("import-preview")).toContainText("4 fields from 2 sample rows: zip (string), seats (integer), tenure_months (integer), monthly_spend (float)");
  await page.getByLabel("Output column").selectOption("monthly_spend");
  await page.getByRole("button", { name: "Use these fields" }).click();
  await expect(page.getByLabel("Input field 1 name")).toHaveValue("zip");
  await expect(page.getByLabel("Input field 3 name")).toHaveValue("tenure_months");
  await expect(page.getByLabel("Output field name")).toHaveValue("monthly_spend");
  await expect(page.getByLabel("Output field type")).toHaveValue("float");
  await shot(page, "loops-new-imported");
  await page.getByRole("button", { name: "Create loop" }).click();
  const loopId = (await page.getByTestId("loop-id").textContent())!.trim();
  await page.getByRole("button", { name: "Generate API Key" }).click();
  const key = (await page.getByTestId("loop-key-secret").textContent())!.trim();
  const data = Array.from({ length: 300 }, (_, i) => ({ zip: String(10000 + (i % 7)), seats: 1 + (i % 20), tenure_months: i % 36, monthly_spend: 20 + 9.5 * (1 + (i % 20)) + (i % 36) }));
  expect((await request.post("/train/", { headers: { "X-api-key": key, "X-username": "ivy", "x-loop-id": loopId }, data: { data } })).status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("residual-plot").locator(".recharts-scatter-symbol").first()).toBeVisible();
  await shot(page, "loop-residuals");
});
