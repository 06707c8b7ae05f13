import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";

// A team in one workspace: the owner (the server's admin, ada) invites a member and a cruncher by
// link; the member builds, the owner sees it; the cruncher answers only this workspace's task; the
// owner disables the member, whose key stops at once; the audit log shows each step.

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/output/screenshots/${name}.png`, fullPage: true });
const ada = { email: "ada@example.com", password: "analytical-engine" };
const mo = { email: "mo.acme@example.com", username: "mo-acme", password: "builds-models" };
const cy = { email: "cy.acme@example.com", username: "cy-acme", password: "answers-questions" };

const contexts: BrowserContext[] = [];
let owner: Page;
let member: Page;
let cruncher: Page;
let memberKey = "";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function inviteLink(page: Page, email: string, role: string): Promise<string> {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByTestId("invitation-link")).toContainText(email);
  return (await page.getByTestId("invitation-link").getAttribute("data-url"))!;
}

async function acceptBySigningUp(page: Page, link: string, user: { username: string; password: string }) {
  await page.goto(link);
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async ({ browser }) => {
  [owner, member, cruncher] = [await newPage(browser), await newPage(browser), await newPage(browser)];
});
test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
});

test("the owner creates a team workspace and invites a member and a cruncher by link", async () => {
  await owner.goto("/login");
  await owner.getByLabel("E-mail").fill(ada.email);
  await owner.getByLabel("Password").fill(ada.password);
  await owner.getByRole("button", { name: "Sign in" }).click();
  await owner.waitForURL(/\/w\//);
  await owner.goto("/workspaces");
  await owner.getByLabel("Name").fill("Acme data");
  await owner.getByRole("button", { name: "Create workspace" }).click();
  await expect(owner).toHaveURL(/\/w\/acme-data\/members$/);
  const memberLink = await inviteLink(owner, mo.email, "member");
  const cruncherLink = await inviteLink(owner, cy.email, "cruncher");
  await shot(owner, "workspace-members-invited");

  await acceptBySigningUp(member, memberLink, mo);
  await expect(member).toHaveURL(/\/w\/acme-data$/);
  await acceptBySigningUp(cruncher, cruncherLink, cy);
  await expect(cruncher).toHaveURL(/\/w\/acme-data\/work$/);
  await expect(cruncher.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Work"]);

  await owner.reload();
  await expect(owner.getByTestId(`member-${mo.username}`)).toContainText("Member");
  await expect(owner.getByTestId(`member-${cy.username}`)).toContainText("Cruncher");
  await shot(owner, "workspace-members");
});

test("the member creates a loop and a model that the owner sees", async ({ request }) => {
  await member.goto("/w/acme-data/keys");
  await member.getByLabel("Name").fill("mo's models key");
  await member.getByLabel("Scope").selectOption("models");
  await member.getByRole("button", { name: "Generate key" }).click();
  memberKey = (await member.getByTestId("new-key-secret").textContent())!.trim();
  const created = await request.post("/model/add", { headers: { "X-api-key": memberKey }, data: { modelname: "Acme churn model", modelkind: "Classifier" } });
  expect(created.status(), await created.text()).toBe(201);

  await member.goto("/w/acme-data/loops/new");
  await member.getByLabel("Name", { exact: true }).fill("Acme demand loop");
  await member.getByRole("button", { name: "Create, define through the API" }).click();
  await expect(member).toHaveURL(/\/w\/acme-data\/loops\/[0-9a-f-]{36}$/);

  await owner.goto("/w/acme-data/models");
  await expect(owner.getByText("Acme churn model")).toBeVisible();
  await owner.goto("/w/acme-data/loops");
  await expect(owner.getByText("Acme demand loop")).toBeVisible();
  await shot(owner, "workspace-loops-seen-by-owner");
  // The overview counts what the workspace holds.
  await owner.goto("/w/acme-data");
  await expect(owner.getByTestId("workspace-counts")).toContainText(/1\s*loops/);
  await expect(owner.getByTestId("workspace-counts")).toContainText(/1\s*models/);
  await shot(owner, "workspace-overview");
  // Not in the owner's personal workspace.
  await owner.goto("/w/ada/models");
  await expect(owner.getByText("Acme churn model")).toHaveCount(0);
});

test("the cruncher answers this workspace's task and sees nothing of another's", async ({ request }) => {
  const keyOf = async (slug: string) => {
    await owner.goto(`/w/${slug}/keys?scope=tasks`);
    await owner.getByLabel("Name").fill(`${slug} live tasks`);
    await owner.getByLabel("Mode").selectOption("live");
    await owner.getByRole("button", { name: "Generate key" }).click();
    return (await owner.getByTestId("new-key-secret").textContent())!.trim();
  };
  const ask = async (key: string, instruction: string) => {
    const res = await request.post("/v1/requests/free-text", { headers: { "X-Heat-API-Key": key }, data: { instruction } });
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { id: string }).id;
  };
  const elsewhere = await ask(await keyOf("ada"), "A question of ada's own workspace");
  const acmeKey = await keyOf("acme-data");
  const id = await ask(acmeKey, "What does Acme make?");

  await cruncher.goto("/w/acme-data/work");
  await cruncher.getByRole("button", { name: "Start working" }).click();
  await expect(cruncher.getByTestId("task-instruction")).toHaveText("What does Acme make?");
  await shot(cruncher, "workspace-cruncher-task");
  await cruncher.getByPlaceholder("Type your answer").fill("Anvils");
  await cruncher.keyboard.press("Enter");
  await expect(cruncher.getByRole("heading", { name: "All caught up" })).toBeVisible({ timeout: 15_000 }); // the other workspace's task is never offered
  const done = await request.get(`/v1/requests/${id}`, { headers: { "X-Heat-API-Key": acmeKey } });
  expect(await done.json()).toMatchObject({ status: "complete", response: "Anvils" });
  // The other workspace's task was never offered, and its id is unknown to this workspace's key.
  expect((await request.get(`/v1/requests/${elsewhere}`, { headers: { "X-Heat-API-Key": acmeKey } })).status()).toBe(404);
  await cruncher.goto("/w/ada/work");
  await expect(cruncher).toHaveURL(/\/w\/ada\/work$/);
  await expect(cruncher.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the owner disables the member: their key gets 401 at once, and the audit log shows each step", async ({ request }) => {
  expect((await request.get("/model/all", { headers: { "X-api-key": memberKey } })).status()).toBe(200);
  await owner.goto("/w/acme-data/admin");
  await owner.getByTestId(`account-${mo.username}`).getByRole("button", { name: "Disable" }).click();
  await owner.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
  await expect(owner.getByTestId(`account-${mo.username}`)).toContainText("disabled");
  expect((await request.get("/model/all", { headers: { "X-api-key": memberKey } })).status()).toBe(401);
  await member.goto("/w/acme-data/models");
  await expect(member).toHaveURL(/\/login/);

  await owner.goto("/w/acme-data/audit");
  for (const step of ["Invitation sent", "Joined by invitation", "API key created", "Account disabled"]) {
    await expect(owner.getByTestId("audit-row").filter({ hasText: step }).first()).toBeVisible();
  }
  await owner.getByLabel("Person").selectOption({ label: mo.username });
  await expect(owner.getByTestId("audit-row").first()).toContainText(mo.username);
  await shot(owner, "workspace-audit");
  const csv = await owner.request.get("/api/workspace/audit.csv?ws=acme-data");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toMatch(/^time,actor,action,target,detail\n/);
});
