import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { nextRouteHandler } from "@/lib/http/next-adapter";
import { createFastPath } from "@/lib/http/node-adapter";
import { apiRouter } from "@/lib/http/routes";
import { MAX_BODY_BYTES, MAX_ROWS_PER_REQUEST, MAX_WEIGHTS } from "./limits";

/**
 * No loops request holds the event loop for long: while the largest /train/ and /predict/ allowed run
 * on the largest model allowed, a timer keeps firing. The requests go through both adapters, served in
 * this process; the test itself builds its bodies beforehand and never parses a large answer while
 * the timer is watched.
 */

/** Longest pause the timer may see: the engine's slices are 20 ms; the rest is slack for a busy machine. */
const MAX_GAP_MS = 100;

const STRINGS = 100;
const NUMBERS = 30;
const CLASSES = 10;

const server = http.createServer();
const fastPath = createFastPath(apiRouter);
server.on("request", (req, res) => {
  if (!fastPath(req, res)) res.writeHead(404).end();
});
const nextHandler = nextRouteHandler(apiRouter);
let base = "";
let account: Record<string, string> = {};

interface Sent {
  status: number;
  text: string;
}
type Send = (path: string, headers: Record<string, string>, body: string) => Promise<Sent>;
const adapters: [string, Send][] = [
  [
    "fast path",
    async (path, headers, body) => {
      const res = await fetch(`${base}${path}`, { method: "POST", headers, body });
      return { status: res.status, text: await res.text() };
    },
  ],
  [
    "next route adapter",
    async (path, headers, body) => {
      const res = await nextHandler(new Request(`http://localhost${path}`, { method: "POST", headers, body }));
      return { status: res.status, text: await res.text() };
    },
  ],
];

/** A row of the widest schema: every string value new to the model until it is full. */
function row(i: number, labelled: boolean): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  for (let f = 0; f < STRINGS; f++) r[`s${f}`] = `v${(i * 7 + f) % 150}`;
  for (let f = 0; f < NUMBERS; f++) r[`f${f}`] = (i * 31 + f) % 97;
  if (labelled) r.y = `class-${i % CLASSES}`;
  return r;
}
const body = (rows: Record<string, unknown>[]) => JSON.stringify({ data: rows });

/** Runs `work` while a 5 ms timer fires; returns the longest time between two of its runs. */
async function longestGap(work: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);

  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const owner = await makeAccount();
  account = { "X-api-key": await makeKey(owner.id, { scope: "loops" }), "X-username": owner.username, "Content-Type": "application/json" };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the event loop during the largest loops requests", () => {
  it.each(adapters)(`keeps running, with no pause over ${MAX_GAP_MS} ms, through the %s`, async (_name, send) => {
    const schema = Object.fromEntries([...Array.from({ length: STRINGS }, (_, f) => [`s${f}`, "string"]), ...Array.from({ length: NUMBERS }, (_, f) => [`f${f}`, "float"])]);
    const defined = await send("/definitions/", account, JSON.stringify({ name: "wide", task_type: "classification", input_schema: schema, output_schema: { y: "string" } }));
    expect(defined.status).toBe(200);
    const loopId: string = JSON.parse(defined.text).loop_id;
    const headers = { ...account, "x-loop-id": loopId };

    // The largest model: 10 classes of 10,000 columns (every value of 150 per string field; the later ones unseen).
    const trainBody = body(Array.from({ length: MAX_ROWS_PER_REQUEST }, (_, i) => row(i, true)));
    const predictBody = body(Array.from({ length: MAX_ROWS_PER_REQUEST }, (_, i) => row(i + 3, false)));
    expect(trainBody.length).toBeLessThan(MAX_BODY_BYTES);
    const filled = await send("/train/", headers, trainBody);
    expect(filled.status).toBe(200);

    const results: Sent[] = [];
    const gap = await longestGap(async () => {
      results.push(await send("/train/", headers, trainBody));
      results.push(await send("/predict/", headers, predictBody));
    });
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(gap).toBeLessThan(MAX_GAP_MS);
    const trained = JSON.parse(results[0]!.text);
    expect(trained).toMatchObject({ trained_samples: MAX_ROWS_PER_REQUEST, n_seen: 2 * MAX_ROWS_PER_REQUEST });
    const predicted = JSON.parse(results[1]!.text);
    expect(predicted.predictions).toHaveLength(MAX_ROWS_PER_REQUEST);
    expect(Object.keys(predicted.predictions[0].probabilities)).toHaveLength(CLASSES);
    // The model is as large as a loop's can be.
    const model = await fetch(`${base}/definitions/${loopId}/model`, { headers: account });
    const learner = (await model.json()).learner as { n_columns: number; weights: unknown[] };
    expect(learner.n_columns * learner.weights.length).toBe(MAX_WEIGHTS);
  }, 30_000);
});
