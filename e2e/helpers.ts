import { readFileSync } from "node:fs";
import { expect, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";

// What several browser suites need: signing up, screen sizes, and the checks that a page fits the
// screen and a control can be tapped.

export interface Person {
  email: string;
  username: string;
  password: string;
}

export const DESKTOP = { name: "desktop", width: 1440, height: 900 } as const;
export const PHONE = { name: "phone", width: 390, height: 844 } as const;
export type Viewport = { name: string; width: number; height: number };

/** Fills and sends the sign-up form (a cruncher ticks "Answer tasks"); waits for nothing. */
export async function signUp(page: Page, user: Person, role?: "cruncher") {
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  if (role) await page.getByText("Answer tasks").click();
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs up and waits for the overview that greets the new account. */
export async function signUpToOverview(page: Page, user: Person) {
  await signUp(page, user);
  await expect(page.getByRole("heading", { name: `Welcome, ${user.username}` })).toBeVisible();
}

/** A browser context of that size; a phone-sized one has touch. */
export const contextAt = (browser: Browser, viewport: Viewport, colorScheme: "light" | "dark" = "light") =>
  browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, hasTouch: viewport.width < 640, isMobile: viewport.width < 640, colorScheme });

/** How far the page reaches past the right edge of the screen (0 when it fits). */
export const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The widest elements past the screen's edge, to say what overflows when something does. */
const culprits = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest(".overflow-x-auto, .overflow-auto, [aria-hidden], #app-nav"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} → ${Math.round(el.getBoundingClientRect().right)}px`),
  );

export async function expectFits(page: Page, what: string) {
  await page.waitForLoadState("networkidle").catch(() => {});
  const past = await overflow(page);
  expect(past, `${what} is ${past}px wider than the screen: ${past > 0 ? (await culprits(page)).join("; ") : ""}`).toBeLessThanOrEqual(0);
}

/** Visible and not covered: a tap there lands on it. */
export async function expectTappable(control: Locator) {
  await expect(control).toBeVisible();
  await control.scrollIntoViewIfNeeded();
  await control.click({ trial: true });
}

/** A key made on the keys page (tasks keys live); its secret, shown once. */
export async function newKey(page: Page, scope: "loops" | "models" | "tasks", name: string): Promise<string> {
  await page.goto(`/keys?scope=${scope}`);
  await page.getByLabel("Name").fill(name);
  if (scope === "tasks") await page.getByLabel("Mode").selectOption("live");
  await page.getByRole("button", { name: "Generate key" }).click();
  return (await page.getByTestId("new-key-secret").textContent())!.trim();
}

export const IRIS_FEATURES = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];
const IRIS_CSV = `${IRIS_FEATURES.join(",")},species\n5.1,3.5,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n6.3,3.3,6.0,2.5,2\n`;

/** Registers an iris classifier through the models API with its feature list, its pickle and a little training data; its id. */
export async function registerIrisModel(request: APIRequestContext, headers: Record<string, string>, modelname: string): Promise<string> {
  const added = await request.post("/model/add", {
    headers,
    data: { modelname, modelkind: "classification", featurelist: [...IRIS_FEATURES.map((f) => ({ feature_name: f, type: "cont", kind: 0 })), { feature_name: "species", type: "cat", kind: 1 }] },
  });
  expect(added.status()).toBe(201);
  const { modelid } = (await added.json()) as { modelid: string };
  for (const [name, kind, buffer] of [
    ["iris_logreg.pkl", "model", readFileSync("lib/models/fixtures/models/logreg_multinomial.p4.pkl")],
    ["iris.csv", "data", Buffer.from(IRIS_CSV)],
  ] as const) {
    expect((await request.post(`/model/${modelid}/upload`, { headers, multipart: { file: { name, mimeType: "application/octet-stream", buffer }, file_kind: kind } })).status()).toBe(201);
  }
  return modelid;
}
