import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test("register a model through the API and see its version on the Models page", async ({ page, request }) => {
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill("mo@example.com");
  await page.getByLabel("Username").fill("mo");
  await page.getByLabel("Password").fill("model-registry");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, mo" })).toBeVisible();

  await page.goto("/models");
  await expect(page.getByText("No models registered")).toBeVisible();
  await page.goto("/keys?scope=models");
  await page.getByLabel("Name").fill("registry client");
  await page.getByRole("button", { name: "Generate key" }).click();
  const key = (await page.getByTestId("new-key-secret").textContent())!.trim();
  expect(key).toMatch(/^models_/);

  const headers = { Authorization: `Bearer ${key}` };
  const added = await request.post("/model/add", {
    headers,
    data: { modelname: "Ridge diabetes", modelkind: "regression", modeltags: ["linear", "demo"], drift_detection: [{ is_true: 1, method: 2 }] },
  });
  expect(added.status()).toBe(201);
  const { modelid } = await added.json();
  const uploaded = await request.post(`/model/${modelid}/upload`, {
    headers,
    multipart: {
      file: { name: "ridge.joblib", mimeType: "application/octet-stream", buffer: readFileSync("lib/models/fixtures/models/ridge.joblib") },
      file_kind: "model",
    },
  });
  expect(uploaded.status()).toBe(201);
  expect(await uploaded.json()).toMatchObject({ modelid, filekind: "model", filename: "ridge.joblib", version: 1 });

  await page.goto("/models");
  const row = page.getByRole("row", { name: /Ridge diabetes/ });
  await expect(row).toContainText("v1");
  await expect(row).toContainText("Ridge");
  await expect(row).toContainText("linear");
  await page.screenshot({ path: "e2e/output/screenshots/models.png", fullPage: true });

  // The detail page: versions, and uploads from the browser.
  await row.getByRole("link", { name: "Ridge diabetes" }).click();
  await expect(page.getByRole("heading", { name: "Ridge diabetes" })).toBeVisible();
  await expect(page.getByText("servable").first()).toBeVisible();
  await page.getByLabel("File kind").selectOption("env");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "requirements.txt", mimeType: "text/plain", buffer: Buffer.from("scikit-learn==1.2.1\n") });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByText("Uploaded requirements.txt")).toBeVisible();
  await expect(page.getByText("requirements.txt").last()).toBeVisible();

  // A pickle that would call os.system is refused and not stored.
  await page.getByLabel("File kind").selectOption("model");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "evil.pkl", mimeType: "application/octet-stream", buffer: Buffer.from("cposix\nsystem\n(S'ls'\ntR.", "latin1") });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByText("refused: posix.system")).toBeVisible();
  await page.screenshot({ path: "e2e/output/screenshots/model-detail.png", fullPage: true });
});
