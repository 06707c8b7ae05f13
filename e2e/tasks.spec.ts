import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signUp } from "./helpers";

// Human tasks from both sides: a member asks through the API with a live key, crunchers answer in
// the Work area (each in a browser context of their own), and the member reviews on the Tasks pages.

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/output/screenshots/${name}.png`, fullPage: true });

const member = { email: "rita@example.com", username: "rita", password: "requests-by-hand" };
const crunchers = ["cara", "cole", "cleo"].map((name) => ({ email: `${name}@example.com`, username: name, password: `${name}-answers-tasks` }));

let memberPage: Page;
let workers: Page[] = [];
const contexts: BrowserContext[] = [];
let key = "";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function ask(request: APIRequestContext, type: string, body: Record<string, unknown>): Promise<string> {
  const res = await request.post(`/v1/requests/${type}`, { headers: { "X-Heat-API-Key": key }, data: body });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

async function fetchRequest(request: APIRequestContext, id: string, block = 0) {
  const res = await request.get(`/v1/requests/${id}?block=${block}`, { headers: { "X-Heat-API-Key": key }, timeout: (block + 10) * 1000 });
  expect(res.status()).toBe(200);
  return res.json();
}

/**
 * Opens the Work area and takes tasks until the one with this instruction shows; any other task
 * (another suite's) is skipped. Crunchers work one at a time, so each request goes to the one meant.
 */
async function takeTask(page: Page, instruction: string, { keyboard = false } = {}) {
  await page.goto("/work");
  const start = page.getByRole("button", { name: "Start working" });
  if (keyboard) {
    await expect(start).toBeFocused(); // with tasks waiting, the page opens ready for Enter
    await page.keyboard.press("Enter");
  } else await start.click();
  const shown = page.getByTestId("task-instruction");
  for (let skipped = 0; skipped < 20; skipped++) {
    await expect(shown).toBeVisible({ timeout: 15_000 });
    const text = (await shown.textContent())?.trim() ?? "";
    if (text === instruction) return;
    await page.getByRole("button", { name: "Skip" }).click();
    await expect(shown).not.toHaveText(text);
  }
  throw new Error(`never got the task "${instruction}"`);
}

/** After an answer the page loads the next task by itself; leave so it does not keep leasing. */
async function finish(page: Page, instruction: string) {
  await expect(page.getByTestId("task-instruction").filter({ hasText: instruction })).toHaveCount(0);
  await page.goto("about:blank");
}

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async ({ browser }) => {
  memberPage = await newPage(browser);
  workers = [await newPage(browser), await newPage(browser), await newPage(browser)];
});

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
});

test("a member creates a live tasks key; three crunchers sign up", async () => {
  await signUp(memberPage, member);
  await expect(memberPage.getByRole("heading", { name: "Welcome, rita" })).toBeVisible();
  await memberPage.goto("/keys?scope=tasks");
  await memberPage.getByLabel("Name").fill("live tasks");
  await memberPage.getByLabel("Mode").selectOption("live");
  await memberPage.getByRole("button", { name: "Generate key" }).click();
  key = (await memberPage.getByTestId("new-key-secret").textContent())!.trim();
  expect(key).toMatch(/^live_/);

  // Crunchers join rita's workspace by invitation links (this server sends no mail: the link is shown once).
  await memberPage.goto("/members");
  for (const [i, cruncher] of crunchers.entries()) {
    await memberPage.getByLabel("E-mail").fill(cruncher.email);
    await memberPage.getByLabel("Role", { exact: true }).selectOption("cruncher");
    await memberPage.getByRole("button", { name: "Create invitation link" }).click();
    await expect(memberPage.getByTestId("invitation-link")).toContainText(cruncher.email);
    const link = (await memberPage.getByTestId("invitation-link").getAttribute("data-url"))!;
    await workers[i]!.goto(link);
    await workers[i]!.getByLabel("Username").fill(cruncher.username);
    await workers[i]!.getByLabel("Password").fill(cruncher.password);
    await workers[i]!.getByRole("button", { name: "Create account" }).click();
    await expect(workers[i]!).toHaveURL(/\/w\/rita\/work$/);
    await expect(workers[i]!.getByRole("heading", { name: "Work", exact: true })).toBeVisible();
  }
});

test("majority 2 of 3: three crunchers answer by keyboard, the blocked call returns complete", async ({ request }) => {
  const instruction = "Is this review about the product or the delivery?";
  const id = await ask(request, "multiple-choice", {
    instruction,
    attachments: ["The parcel came two weeks late and the box was crushed."],
    choices: ["product", "delivery", "both"],
    max_answers: 1,
    confidence: { strategy: "majority", min_agreements: 2, max_crunchers: 3 },
  });
  const started = Date.now();
  const blocked = fetchRequest(request, id, 60);

  for (const [i, choice] of [2, 1, 2].entries()) {
    const page = workers[i]!;
    await takeTask(page, instruction, { keyboard: true });
    if (i === 0) await shot(page, "work-multiple-choice");
    await page.keyboard.press(String(choice));
    await expect(page.getByRole("radio", { name: ["product", "delivery", "both"][choice - 1] })).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press("Enter");
    await finish(page, instruction);
  }

  const done = await blocked;
  expect(Date.now() - started).toBeLessThan(55_000);
  expect(done).toMatchObject({ id, status: "complete", response: ["delivery"] });
  expect(Object.values(done.raw_responses)).toEqual([["delivery"], ["product"], ["delivery"]]);

  // Each cruncher's own stats: the dissenter disagrees with the final answer.
  await workers[1]!.goto("/work");
  await expect(workers[1]!.getByTestId("stat-today")).toHaveText("1");
  await expect(workers[1]!.getByTestId("stat-agreement")).toHaveText("0%");
  await workers[0]!.goto("/work");
  await expect(workers[0]!.getByTestId("stat-agreement")).toHaveText("100%");
  await shot(workers[0]!, "work-stats");
  await workers[0]!.goto("about:blank");
  await workers[1]!.goto("about:blank");

  await memberPage.goto("/tasks");
  await expect(memberPage.getByTestId("status-counts")).toContainText("complete 1");
  await shot(memberPage, "tasks-list");
  await memberPage.getByRole("link", { name: instruction }).click();
  await expect(memberPage.getByTestId("request-status")).toHaveText("complete");
  await expect(memberPage.getByTestId("final-response")).toContainText("delivery");
  const rows = memberPage.getByTestId("raw-response");
  await expect(rows).toHaveCount(3);
  await expect(rows.and(memberPage.locator('[data-agrees="true"]'))).toHaveCount(2);
  await expect(rows.nth(1)).toHaveAttribute("data-agrees", "false");
  await shot(memberPage, "task-detail-multiple-choice");
});

let pictureUrl = "";

test("a generation request is answered by uploading an image; the response URL serves it", async ({ request }) => {
  const art = await memberPage.context().newPage();
  await art.setViewportSize({ width: 800, height: 500 });
  await art.setContent(`<body style="margin:0;background:linear-gradient(#bae6fd,#f0f9ff 60%,#86efac 60%);height:500px;font:bold 28px sans-serif">
    <div style="position:absolute;left:100px;top:80px;width:200px;height:180px;background:#fb923c;border-radius:40px 40px 20px 20px;display:grid;place-items:center">cat 1</div>
    <div style="position:absolute;left:450px;top:200px;width:250px;height:220px;background:#a16207;color:white;border-radius:40px 40px 20px 20px;display:grid;place-items:center">cat 2</div></body>`);
  const png = await art.screenshot();
  await art.close();

  const instruction = "Draw two cats in a meadow";
  const id = await ask(request, "image", { instruction, attachments: ["Cartoon style is fine."] });
  const page = workers[0]!;
  await takeTask(page, instruction);
  await shot(page, "work-image-upload");
  // A slow uplink (about 4 KiB/s) so the progress bar is seen moving.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 4 * 1024 });
  await page.getByLabel("Answer file").setInputFiles({ name: "cats.png", mimeType: "image/png", buffer: png });
  const progress = page.getByRole("progressbar", { name: "Upload progress" });
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 10_000 }).toBeGreaterThan(0);
  await shot(page, "work-image-uploading");
  await expect(page.getByTestId("uploaded-file")).toContainText("Uploaded cats.png", { timeout: 20_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await cdp.detach();
  await shot(page, "work-image-uploaded");
  await page.keyboard.press("Enter");
  await finish(page, instruction);

  const done = await fetchRequest(request, id, 10);
  expect(done.status).toBe("complete");
  expect(done.response).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/files\/[0-9a-f-]{36}$/);
  const file = await request.get(done.response);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("image/png");
  expect(Buffer.from(await file.body()).equals(png)).toBe(true);
  pictureUrl = done.response;
});

test("two rectangles drawn and rated on an image land where they were drawn, in image pixels", async ({ request }) => {
  const instruction = "Draw a box around each cat and rate how sure you are";
  const id = await ask(request, "annotations-with-rating", {
    instruction,
    attachments_type: "image",
    attachments: [pictureUrl],
    annotations_type: "rectangle",
    min_annotations: 2,
    max_annotations: 2,
    per_annotation: { instruction: "How sure are you that this is a cat?", rating_min: 0, rating_max: 10, label_min: "not sure", label_max: "certain" },
  });
  const page = workers[1]!;
  await takeTask(page, instruction);
  const surface = page.getByTestId("annotation-surface");
  await expect(surface).toHaveAttribute("data-natural-width", "800");
  const box = (await surface.boundingBox())!;
  const scale = box.width / 800;
  expect(scale).toBeLessThan(0.95); // shown smaller than it is, so screen and image pixels differ
  const drag = async (from: [number, number], to: [number, number]) => {
    await page.mouse.move(box.x + from[0] * scale, box.y + from[1] * scale);
    await page.mouse.down();
    await page.mouse.move(box.x + to[0] * scale, box.y + to[1] * scale, { steps: 8 });
    await page.mouse.up();
  };
  await drag([100, 80], [300, 260]);
  await page.keyboard.press("ArrowRight"); // the new mark's rating slider has the focus: 5 → 6
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("mark-panel").getByTestId("rating-value")).toHaveText("7");
  await drag([450, 200], [700, 420]);
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("mark-panel").getByTestId("rating-value")).toHaveText("2");
  await expect(page.getByTestId("mark-count")).toContainText("2");
  // A slip undone and redone brings the mark back as it was.
  // (The rating's three steps undo as one, then the mark itself.)
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("mark-count")).toHaveText(/^1 ·/);
  await page.getByRole("button", { name: "Redo" }).click();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(page.getByTestId("mark-count")).toHaveText(/^2 ·/);
  await page.getByTestId("mark-count").click();
  await shot(page, "work-annotations-with-rating");
  await page.keyboard.press("Enter");
  await finish(page, instruction);

  const done = await fetchRequest(request, id, 10);
  expect(done.status).toBe("complete");
  const [first, second] = done.response as { x: number; y: number; x2: number; y2: number; response: number }[];
  const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(2);
  for (const [mark, want] of [[first!, [100, 80, 300, 260, 7]], [second!, [450, 200, 700, 420, 2]]] as const) {
    near(mark.x, want[0]);
    near(mark.y, want[1]);
    near(mark.x2, want[2]);
    near(mark.y2, want[3]);
    expect(mark.response).toBe(want[4]);
  }

  await memberPage.goto(`/tasks/${id}`);
  await expect(memberPage.getByTestId("request-status")).toHaveText("complete");
  const review = memberPage.getByTestId("annotation-review").getByTestId("annotation-surface");
  await expect(review).toHaveAttribute("data-natural-width", "800");
  const rects = review.locator("rect");
  await expect(rects).toHaveCount(2);
  for (const [i, mark] of [first!, second!].entries()) {
    const rect = rects.nth(i);
    await expect(rect).toHaveAttribute("x", String(mark.x));
    await expect(rect).toHaveAttribute("width", String(mark.x2 - mark.x));
    // And on screen the box sits over the same part of the picture, whatever size it is shown at.
    const shown = (await review.boundingBox())!;
    const drawn = (await rect.boundingBox())!;
    const k = shown.width / 800;
    expect(Math.abs(drawn.x - (shown.x + mark.x * k))).toBeLessThan(3);
    expect(Math.abs(drawn.y - (shown.y + mark.y * k))).toBeLessThan(3);
  }
  await shot(memberPage, "task-detail-annotations");
});

test("every answer page: free text checked before submit, rating, audio marks, choices on marks, a website beside the question", async ({ request, baseURL }) => {
  const page = workers[2]!;

  const numberQuestion = "How many cats are in the picture?";
  await ask(request, "free-text", { instruction: numberQuestion, attachments_type: "image", attachments: [pictureUrl], validation: "number" });
  await takeTask(page, numberQuestion);
  await page.getByLabel("Your answer").fill("two");
  await expect(page.getByText("Must be a number")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("task-instruction")).toHaveText(numberQuestion); // refused before sending
  await shot(page, "work-free-text");
  await page.getByLabel("Your answer").fill("2");
  await page.keyboard.press("Enter");
  await finish(page, numberQuestion);

  const ratingQuestion = "How cute is this drawing?";
  await ask(request, "rating", { instruction: ratingQuestion, attachments_type: "image", attachments: [pictureUrl], rating_min: 1, rating_max: 5, label_min: "meh", label_max: "adorable" });
  await takeTask(page, ratingQuestion);
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("rating-value")).toHaveText("4");
  await shot(page, "work-rating");
  await page.keyboard.press("Enter");
  await finish(page, ratingQuestion);

  const audioQuestion = "Mark the moment the sound starts";
  await ask(request, "annotations", { instruction: audioQuestion, attachments_type: "audio", attachments: [`${baseURL}/v1/simulated/audio.mp3`] });
  await takeTask(page, audioQuestion);
  await page.keyboard.press("m");
  await expect(page.getByTestId("mark-list")).toContainText("at 0:00.0");
  await shot(page, "work-annotations-audio");
  await page.keyboard.press("Enter");
  await finish(page, audioQuestion);

  const pointsQuestion = "Click on each cat and say its colour";
  await ask(request, "annotations-with-multiple-choice", {
    instruction: pointsQuestion,
    attachments_type: "image",
    attachments: [pictureUrl, pictureUrl],
    per_annotation: { instruction: "Which colour?", choices: ["orange", "brown", "grey"], max_answers: 1 },
  });
  await takeTask(page, pointsQuestion);
  const second = page.getByTestId("annotation-surface").nth(1);
  await second.click({ position: { x: 100, y: 80 } });
  await page.keyboard.press("2");
  await expect(page.getByTestId("mark-panel").getByRole("radio", { name: "brown" })).toHaveAttribute("aria-checked", "true");
  await shot(page, "work-annotations-multiple-choice");
  await page.keyboard.press("Enter");
  await finish(page, pointsQuestion);

  const websiteQuestion = "Does this page offer a way to sign up?";
  await ask(request, "multiple-choice", { instruction: websiteQuestion, attachments_type: "website", attachments: [`${baseURL}/login`], choices: ["yes", "no"] });
  await takeTask(page, websiteQuestion);
  await expect(page.locator(`iframe[src="${baseURL}/login"]`)).toBeVisible();
  await expect(page.getByRole("link", { name: /Open in a new tab/ })).toBeVisible();
  await shot(page, "work-website");
  await page.getByRole("button", { name: "Skip" }).click();
  await finish(page, websiteQuestion);
});

test("a video answer is uploaded, served with ranges, and annotated at a moment of its timeline", async ({ request }) => {
  // A two-second WebM recorded from a canvas in the browser: a real, seekable video without fixtures.
  const art = await memberPage.context().newPage();
  const base64 = await art.evaluate(async () => {
    const canvas = Object.assign(document.createElement("canvas"), { width: 320, height: 180 });
    const g = canvas.getContext("2d")!;
    const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: "video/webm" });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start(100);
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const frame = () => {
        const t = (performance.now() - started) / 1000;
        g.fillStyle = "#0f172a";
        g.fillRect(0, 0, 320, 180);
        g.fillStyle = "#f97316";
        g.fillRect(20 + t * 120, 70, 40, 40);
        if (t < 2) requestAnimationFrame(frame);
        else resolve();
      };
      frame();
    });
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks, { type: "video/webm" }).arrayBuffer());
    let text = "";
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  });
  await art.close();
  const webm = Buffer.from(base64, "base64");

  const makeClip = "Record a short clip of a moving square";
  const clipId = await ask(request, "video", { instruction: makeClip });
  await takeTask(workers[0]!, makeClip);
  await workers[0]!.getByLabel("Answer file").setInputFiles({ name: "square.webm", mimeType: "video/webm", buffer: webm });
  await expect(workers[0]!.getByTestId("uploaded-file")).toContainText("Uploaded square.webm");
  await shot(workers[0]!, "work-video-upload");
  await workers[0]!.keyboard.press("Enter");
  await finish(workers[0]!, makeClip);
  const clipUrl = (await fetchRequest(request, clipId, 10)).response as string;
  const part = await request.get(clipUrl, { headers: { range: "bytes=0-99" } });
  expect(part.status()).toBe(206);
  expect((await part.body()).length).toBe(100);

  const whereIsIt = "Click on the square one second in";
  const id = await ask(request, "annotations", { instruction: whereIsIt, attachments_type: "video", attachments: [clipUrl] });
  const page = workers[1]!;
  await takeTask(page, whereIsIt);
  const surface = page.getByTestId("annotation-surface");
  await expect(surface).toHaveAttribute("data-natural-width", "320");
  await page.getByLabel("Position in the video").fill("1");
  await surface.click({ position: { x: 60, y: 50 } });
  await expect(page.getByTestId("mark-list")).toContainText("at 0:01.0");
  await shot(page, "work-annotations-video");
  await page.keyboard.press("Enter");
  await finish(page, whereIsIt);
  const [mark] = (await fetchRequest(request, id, 10)).response as { x: number; y: number; t: number }[];
  expect(mark!.t).toBeCloseTo(1, 0);
  expect(mark!.x).toBeGreaterThan(0);
});

test("the member sends a request by hand, blocks until answered, sees its webhook attempts, filters the list and aborts", async ({ request, baseURL }) => {
  await memberPage.goto("/tasks/new");
  await memberPage.getByLabel("Type").selectOption("annotations-with-rating");
  await expect(memberPage.getByLabel("Question for each mark")).toBeVisible();
  await shot(memberPage, "task-new-request-annotations");
  await memberPage.getByLabel("Type").selectOption("multiple-choice");
  // One answer unless the member asks for more, and the form says so.
  await expect(memberPage.getByLabel("Max answers")).toHaveValue("1");
  await expect(memberPage.getByText("1 = one answer; 0 = any number")).toBeVisible();
  await memberPage.getByRole("button", { name: "Send request" }).click();
  await expect(memberPage.getByTestId("request-problems")).toContainText("instruction");
  await memberPage.getByLabel("Instruction").fill("Is this sentence polite? 'Give me the report now.'");
  await memberPage.getByLabel("Choices (one per line)").fill("polite\nneutral\nrude\nrude");
  await memberPage.getByRole("button", { name: "Send request" }).click();
  await expect(memberPage.getByText("Line 4: Duplicate of choices[2]")).toBeVisible();
  await memberPage.getByLabel("Choices (one per line)").fill("polite\nneutral\nrude");
  await memberPage.getByRole("checkbox", { name: "Majority vote (confidence)" }).check();
  // The app's own /healthz answers a POST with 405: a failed delivery, logged with its status code.
  await memberPage.getByLabel("Webhook URL (optional)").fill(`${baseURL}/healthz`);
  await shot(memberPage, "task-new-request");
  await memberPage.getByRole("button", { name: "Send request" }).click();
  await expect(memberPage.getByTestId("sent-request")).toContainText("complete", { timeout: 30_000 });
  await shot(memberPage, "task-new-request-answered");

  await memberPage.getByRole("link", { name: "Open the request →" }).click();
  // Majority 2 of 3: the simulator's answers complete it after two (when they agree) or three.
  await expect(memberPage.getByTestId("raw-response").nth(1)).toBeVisible();
  expect(await memberPage.getByTestId("raw-response").count()).toBeLessThanOrEqual(3);
  const attempts = memberPage.getByTestId("webhook-attempts").locator("tbody tr");
  await expect(async () => {
    await memberPage.reload();
    await expect(attempts.first()).toContainText("405", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const before = await attempts.count();
  await memberPage.getByRole("button", { name: "Send again" }).click();
  await expect(memberPage.getByText("Queued")).toBeVisible();
  await expect(async () => {
    await memberPage.reload();
    expect(await attempts.count()).toBeGreaterThan(before);
  }).toPass({ timeout: 20_000 });
  await shot(memberPage, "task-detail-webhooks");

  await memberPage.goto("/tasks?mode=test");
  await expect(memberPage.getByTestId("task-row")).toHaveCount(1);
  await memberPage.goto("/tasks?type=rating");
  await expect(memberPage.getByTestId("task-row")).toHaveCount(1);

  const instruction = "Will anyone answer this in time?";
  const id = await ask(request, "free-text", { instruction });
  await memberPage.goto(`/tasks/${id}`);
  await expect(memberPage.getByText("Waiting for crunchers")).toBeVisible();
  await memberPage.getByRole("button", { name: "Abort request" }).click();
  await memberPage.getByRole("dialog").getByRole("button", { name: "Abort request" }).click();
  await expect(memberPage.getByTestId("request-status")).toHaveText("aborted");
  expect((await fetchRequest(request, id)).status).toBe("aborted");
});
