/**
 * Deployments benchmark (issue 7, issue 17 item 7): single-row predict over HTTP for Ridge, a 100-tree
 * RandomForest, a GradientBoosting classifier, an RBF SVC, a preprocessing pipeline (imputers, scaler,
 * one-hot encoder, Ridge), an MLP and a MultinomialNB at concurrency 1 and 32, against two peers run in the same
 * command (the original implementation's FastAPI app shape, with joblib.load on every request and
 * with the model loaded once), plus in-process predict and TreeSHAP µs per row.
 *
 *   npm run bench:deployments                          (builds first)
 *   node dist/bench/deployments.js [--quick] [--duration S] [--json FILE] [--tool wrk|autocannon]
 *                                  [--server-cpu-prof DIR] [--keep-data] [--models ridge,svc_rbf,pipeline,mlp,naive_bayes]
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createModelsClient, deploy, predictBody, predictOnce, registerModel, startCrucible, stopChild, wipeDataDir } from "./deployments-crucible";
import { measureInProcess, type InProcessResult } from "./deployments-inprocess";
import { postLoad, hasWrk, wrkVersion, type Load, type LoadTool } from "./post-load";
import { missingPython, PEER_MODES, peerVersions, startPeer, trainModels, type Peer, type TrainedModel } from "./deployments-peers";
import { children } from "./processes";

/** The repo's data sets; a copy of the tree elsewhere falls back to the same files from python3-sklearn. */
const SHARED_DATA = path.resolve("../shared/data");
const CONNECTIONS = [1, 32] as const;
const TREESHAP_TARGET_US = 5_000;
const RPS_TARGET_RATIO = 3;

function options(argv: string[]) {
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const quick = argv.includes("--quick");
  const duration = quick ? 1 : Math.max(1, Math.round(Number(value("--duration") ?? 8)));
  if (!Number.isFinite(duration)) throw new Error("--duration takes a number of seconds");
  const tool = value("--tool");
  if (tool !== undefined && tool !== "wrk" && tool !== "autocannon") throw new Error("--tool is wrk or autocannon");
  return {
    quick,
    duration,
    warmup: quick ? 1 : 2,
    rows: quick ? 16 : 64,
    passes: quick ? 3 : 20,
    json: value("--json"),
    tool: (tool ?? (hasWrk() ? "wrk" : "autocannon")) as LoadTool,
    cpuProfileDir: value("--server-cpu-prof") ? path.resolve(value("--server-cpu-prof")!) : undefined,
    keepData: argv.includes("--keep-data"),
    models: value("--models")?.split(",").filter(Boolean),
  };
}
type Options = ReturnType<typeof options>;

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A server under test: where to POST and with which headers. */
interface Endpoint { name: string; base: string; headers: Record<string, string> }

// ---- correctness: every server answers what scikit-learn computed
function samePrediction(a: number | string, b: number | string, regression: boolean): boolean {
  if (!regression || typeof a !== "number" || typeof b !== "number") return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)); // one-row BLAS sums may differ in the last bits
}

async function checkPredictions(model: TrainedModel, endpoints: Endpoint[]): Promise<string[]> {
  const problems: string[] = [];
  for (const endpoint of endpoints) {
    for (const [i, row] of model.rows.entries()) {
      const got = (await predictOnce(endpoint.base, endpoint.headers, `bench-${model.name}`, row))[0]!;
      if (!samePrediction(got, model.predictions[i]!, model.kind === "regression")) {
        problems.push(`${model.name} row ${i}: ${endpoint.name} answered ${JSON.stringify(got)}, scikit-learn ${JSON.stringify(model.predictions[i])}`);
      }
    }
  }
  return problems;
}

// ---- HTTP load
interface Sample extends Load { model: string; server: string; connections: number }

async function measureHttp(opts: Options, scriptDir: string, models: TrainedModel[], endpoints: Endpoint[]): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const model of models) {
    for (const endpoint of endpoints) {
      const target = { url: `${endpoint.base}/deployment/bench-${model.name}/predict`, headers: endpoint.headers, body: JSON.stringify(predictBody(model.rows[0]!)) };
      process.stdout.write(`  ${model.name.padEnd(18)} ${endpoint.name.padEnd(24)}`);
      await postLoad(opts.tool, scriptDir, target, 32, opts.warmup);
      for (const c of CONNECTIONS) {
        const load = await postLoad(opts.tool, scriptDir, target, c, opts.duration);
        samples.push({ model: model.name, server: endpoint.name, connections: c, ...load });
        process.stdout.write(` c${c} ${fmt(load.rps)} req/s${load.errors ? ` (${load.errors} errors)` : ""}`);
      }
      process.stdout.write("\n");
    }
  }
  return samples;
}

interface RatioLine { model: string; connections: number; crucibleRps: number; vs: Record<string, number | null>; met: boolean | null }

function ratios(samples: Sample[], models: TrainedModel[], peersRan: boolean): RatioLine[] {
  const rps = (model: string, server: string, c: number) => samples.find((s) => s.model === model && s.server === server && s.connections === c)?.rps;
  return models.flatMap((m) =>
    CONNECTIONS.map((c) => {
      const crucibleRps = rps(m.name, "Crucible", c)!;
      const vs = Object.fromEntries(PEER_MODES.map((mode) => [mode, peersRan ? crucibleRps / rps(m.name, `peer ${mode}`, c)! : null]));
      const onceRatio = vs["load-once"];
      return { model: m.name, connections: c, crucibleRps, vs, met: onceRatio === null || onceRatio === undefined ? null : onceRatio >= RPS_TARGET_RATIO };
    }),
  );
}

function printHttp(samples: Sample[], lines: RatioLine[]): void {
  console.log(`\n${"model".padEnd(18)}${"server".padEnd(24)}${"conns".padStart(6)}${"req/s".padStart(10)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}`);
  for (const s of samples) {
    console.log(`${s.model.padEnd(18)}${s.server.padEnd(24)}${String(s.connections).padStart(6)}${fmt(s.rps).padStart(10)}${fmt(s.p50Ms, 2).padStart(9)}${fmt(s.p99Ms, 2).padStart(9)}${String(s.errors).padStart(8)}`);
  }
  console.log(`\n${"Crucible ÷ peer (req/s)".padEnd(30)}${"conns".padStart(6)}${"÷ load-once".padStart(14)}${"÷ load-per-request".padStart(20)}  target ≥ ${RPS_TARGET_RATIO}× load-once`);
  for (const l of lines) {
    const ratio = (mode: string) => (l.vs[mode] == null ? "–" : `${fmt(l.vs[mode]!, 1)}×`);
    const verdict = l.met === null ? "no peer" : l.met ? "MET" : "MISSED";
    console.log(`${l.model.padEnd(30)}${String(l.connections).padStart(6)}${ratio("load-once").padStart(14)}${ratio("load-per-request").padStart(20)}  ${verdict}`);
  }
}

function printInProcess(results: InProcessResult[]): void {
  console.log(`\nIn-process, one row per call (µs): p50 / p99`);
  console.log(`${"model".padEnd(18)}${"predict".padStart(18)}${"+ predict_proba".padStart(18)}${"explain".padStart(20)}${"explain ÷ predict".padStart(19)}  method, max residual`);
  for (const r of results) {
    const pair = (t: { p50Us: number; p99Us: number }) => `${fmt(t.p50Us, 1)} / ${fmt(t.p99Us, 1)}`;
    console.log(`${r.model.padEnd(18)}${pair(r.predict).padStart(18)}${pair(r.served).padStart(18)}${pair(r.explain).padStart(20)}${`${fmt(r.explain.p50Us / r.predict.p50Us, 1)}×`.padStart(19)}  ${r.explainMethod}, ${r.maxResidual.toExponential(1)}`);
  }
  const forest = results.find((r) => r.model === "random_forest");
  if (forest) {
    const verdict = forest.explain.p99Us <= TREESHAP_TARGET_US ? "MET at p99" : forest.explain.p50Us <= TREESHAP_TARGET_US ? "MET at p50, not at p99" : "MISSED";
    console.log(`TreeSHAP, 100-tree forest: p50 ${fmt(forest.explain.p50Us)} µs, p99 ${fmt(forest.explain.p99Us)} µs per row (target ≤ ${fmt(TREESHAP_TARGET_US)} µs: ${verdict}), ${fmt(forest.explain.p50Us / forest.predict.p50Us, 1)}× predict, ${fmt(forest.explain.p50Us / forest.served.p50Us, 1)}× predict + predict_proba`);
  }
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const cpu = os.cpus();
  const started = Date.now();
  console.log(`Deployments benchmark${opts.quick ? " (--quick: 1-second HTTP runs, 16 rows checked)" : ""}`);
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? "cpu"}, Node ${process.version}, ${os.platform()} ${os.release()}`);
  const sklearnMissing = missingPython(["sklearn", "joblib", "numpy"]);
  if (sklearnMissing) throw new Error(`${sklearnMissing}: the models are trained with Debian's scikit-learn`);
  const peersMissing = missingPython(["fastapi", "uvicorn"]);
  if (peersMissing) console.log(`NOTE: ${peersMissing}. The FastAPI peers are skipped; Crucible is measured alone, without ratios.`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-deployments-"));
  const problems: string[] = [];
  try {
    const trained = await trainModels(existsSync(SHARED_DATA) ? SHARED_DATA : null, dir, opts.rows);
    if (opts.models) trained.models = trained.models.filter((m) => opts.models!.includes(m.name));
    console.log(`models from ${trained.data}: scikit-learn ${trained.sklearn}, numpy ${trained.numpy}, Python ${trained.python}; ${trained.models.map((m) => `${m.name} ${fmt(m.bytes / 1024, 1)} kB`).join(", ")}`);
    console.log(`load: ${opts.tool === "wrk" ? `${wrkVersion()} -t1` : "autocannon"}; ${opts.warmup} s warm-up at c32, then ${opts.duration} s at c1 and c32${peersMissing ? "" : `; peers: ${peerVersions()}`}`);

    const inProcess = trained.models.map((m) => measureInProcess(m.name, m.file, m.rows, opts.passes));
    printInProcess(inProcess);

    process.stdout.write("\nstarting dist/server.js… ");
    wipeDataDir();
    const server = await startCrucible(opts.cpuProfileDir);
    const client = await createModelsClient(server.port);
    for (const m of trained.models) await deploy(client, await registerModel(client, m), `bench-${m.name}`);
    const endpoints: Endpoint[] = [{ name: "Crucible", base: client.base, headers: client.headers }];
    const peers: Peer[] = [];
    if (!peersMissing) {
      const files = Object.fromEntries(trained.models.map((m) => [`bench-${m.name}`, m.file]));
      for (const mode of PEER_MODES) peers.push(await startPeer(mode, files));
      for (const p of peers) endpoints.push({ name: `peer ${p.mode}`, base: `http://127.0.0.1:${p.port}`, headers: { "content-type": "application/json" } });
    }
    console.log(`deployed ${trained.models.length} models (running); ${peers.length} peers up`);

    for (const m of trained.models) problems.push(...(await checkPredictions(m, endpoints)));
    if (problems.length) {
      console.log(`\n!!! PREDICTION MISMATCH (${problems.length}) !!!\n${problems.slice(0, 20).map((p) => `  ${p}`).join("\n")}`);
    } else {
      console.log(`predictions: ${endpoints.map((e) => e.name).join(", ")} equal scikit-learn on ${opts.rows} held-out rows per model`);
    }

    console.log(`\nHTTP, single-row predict:`);
    const samples = await measureHttp(opts, dir, trained.models, endpoints);
    const lines = ratios(samples, trained.models, peers.length > 0);
    printHttp(samples, lines);

    await stopChild(server.child);
    for (const p of peers) await stopChild(p.child);
    if (opts.cpuProfileDir) console.log(`server CPU profile written to ${opts.cpuProfileDir}`);
    const errors = samples.reduce((s, x) => s + x.errors, 0);
    const met = lines.filter((l) => l.met !== null);
    console.log(`\nrps target (≥ ${RPS_TARGET_RATIO}× load-once): ${met.length === 0 ? "not measured (no peers)" : `${met.filter((l) => l.met).length} of ${met.length} met`}; mismatches: ${problems.length}; HTTP errors: ${errors}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (opts.json) {
      const report = { date: new Date().toISOString(), node: process.version, cpus: cpu.length, cpuModel: cpu[0]?.model.trim(), options: opts, sklearn: trained.sklearn, peers: peersMissing ? null : peerVersions(), inProcess, samples, ratios: lines, mismatches: problems };
      writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`wrote ${opts.json}`);
    }
    if (problems.length || errors) process.exitCode = 1;
  } finally {
    await Promise.all([...children].map(stopChild));
    rmSync(dir, { recursive: true, force: true });
    if (!opts.keepData) wipeDataDir();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void Promise.all([...children].map(stopChild)).finally(() => process.exit(130)));
}
main().catch((error: unknown) => {
  console.error(`\nbench:deployments failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
