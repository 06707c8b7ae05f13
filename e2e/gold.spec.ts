import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";

// Gold questions from both sides: a requester sets the workspace's gold rule and asks control
// questions with known answers beside real ones; a careless cruncher answers the gold ones wrongly,
// is paused (told politely on the Work page, no more tasks), and the requester sees their accuracy.

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/output/screenshots/${name}.png`, fullPage: true });

const requester = { email: "gwen@example.com", username: "gwen", password: "gold-standard-questions" };
const cruncher = { email: "gary@example.com", username: "gary", password: "gary-guesses-wrong" };
const CHOICES = ["cat", "dog", "bird"];
/** Control questions: instruction → the known answer. */
const GOLD: Record<string, string> = {
  "Which animal is in photo 17?": "cat",
  "Which animal is in photo 42?": "dog",
  "Which animal is in photo 73?": "bird",
};
const REAL = ["Which animal is in photo 5?", "Which animal is in photo 8?", "Which animal is in photo 9?"];

const contexts: BrowserContext[] = [];
let requesterPage: Page;
let cruncherPage: Page;
let key = "";

async function ask(request: APIRequestContext, body: Record<string, unknown>): Promise<string> {
  const res = await request.post("/v1/requests/multiple-choice", { headers: { "X-Heat-API-Key": key }, data: body });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async ({ browser }) => {
  for (let i = 0; i < 2; i++) contexts.push(await browser.newContext());
  requesterPage = await contexts[0]!.newPage();
  cruncherPage = await contexts[1]!.newPage();
});

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
});

test("a requester sets the gold rule, asks gold and real questions, and invites a cruncher", async ({ request }) => {
  const page = requesterPage;
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill(requester.email);
  await page.getByLabel("Username").fill(requester.username);
  await page.getByLabel("Password").fill(requester.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, gwen" })).toBeVisible();

  await page.goto("/keys?scope=tasks");
  await page.getByLabel("Name").fill("live tasks");
  await page.getByLabel("Mode").selectOption("live");
  await page.getByRole("button", { name: "Generate key" }).click();
  key = (await page.getByTestId("new-key-secret").textContent())!.trim();

  // Every other task is gold; pause below 80% once three gold answers are in.
  await page.goto("/tasks/crunchers");
  const settings = page.getByTestId("gold-settings");
  await settings.getByLabel("Gold share of each cruncher's tasks (%)").fill("50");
  await settings.getByLabel("Pause crunchers below this gold accuracy (%; 0 = never)").fill("80");
  await settings.getByLabel("…after this many gold answers").fill("3");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByRole("status")).toHaveText("Saved.");

  for (const [instruction, gold] of Object.entries(GOLD)) await ask(request, { instruction, choices: CHOICES, max_answers: 1, gold });
  for (const instruction of REAL) await ask(request, { instruction, choices: CHOICES, max_answers: 1 });

  // Gold questions are kept out of the requester's list unless asked for.
  await page.goto("/tasks");
  await expect(page.getByTestId("task-row")).toHaveCount(REAL.length);
  await page.getByTestId("gold-toggle").click();
  await expect(page.getByTestId("task-row")).toHaveCount(Object.keys(GOLD).length);

  await page.goto("/members");
  await page.getByLabel("E-mail").fill(cruncher.email);
  await page.getByLabel("Role", { exact: true }).selectOption("cruncher");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByTestId("invitation-link")).toContainText(cruncher.email);
  const link = (await page.getByTestId("invitation-link").getAttribute("data-url"))!;
  await cruncherPage.goto(link);
  await cruncherPage.getByLabel("Username").fill(cruncher.username);
  await cruncherPage.getByLabel("Password").fill(cruncher.password);
  await cruncherPage.getByRole("button", { name: "Create account" }).click();
  await expect(cruncherPage).toHaveURL(/\/w\/gwen\/work$/);
});

test("a cruncher who answers gold wrongly is paused and told politely", async () => {
  const page = cruncherPage;
  await page.goto("/work");
  await page.getByRole("button", { name: "Start working" }).click();
  const shown = page.getByTestId("task-instruction");
  const paused = page.getByTestId("work-paused");
  const answered: string[] = [];
  for (let i = 0; i < 10; i++) {
    await expect(shown.or(paused)).toBeVisible({ timeout: 15_000 });
    if (await paused.isVisible()) break;
    const instruction = (await shown.textContent())!.trim();
    const known = GOLD[instruction];
    // Wrong on every gold question; the first choice on real ones.
    const choice = known ? CHOICES.findIndex((c) => c !== known) : 0;
    await page.keyboard.press(String(choice + 1));
    await expect(page.getByRole("radio", { name: CHOICES[choice] })).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press("Enter");
    answered.push(instruction);
    await expect(shown.filter({ hasText: instruction })).toHaveCount(0);
  }
  await expect(paused).toBeVisible();
  await expect(paused).toContainText("Thank you for your work so far");
  await shot(page, "work-paused-by-gold");
  // Gold came every other task: three wrong gold answers, two real tasks, and the third real task is no longer offered.
  expect(answered.filter((a) => GOLD[a])).toHaveLength(3);
  expect(answered.filter((a) => !GOLD[a])).toHaveLength(2);
  // Coming back later does not bring tasks either.
  await page.goto("/work");
  await expect(paused).toBeVisible();
  await expect(page.getByRole("button", { name: "Start working" })).toHaveCount(0);
});

test("the requester sees the cruncher's gold accuracy on the review pages", async () => {
  const page = requesterPage;
  await page.goto("/tasks?gold=true");
  await page.getByRole("link", { name: Object.keys(GOLD)[0]! }).click();
  await expect(page.getByTestId("gold-answer")).toBeVisible();
  const row = page.getByTestId("cruncher-quality").filter({ hasText: "gary" });
  await expect(row.getByTestId("gold-accuracy")).toHaveText(/^0 of 3 · 0% \(0%–\d+%\)$/);
  await expect(row).toContainText("paused by the gold rule");
  await shot(page, "review-gold-accuracy");

  await page.goto("/tasks/crunchers");
  await expect(page.getByTestId("cruncher-quality").filter({ hasText: "gary" }).getByTestId("gold-accuracy")).toContainText("0 of 3");
  await page.getByRole("link", { name: "gary" }).click();
  await expect(page.getByTestId("cruncher-paused")).toBeVisible();
});
