import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

// A requester uploads a small CSV of questions (one row broken, one a gold question), sees the broken
// row's problems, creates the rest in one go, and downloads the list as CSV.

const requester = { email: "uma@example.com", username: "uma", password: "uploads-in-bulk" };

const CSV = [
  "instruction,attachments,choices,gold",
  "Is this review positive?,Great product!,yes|no,",
  "Is this one positive?,Awful.,yes|no,",
  "Known positive?,I love it,yes|no,yes",
  ",Missing instruction,yes|no,",
  '"=HYPERLINK(""http://evil.example"")",Formula,yes|no,',
].join("\n");

test("upload a CSV, fix nothing, create the valid rows and export them", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill(requester.email);
  await page.getByLabel("Username").fill(requester.username);
  await page.getByLabel("Password").fill(requester.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, uma" })).toBeVisible();

  await page.goto("/tasks");
  await page.getByRole("link", { name: "Upload requests" }).first().click();
  await expect(page.getByRole("heading", { name: "Upload requests" })).toBeVisible();
  await page.getByLabel("Request type").selectOption("multiple-choice");
  await page.getByTestId("upload-file").setInputFiles({ name: "questions.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });

  await expect(page.getByTestId("upload-summary")).toHaveText("5 rows: 4 ready (1 gold), 1 with problems.");
  await expect(page.getByTestId("upload-row")).toHaveCount(5);
  await expect(page.getByTestId("upload-problems")).toContainText("Line 5: instruction");
  await page.screenshot({ path: "e2e/output/screenshots/bulk-upload-checked.png", fullPage: true });

  await page.getByRole("button", { name: "Create 4 requests" }).click();
  await expect(page.getByTestId("upload-done")).toContainText("Created 4 requests");

  await page.getByRole("link", { name: "See them on the Tasks page" }).click();
  await expect(page.getByTestId("task-row")).toHaveCount(3);
  await page.getByTestId("gold-toggle").click();
  await expect(page.getByTestId("task-row")).toHaveCount(1);
  await expect(page.getByTestId("task-row")).toContainText("Known positive?");
  await page.getByTestId("gold-toggle").click();
  await expect(page.getByTestId("task-row")).toHaveCount(3);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("task-export").getByRole("link", { name: "CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("requests-live.csv");
  const text = await readFile((await download.path())!, "utf8");
  const lines = text.trim().split("\n");
  expect(lines[0]).toBe("id,type,mode,gold,status,instruction,response,raw_responses,answers,agreement,confidence,created_at,completed_at");
  expect(lines).toHaveLength(4);
  expect(text).toContain("Is this review positive?");
  expect(text).not.toContain("Known positive?"); // gold questions are exported from the gold list only
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);

  // At a phone's width neither page scrolls sideways, and the controls used stay on screen.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/tasks", "/tasks/upload"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
  }
  await expect(page.getByLabel("Request type")).toBeInViewport();
  await page.screenshot({ path: "e2e/output/screenshots/bulk-upload-phone.png", fullPage: true });
});
