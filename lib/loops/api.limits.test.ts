import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccount, makeKey } from "@/lib/auth/testing";
import { apiRouter } from "@/lib/http/routes";
import { adapterClients, type AdapterClient } from "@/lib/http/testing";
import { MAX_BODY_BYTES, MAX_CLASSES, MAX_QUEUED_TRAIN_ROWS, MAX_ROWS_PER_REQUEST } from "./limits";

/** The loops API past its limits (limits.ts), through both adapters: clear 422s, fast, in the loops shape. */

const clients = await adapterClients(apiRouter);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

let headers: Record<string, string>;
beforeAll(async () => {
  const account = await makeAccount();
  headers = { "X-api-key": await makeKey(account.id, { scope: "loops" }), "X-username": account.username, "Content-Type": "application/json" };
});

const json = (value: unknown) => JSON.stringify(value);
const failedShape = { status: "failed", message: expect.any(String), errors: expect.any(Array) };

describe.each(clients.map((c) => [c.name, c] as const))("loops API limits through the %s", (_name, client: AdapterClient) => {
  async function defineLoop(definition: Record<string, unknown>): Promise<Record<string, string>> {
    const res = await client.request("POST", "/definitions/", { headers, body: json({ name: "limits", ...definition }) });
    expect(res.status).toBe(200);
    return { ...headers, "x-loop-id": res.body.loop_id };
  }
  const post = (path: string, loop: Record<string, string>, body: unknown) => client.request("POST", path, { headers: loop, body: typeof body === "string" ? body : json(body) });

  it("refuses a 10,000-character loop name, and a definition past the limits, with every problem", async () => {
    const res = await client.request("POST", "/definitions/", {
      headers,
      body: json({ name: "n".repeat(10_000), task_type: "classification", input_schema: { ["f".repeat(150)]: "float" }, output_schema: { y: "string" } }),
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject(failedShape);
    expect(res.body.errors).toEqual(["name: 10,000 characters; the limit is 200", expect.stringMatching(/^input_schema: the field name "f{60}… \(150 characters\)" has 150 characters; the limit is 100$/)]);
  });

  it("refuses a 1 MiB class label: the request when it is the only row, the row in a batch", async () => {
    const loop = await defineLoop({ task_type: "classification", input_schema: { x: "float" }, output_schema: { y: "string" } });
    const label = "L".repeat(1024 * 1024);
    const alone = await post("/train/", loop, { data: { x: 1, y: label } });
    expect(alone.status).toBe(422);
    expect(alone.body).toMatchObject({ ...failedShape, errors: ["data: y: a label of 1,048,576 characters; the limit is 100"] });

    const batch = await post("/train/", loop, { data: [{ x: 1, y: "a" }, { x: 2, y: label }, { x: 3, y: "b" }] });
    expect(batch.status).toBe(200);
    expect(batch.body).toMatchObject({ trained_samples: 2, failed_samples: 1, errors: ["data[1]: y: a label of 1,048,576 characters; the limit is 100"] });
    const predicted = await post("/predict/", loop, { data: Array.from({ length: 3000 }, (_, i) => ({ x: i })).slice(0, MAX_ROWS_PER_REQUEST) });
    expect(predicted.status).toBe(200);
    expect(Object.keys(predicted.body.predictions[0].probabilities)).toEqual(["a", "b"]);
  });

  it(`caps a loop at ${MAX_CLASSES} classes: 5,000 distinct labels are row errors past the cap, answered quickly`, async () => {
    const loop = await defineLoop({ task_type: "classification", input_schema: { x: "float", c: "string" }, output_schema: { y: "string" } });
    const started = performance.now();
    let trained = 0;
    const errors: string[] = [];
    for (let batch = 0; batch < 5; batch++) {
      const rows = Array.from({ length: 1000 }, (_, i) => ({ x: i % 17, c: `c${i % 9}`, y: `label-${batch * 1000 + i}` }));
      const res = await post("/train/", loop, { data: rows });
      if (batch === 0) expect(res.status).toBe(200);
      else expect(res.status).toBe(422); // every row of these batches brings a new class
      trained += res.body.trained_samples ?? 0;
      errors.push(...res.body.errors);
    }
    expect(trained).toBe(MAX_CLASSES);
    expect(errors).toHaveLength(5000 - MAX_CLASSES);
    expect(errors[0]).toBe('data[100]: y: the new class "label-100" would be class 101; the limit is 100 classes per loop');
    expect(performance.now() - started).toBeLessThan(5000);
    const predicted = await post("/predict/", loop, { data: Array.from({ length: 300 }, (_, i) => ({ x: i, c: "c1" })) });
    expect(predicted.status).toBe(200);
    expect(Object.keys(predicted.body.predictions[0].probabilities)).toHaveLength(MAX_CLASSES);
  });

  it("refuses 100,000 rows before touching the loop, and an answer too large to send", async () => {
    const loop = await defineLoop({ task_type: "classification", input_schema: { x: "float" }, output_schema: { y: "integer" } });
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ x: i % 10, y: i % 100 }));
    for (const path of ["/train/", "/predict/"]) {
      const started = performance.now();
      const res = await post(path, loop, { data: rows });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ ...failedShape, message: "data has 100,000 rows; the limit is 1,000 per request: send them in several requests." });
      expect(performance.now() - started).toBeLessThan(2000);
    }
    expect((await post("/train/", loop, { data: rows.slice(0, 1000) })).body.trained_samples).toBe(1000);
    // 1,000 predictions of 100 probabilities each: past the answer's limit.
    const tooLarge = await post("/predict/", loop, { data: rows.slice(0, 1000) });
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body.message).toMatch(/^The answer passed the limit of 40,000 values \(class probabilities and listed contributors, over all rows\) at data\[396\], of 1,000 rows: send fewer rows or a smaller top_k\.$/);
    expect((await post("/predict/", loop, { data: rows.slice(0, 396) })).status).toBe(200);
  });

  it(`refuses a body over ${MAX_BODY_BYTES / 1024 / 1024} MiB with 413`, async () => {
    const loop = await defineLoop({ task_type: "regression", input_schema: { s: "string" }, output_schema: { y: "float" } });
    const big = json({ data: Array.from({ length: 1000 }, () => ({ s: "s".repeat(2100), y: 1 })) });
    expect(big.length).toBeGreaterThan(MAX_BODY_BYTES);
    const res = await post("/train/", loop, big);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ status: "failed", message: expect.stringMatching(/larger than the limit of 2097152 bytes/) });
  });

  it("reports over-long strings, arrays and deep objects as row errors naming the field, the limit and the size", async () => {
    const loop = await defineLoop({ task_type: "regression", input_schema: { s: "string", a: "array", o: "object" }, output_schema: { y: "float" } });
    let deep: unknown = 1;
    for (let i = 0; i < 20; i++) deep = { d: deep };
    const res = await post("/train/", loop, {
      data: [{ s: "ok", y: 1 }, { s: "x".repeat(5000), y: 1 }, { a: Array.from({ length: 2000 }, () => "v"), y: 1 }, { o: deep, y: 1 }, { o: { k: ["w".repeat(1001)] }, y: 2 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([
      "data[1]: s: string of 5,000 characters; the limit is 1,000",
      "data[2]: a: array of 2,000 elements; the limit is 1,000",
      "data[3]: o.d.d.d.d.d.d.d.d: nested deeper than 8 levels (the limit)",
      "data[4]: o.k[0]: string of 1,001 characters; the limit is 1,000",
    ]);
    const predicted = await post("/predict/", loop, { data: [{ s: "x".repeat(5000) }] });
    expect(predicted.status).toBe(422);
    expect(predicted.body.errors).toEqual(["data[0]: s: string of 5,000 characters; the limit is 1,000"]);
  });
});

describe("the training queue's bound", () => {
  it(`answers 503 in the loops shape past ${MAX_QUEUED_TRAIN_ROWS.toLocaleString("en-US")} waiting rows, and learns exactly what it acknowledged`, async () => {
    const client = clients[0]!;
    const created = await client.request("POST", "/definitions/", { headers, body: json({ name: "queue", task_type: "regression", input_schema: { x: "float" }, output_schema: { y: "float" } }) });
    const loop = { ...headers, "x-loop-id": created.body.loop_id };
    const batch = json({ data: Array.from({ length: MAX_ROWS_PER_REQUEST }, (_, i) => ({ x: i, y: 2 * i })) });
    const requests = 2 * (MAX_QUEUED_TRAIN_ROWS / MAX_ROWS_PER_REQUEST);
    const answers = await Promise.all(Array.from({ length: requests }, () => client.request("POST", "/train/", { headers: loop, body: batch })));
    const busy = answers.filter((a) => a.status === 503);
    const trained = answers.filter((a) => a.status === 200);
    expect(busy.length + trained.length).toBe(requests);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.body).toMatchObject({ status: "failed", message: "Too many training examples are waiting for this loop: retry shortly.", errors: [] });
    expect(busy[0]!.headers.get("retry-after")).toBe("1");
    const predicted = await client.request("POST", "/predict/", { headers: loop, body: json({ data: { x: 1 } }) });
    expect(predicted.body.predictions[0].n_seen).toBe(trained.length * MAX_ROWS_PER_REQUEST);
  }, 60_000);
});
