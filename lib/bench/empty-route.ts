import { z } from "zod";
import { defineRoute } from "@/lib/http/family";
import { platformApi } from "@/lib/http/families";

/**
 * The "empty handler" of the HTTP floor benchmark (bench/http-floor.ts): it parses a small JSON body
 * and answers a fixed reply, so a measurement shows the cost of the serving stack, not of any work.
 * Served only when CRUCIBLE_BENCH_ROUTES=1 (see lib/http/routes.ts).
 */
export const BENCH_PATH = "/bench/empty";

/** A representative request body (~350 bytes of JSON). */
export const BENCH_REQUEST_BODY = JSON.stringify({
  loop_id: "lp_01J9Z8Q4K7M2N5P8R1T3V6X9B2",
  learner_id: "ln_7f3c9a2e",
  event: "answer",
  item: { id: "it_4821", topic: "fractions", difficulty: 0.62 },
  response: { choice: "b", correct: true, latency_ms: 4312 },
  context: { session: "s_93ab41", attempt: 2, device: "web", locale: "en-GB" },
  features: [0.12, 0.87, 0.33, 0.5, 0.91],
  ts: "2026-11-14T09:21:43.512Z",
});

/** The fixed reply (~190 bytes of JSON). */
export const BENCH_REPLY = {
  status: "ok",
  accepted: true,
  loop_id: "lp_01J9Z8Q4K7M2N5P8R1T3V6X9B2",
  next_item: { id: "it_4822", difficulty: 0.66 },
  policy: { name: "thompson", version: 3 },
  mastery: 0.71,
  uncertainty: 0.12,
};

export const benchEmptyRoute = defineRoute(
  platformApi,
  { method: "POST", path: BENCH_PATH, public: true, body: z.looseObject({}) },
  async () => ({ status: 200, body: BENCH_REPLY }),
);
