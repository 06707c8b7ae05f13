/**
 * Human-task consensus benchmark: a simulated crowd (lib/tasks/consensus/simulated-crowd.ts) answers
 * multiple-choice requests; majority voting, Dawid–Skene and adaptive overlap are scored against the
 * true answers on the same answers, and our EM is compared with crowd-kit's DawidSkene update
 * (bench/crowd_kit_ds.py, a numpy port) on the same data. Pure computation, a few seconds.
 *
 *   npm run bench:crowd                    (esbuild, then node dist/bench/crowd.js)
 *   npx tsx bench/crowd.ts [--seed N] [--json FILE]
 *
 * Without python3 + numpy the crowd-kit comparison is skipped with a note.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { mulberry32 } from "@/lib/seeded-random";
import { decideConsensus } from "@/lib/tasks/agreement";
import { consensusModel, decideAdaptive, type ConsensusModel } from "@/lib/tasks/consensus/adaptive-overlap";
import { dawidSkene, type LabelledAnswer } from "@/lib/tasks/consensus/dawid-skene";
import { sample, simulatedCrunchers, simulatedLabel, simulatedQuestions, type SimulatedQuestion } from "@/lib/tasks/consensus/simulated-crowd";
import { parseRequestBody, type ParamsByType } from "@/lib/tasks/request-types";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SEED = Number(option("--seed") ?? 23);
const JSON_FILE = option("--json");

const CRUNCHERS = 50;
const SPAMMERS = 5;
const REQUESTS = 1_000;
const [MIN_CHOICES, MAX_CHOICES] = [3, 5];
/** The workspace's past: requests answered by 3 crunchers each, a tenth of them gold. */
const HISTORY_OVERLAP = 3;
const GOLD_SHARE = 0.1;
/** Crunchers drawn per live request, in the order they would answer; every strategy reads a prefix. */
const DRAWN = 9;
const BUDGETS = [3, 5] as const;
const MIN_CONFIDENCES = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99];
const ADAPTIVE_MAX = [5, 9];
const REFIT_EVERY = 100;

const random = mulberry32(SEED);
const crowd = simulatedCrunchers(random, CRUNCHERS, SPAMMERS, 0, 0.95);
const history = simulatedQuestions(random, REQUESTS, MIN_CHOICES, MAX_CHOICES, "h");
const historyAnswers: LabelledAnswer[] = history.flatMap((q) =>
  sample(random, CRUNCHERS, HISTORY_OVERLAP).map((c) => ({ item: q.id, worker: crowd[c]!.id, label: simulatedLabel(random, crowd[c]!, q) })),
);
const gold = Object.fromEntries(history.slice(0, Math.round(REQUESTS * GOLD_SHARE)).map((q) => [q.id, q.truth]));
const live = simulatedQuestions(random, REQUESTS, MIN_CHOICES, MAX_CHOICES, "r");
/** Per live request, DRAWN answers in arrival order. */
const liveAnswers: LabelledAnswer[][] = live.map((q) =>
  sample(random, CRUNCHERS, DRAWN).map((c) => ({ item: q.id, worker: crowd[c]!.id, label: simulatedLabel(random, crowd[c]!, q) })),
);
const itemClasses = Object.fromEntries([...history, ...live].map((q) => [q.id, q.choices]));
const tieRandom = mulberry32(SEED + 1);

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const accuracyOf = (labels: (number | null)[]) => labels.filter((label, i) => label === live[i]!.truth).length / live.length;

/** The most voted choice; ties broken at random (seeded). */
function plurality(q: SimulatedQuestion, answers: LabelledAnswer[]): number {
  const votes = new Array<number>(q.choices).fill(0);
  for (const a of answers) votes[a.label]!++;
  const best = Math.max(...votes);
  const tied = votes.flatMap((v, k) => (v === best ? [k] : []));
  return tied[Math.floor(tieRandom() * tied.length)]!;
}

/** The app's own rule today (lib/tasks/agreement.ts): min_agreements of max_crunchers, early stop, null without agreement. */
function appMajority(q: SimulatedQuestion, answers: LabelledAnswer[], minAgreements: number, maxCrunchers: number) {
  const choices = Array.from({ length: q.choices }, (_, k) => `choice ${k}`);
  const parsed = parseRequestBody("multiple-choice", { instruction: "Which?", choices, max_answers: 1, confidence: { min_agreements: minAgreements, max_crunchers: maxCrunchers } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const params: ParamsByType["multiple-choice"] = parsed.params;
  for (let n = 1; n <= answers.length; n++) {
    const decision = decideConsensus("multiple-choice", params, answers.slice(0, n).map((a) => ({ cruncherId: a.worker, answer: [choices[a.label]!] })));
    if (decision.state === "complete") return { label: choices.indexOf(decision.response[0]!), used: n };
    if (decision.state === "no_agreement") return { label: null, used: n };
  }
  throw new Error("ran out of drawn answers");
}

/**
 * Live requests in arrival order; after every REFIT_EVERY requests the matrices are refitted over the
 * history and the live answers so far, as a workspace would refit over its growing history.
 */
function adaptive(minConfidence: number, maxCrunchers: number) {
  let used = 0;
  let nulls = 0;
  let model: ConsensusModel = consensusModel(historyFit);
  const seen: LabelledAnswer[] = [...historyAnswers];
  const labels = live.map((q, i) => {
    if (i > 0 && i % REFIT_EVERY === 0) model = consensusModel(dawidSkene({ classes: MAX_CHOICES, answers: seen, itemClasses, gold }));
    const answers = liveAnswers[i]!;
    for (let n = 0; n <= maxCrunchers; n++) {
      const decision = decideAdaptive(model, q.choices, answers.slice(0, n).map((a) => ({ cruncherId: a.worker, label: a.label })), { minConfidence, maxCrunchers });
      if (decision.state === "pending") continue;
      used += n;
      seen.push(...answers.slice(0, n));
      if (decision.state === "complete") return decision.label;
      nulls++;
      return null;
    }
    throw new Error("adaptive overlap never decided");
  });
  return { minConfidence, maxCrunchers, accuracy: accuracyOf(labels), answersPerRequest: used / live.length, nulls };
}

const historyFit = dawidSkene({ classes: MAX_CHOICES, answers: historyAnswers, itemClasses, gold });

// 1. Equal budgets: every request gets its first b answers.
const budgets = BUDGETS.map((b) => {
  const answers = liveAnswers.map((a) => a.slice(0, b));
  const started = performance.now();
  const dsLive = dawidSkene({ classes: MAX_CHOICES, answers: answers.flat(), itemClasses });
  const fitMs = performance.now() - started;
  const dsHistory = dawidSkene({ classes: MAX_CHOICES, answers: [...historyAnswers, ...answers.flat()], itemClasses, gold });
  const byId = (fit: typeof dsLive) => new Map(fit.items.map((item) => [item.id, item.label]));
  const [liveLabels, historyLabels] = [byId(dsLive), byId(dsHistory)];
  const minAgreements = Math.floor(b / 2) + 1;
  const app = live.map((q, i) => appMajority(q, liveAnswers[i]!, minAgreements, b));
  return {
    budget: b,
    majority: accuracyOf(live.map((q, i) => plurality(q, answers[i]!))),
    dawidSkene: accuracyOf(live.map((q) => liveLabels.get(q.id)!)),
    dawidSkeneWithHistory: accuracyOf(live.map((q) => historyLabels.get(q.id)!)),
    dsIterations: dsLive.iterations,
    dsConverged: dsLive.converged,
    dsFitMs: fitMs,
    app: { rule: `${minAgreements} of ${b}`, accuracy: accuracyOf(app.map((a) => a.label)), answersPerRequest: app.reduce((s, a) => s + a.used, 0) / live.length, nulls: app.filter((a) => a.label === null).length },
  };
});

// 2. Adaptive overlap with the matrices of the workspace's history (gold-seeded).
const adaptiveRows = ADAPTIVE_MAX.flatMap((max) => MIN_CONFIDENCES.map((c) => adaptive(c, max)));
const cheapestReaching = (target: number) =>
  adaptiveRows.filter((r) => r.accuracy >= target).sort((a, b) => a.answersPerRequest - b.answersPerRequest)[0] ?? null;
const targets = budgets.flatMap((b) => [
  { against: `majority vote, ${b.budget} answers`, accuracy: b.majority, answersPerRequest: b.budget },
  { against: `app majority ${b.app.rule}`, accuracy: b.app.accuracy, answersPerRequest: b.app.answersPerRequest },
]).map((t) => {
  const row = cheapestReaching(t.accuracy);
  return { ...t, adaptive: row, saving: row ? 1 - row.answersPerRequest / t.answersPerRequest : null };
});

// 3. Spammer detection in the history fit.
const spammerIds = new Set(crowd.filter((c) => c.spammer).map((c) => c.id));
const estimated = historyFit.workers.map((w) => ({ id: w.id, accuracy: w.accuracy, spammer: spammerIds.has(w.id) }));
const spammerMaxAccuracy = Math.max(...estimated.filter((w) => w.spammer).map((w) => w.accuracy));
const honestMedian = estimated.filter((w) => !w.spammer).map((w) => w.accuracy).sort((a, b) => a - b)[Math.floor((CRUNCHERS - SPAMMERS) / 2)]!;

// 4. crowd-kit's update on the same answers (budget 5, live requests).
function crowdKitComparison() {
  const python = process.env.BENCH_PYTHON ?? "python3";
  const probe = spawnSync(python, ["-c", "import numpy"], { encoding: "utf8" });
  if (probe.status !== 0) return { skipped: `${python} with numpy is not available` };
  const answers = liveAnswers.flatMap((a) => a.slice(0, 5));
  const taskIndex = new Map(live.map((q, i) => [q.id, i]));
  const workerIndex = new Map(crowd.map((c, i) => [c.id, i]));
  const rows = answers.map((a) => [taskIndex.get(a.item)!, workerIndex.get(a.worker)!, a.label]);
  const script = path.join(process.cwd(), "bench", "crowd_kit_ds.py");
  const check = spawnSync(python, [script, "--check"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`crowd_kit_ds.py --check failed: ${check.stderr}`);
  const run = (nIter: number, tol: number) => {
    const out = spawnSync(python, [script], { input: JSON.stringify({ answers: rows, n_iter: nIter, tol }), encoding: "utf8", maxBuffer: 64 << 20 });
    if (out.status !== 0) throw new Error(`crowd_kit_ds.py failed: ${out.stderr}`);
    return JSON.parse(out.stdout) as { probas: number[][]; labels: number[]; iterations: number };
  };
  const reference = run(100, 1e-5); // crowd-kit's defaults
  const K = reference.probas[0]!.length;
  // Same update, same number of rounds: no smoothing or shrinkage (clip), every item over all K labels, no early stop.
  const same = dawidSkene({ classes: K, answers }, { smoothing: 0, shrinkage: 0, tolerance: 0, maxIterations: reference.iterations });
  let maxDiff = 0;
  same.items.forEach((item, i) => item.posterior.forEach((p, k) => (maxDiff = Math.max(maxDiff, Math.abs(p - reference.probas[i]![k]!)))));
  const agree = (labels: number[]) => labels.filter((l, i) => l === reference.labels[i]).length / labels.length;
  const ours = dawidSkene({ classes: MAX_CHOICES, answers, itemClasses });
  return {
    referenceIterations: reference.iterations,
    referenceAccuracy: accuracyOf(reference.labels),
    sameUpdate: { maxPosteriorDiff: maxDiff, labelAgreement: agree(same.items.map((i) => i.label)), accuracy: accuracyOf(same.items.map((i) => i.label)) },
    ourDefaults: { labelAgreement: agree(ours.items.map((i) => i.label)), accuracy: accuracyOf(ours.items.map((i) => i.label)), iterations: ours.iterations },
  };
}
const crowdKit = crowdKitComparison();

// Report.
console.log(`Human-task consensus bench: seed ${SEED}, ${CRUNCHERS} crunchers (${SPAMMERS} spammers, skills 0–0.95), ${REQUESTS} live requests with ${MIN_CHOICES}–${MAX_CHOICES} choices`);
console.log(`history: ${REQUESTS} requests × ${HISTORY_OVERLAP} answers, ${pct(GOLD_SHARE)} gold\n`);
console.log("| answers per request | majority vote | Dawid–Skene (live answers only) | Dawid–Skene (history + gold) | app majority rule | its answers per request | its nulls |");
console.log("|---:|---:|---:|---:|---|---:|---:|");
for (const b of budgets) {
  console.log(`| ${b.budget} | ${pct(b.majority)} | **${pct(b.dawidSkene)}** | ${pct(b.dawidSkeneWithHistory)} | ${b.app.rule}: ${pct(b.app.accuracy)} | ${b.app.answersPerRequest.toFixed(2)} | ${b.app.nulls} |`);
}
console.log(`\nDawid–Skene fit on ${REQUESTS * BUDGETS.at(-1)!} answers: ${budgets.at(-1)!.dsFitMs.toFixed(0)} ms, ${budgets.at(-1)!.dsIterations} rounds${budgets.at(-1)!.dsConverged ? "" : " (not converged)"}`);
console.log("\n| adaptive: min_confidence | max_crunchers | accuracy | answers per request | nulls |");
console.log("|---:|---:|---:|---:|---:|");
for (const r of adaptiveRows) console.log(`| ${r.minConfidence} | ${r.maxCrunchers} | ${pct(r.accuracy)} | ${r.answersPerRequest.toFixed(2)} | ${r.nulls} |`);
console.log("\n| to reach | accuracy | its answers per request | cheapest adaptive setting | its answers | fewer answers |");
console.log("|---|---:|---:|---|---:|---:|");
for (const t of targets) {
  const a = t.adaptive;
  console.log(`| ${t.against} | ${pct(t.accuracy)} | ${t.answersPerRequest.toFixed(2)} | ${a ? `${a.minConfidence} / ${a.maxCrunchers} (${pct(a.accuracy)})` : "none"} | ${a ? a.answersPerRequest.toFixed(2) : "–"} | ${t.saving === null ? "–" : `**${pct(t.saving)}**`} |`);
}
console.log(`\nspammers' estimated accuracy (history fit): at most ${pct(spammerMaxAccuracy)}; honest crunchers' median ${pct(honestMedian)}`);
if ("skipped" in crowdKit) console.log(`\ncrowd-kit comparison SKIPPED: ${crowdKit.skipped}`);
else {
  console.log(`\ncrowd-kit DawidSkene (numpy port, defaults n_iter=100 tol=1e-5: ${crowdKit.referenceIterations} rounds) on the 5-answer live data: accuracy ${pct(crowdKit.referenceAccuracy)}`);
  console.log(`  ours, same update (smoothing and shrinkage 0, ${crowdKit.referenceIterations} rounds): max |Δ posterior| ${crowdKit.sameUpdate.maxPosteriorDiff.toExponential(1)}, same label ${pct(crowdKit.sameUpdate.labelAgreement)}, accuracy ${pct(crowdKit.sameUpdate.accuracy)}`);
  console.log(`  ours, defaults (smoothing 0.01, shrinkage 2, per-request choices, ${crowdKit.ourDefaults.iterations} rounds): same label ${pct(crowdKit.ourDefaults.labelAgreement)}, accuracy ${pct(crowdKit.ourDefaults.accuracy)}`);
}

const b = budgets;
const met = {
  dawidSkeneBeatsMajority: b.every((x) => x.dawidSkene > x.majority),
  adaptiveSaves30: targets.filter((t) => t.against.startsWith("majority vote")).every((t) => t.saving !== null && t.saving >= 0.3),
};
console.log(`\ntargets: Dawid–Skene beats majority at equal budget: ${met.dawidSkeneBeatsMajority ? "met" : "NOT met"}; adaptive reaches majority's accuracy with ≥ 30% fewer answers: ${met.adaptiveSaves30 ? "met" : "NOT met"}`);
if (JSON_FILE) writeFileSync(JSON_FILE, JSON.stringify({ seed: SEED, budgets, adaptive: adaptiveRows, targets, spammerMaxAccuracy, honestMedian, crowdKit, met }, null, 2));
