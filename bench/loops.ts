/**
 * Loops benchmark: prequential accuracy against scikit-learn (bench/loops_peer.py, run in the same
 * command), in-process µs per example, and the loop API over HTTP, through the fast path
 * (dist/server.js) and through `next start`, beside the HTTP floor.
 *
 *   npm run bench:loops                          (builds first)
 *   node dist/bench/loops.js [--quick] [--train-only] [--duration S] [--json FILE] [--server-cpu-prof DIR]
 *
 * --train-only runs the /train/ traffic rows alone (single examples into one loop and over 100 loops,
 * the predict-then-train cycle), for before/after comparisons in alternating runs.
 * --quick is the CI smoke (a small slice, well under a minute). Without python3-sklearn the peer is
 * skipped with a note (the accuracy and speed tables then have no peer column), and without a
 * `next build` the `next start` rows are skipped; neither fails the run.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { accuracyStreams, mixedStream, PERMUTATIONS_FILE, TESTDATA, writePermutations, type Stream } from "./loops-data";
import {
  children,
  closeAgent,
  closedLoop,
  constantLoad,
  createClient,
  defineLoop,
  embeddedDatabaseUrl,
  hasNextBuild,
  JsonText,
  nSeen,
  PG_DATA,
  post,
  startNext,
  startServer,
  stopChild,
  type Client,
} from "./loops-http";
import { pairedPredict, type PairedReport } from "./loops-paired";
import { meterCpu } from "./process-cpu";
import { CLIENTS, SPREAD_LOOPS, trainExact, trainTraffic, trainVerdicts, type TrainReport } from "./loops-train";
import { hasWrk, type Load } from "./post-load";
import { accuracyOf, learnerSpeed, specOf, type AccuracyRow, type Score, type Timing } from "./loops-learner";

type PeerScore = Score & { runs: Score[] };
interface PeerTiming { p50_us: number; p99_us: number; mean_us: number; n: number }
interface PeerReport { sklearn: string; python: string; accuracy: Record<string, { default: PeerScore; constant: PeerScore }>; speed: Record<string, PeerTiming> }

function options(argv: string[]) {
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const quick = argv.includes("--quick");
  const duration = quick ? 1 : Math.max(1, Math.round(Number(value("--duration") ?? 8)));
  if (!Number.isFinite(duration)) throw new Error("--duration takes a number of seconds");
  const cpuProf = value("--server-cpu-prof");
  return { quick, trainOnly: argv.includes("--train-only"), duration, json: value("--json"), cpuProfileDir: cpuProf ? path.resolve(cpuProf) : undefined, limit: quick ? 200 : undefined, permutations: quick ? 1 : 3, mixedRows: quick ? 300 : 3000 };
}
type Options = ReturnType<typeof options>;

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Debian's python3 (with python3-sklearn); BENCH_PYTHON overrides it (another interpreter, or a check of the skip path). */
const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";

/** Why the peer cannot run here (no Debian python3, or no python3-sklearn), or null when it can. */
function peerUnavailable(): string | null {
  const probe = spawnSync(PYTHON, ["-c", "import sklearn, numpy"], { encoding: "utf8", timeout: 60_000 });
  if (probe.error) return `${PYTHON} is not there`;
  if (probe.status !== 0) return "python3-sklearn is not installed";
  return null;
}

function runPeer(opts: Options, mixedFile: string): Promise<PeerReport> {
  const args = ["bench/loops_peer.py", "--perms", PERMUTATIONS_FILE, "--data", TESTDATA, "--permutations", String(opts.permutations), "--mixed", mixedFile];
  if (opts.limit) args.push("--limit", String(opts.limit));
  return new Promise((resolve, reject) => {
    const child = execFile(PYTHON, args, { maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) => {
      children.delete(child);
      if (error) reject(new Error(`peer failed (is python3-sklearn installed? apt-get install -y python3-sklearn): ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as PeerReport);
    });
    children.add(child);
  });
}

// ---- A. accuracy
interface AccuracyLine extends AccuracyRow { peer: Score | null; peerConfig: string; ratio: number | null; target: string; met: boolean | null }

function accuracyTable(rows: AccuracyRow[], peer: PeerReport | null): AccuracyLine[] {
  return rows.map((row) => {
    const classification = row.task === "classification";
    if (peer === null) {
      // Without the peer only ChickWeights' absolute bound can be checked.
      const chick = row.dataset === "chick-weights";
      return { ...row, peer: null, peerConfig: "", ratio: null, target: chick ? "≤ 23.11 (peer skipped)" : "peer skipped", met: chick ? row.crucible.mae! <= 23.11 : null };
    }
    const both = peer.accuracy[row.dataset]!;
    const better = classification ? (both.constant.accuracy! > both.default.accuracy! ? "constant" : "default") : both.constant.mae! < both.default.mae! ? "constant" : "default";
    const p = both[better];
    const ratio = classification ? row.crucible.accuracy! / p.accuracy! : row.crucible.mae! / p.mae!;
    let met = classification ? row.crucible.accuracy! >= p.accuracy! : row.crucible.mae! <= 1.02 * p.mae!;
    let target = classification ? "≥ peer" : "≤ 1.02 × peer";
    if (row.dataset === "chick-weights") {
      met &&= row.crucible.mae! <= 23.11;
      target += ", ≤ 23.11";
    }
    return { ...row, peer: { accuracy: p.accuracy, mae: p.mae, r2: p.r2 }, peerConfig: better === "constant" ? "constant lr" : "defaults", ratio, target, met };
  });
}

const scoreText = (s: Score) => (s.accuracy !== undefined ? s.accuracy.toFixed(3) : `${s.mae!.toFixed(2)} (${s.r2!.toFixed(3)})`);

function printAccuracy(lines: AccuracyLine[], quick: boolean): void {
  console.log(`\n${"dataset".padEnd(15)}${"metric".padEnd(10)}${"Crucible".padStart(16)}${"peer".padStart(16)}${"baseline".padStart(16)}${"ratio".padStart(8)}  target`);
  for (const l of lines) {
    const metric = l.task === "classification" ? "accuracy" : "MAE (R²)";
    const verdict = quick ? "not judged on a slice" : l.met === null ? "not checked" : l.met ? "MET" : "MISSED";
    const peer = l.peer === null ? "—" : scoreText(l.peer);
    const ratio = l.ratio === null ? "—" : l.ratio.toFixed(3);
    const config = l.peer === null ? "" : `peer ${l.peerConfig}, `;
    console.log(`${l.dataset.padEnd(15)}${metric.padEnd(10)}${scoreText(l.crucible).padStart(16)}${peer.padStart(16)}${scoreText(l.baseline).padStart(16)}${ratio.padStart(8)}  ${l.target}: ${verdict} (${config}${l.runs} run${l.runs > 1 ? "s" : ""} × ${l.n})`);
  }
  if (quick) console.log("(--quick: the first 200 examples only; the targets are for the full streams and are judged by the full run)");
}

// ---- B. in-process speed
function learnerSpeeds(opts: Options, streams: Stream[], mixed: ReturnType<typeof mixedStream>, peer: PeerReport | null) {
  const cancer = streams.find((s) => s.name === "breast_cancer")!;
  const cancerRows = cancer.rows.slice(0, opts.limit);
  const out: { stream: string; crucible: Timing; peerUs: number | null; speedup: number | null }[] = [];
  const cases: [string, Timing, PeerTiming | undefined][] = [
    ["breast_cancer (30 numbers)", learnerSpeed(specOf(cancer), cancerRows, opts.quick ? 3 : 20, 3), peer?.speed.breast_cancer],
    ["mixed (10 numbers, 5 strings × 1,000)", learnerSpeed(specOf({ task: "classification", inputSchema: mixed.inputSchema, output: { name: "label", type: "boolean" } }), mixed.rows, opts.quick ? 2 : 5, 1), peer?.speed.mixed],
  ];
  for (const [stream, crucible, p] of cases) out.push({ stream, crucible, peerUs: p?.p50_us ?? null, speedup: p ? p.p50_us / crucible.p50Us : null });
  console.log(`\n${"stream".padEnd(40)}${"p50 µs".padStart(9)}${"p99 µs".padStart(9)}${"mean µs".padStart(9)}${"peer p50 µs".padStart(13)}${"peer/ours".padStart(11)}`);
  for (const r of out) {
    const peerText = r.peerUs === null ? "—" : fmt(r.peerUs, 1);
    const speedup = r.speedup === null ? "—" : `${fmt(r.speedup)}×`;
    console.log(`${r.stream.padEnd(40)}${fmt(r.crucible.p50Us, 2).padStart(9)}${fmt(r.crucible.p99Us, 2).padStart(9)}${fmt(r.crucible.meanUs, 2).padStart(9)}${peerText.padStart(13)}${speedup.padStart(11)}`);
  }
  return out;
}

// ---- C. HTTP
type Measured = Awaited<ReturnType<typeof measure>>;

/** /predict/ at c1 and c32 and /train/ batches of 1,000 from one client, against one server. */
/** The one input every /predict/ run (and the floors' clients) sends: breast_cancer's first row. */
function predictInput(cancer: Stream): Record<string, unknown> {
  return Object.fromEntries(Object.entries(cancer.rows[0]!).filter(([k]) => k !== "label"));
}

async function measure(opts: Options, dir: string, tool: "wrk" | "autocannon", client: Client, loops: { predict: string; batches: string }, cancer: Stream) {
  const input = predictInput(cancer);
  const predict: Record<string, Load> = {};
  await constantLoad(tool, dir, client, "/predict/", loops.predict, { data: input }, 32, opts.quick ? 1 : 2); // warm-up
  for (const c of [1, 32]) predict[`c${c}`] = await constantLoad(tool, dir, client, "/predict/", loops.predict, { data: input }, c, opts.duration);

  // Bodies serialised once: re-serialising a 1,000-row batch per request would take the client a few ms of CPU.
  const batch = new JsonText(JSON.stringify({ data: Array.from({ length: 1000 }, (_, i) => cancer.rows[i % cancer.rows.length]!) }));
  const batches = await closedLoop(client, "/train/", loops.batches, 1, opts.duration, () => batch);
  const batchSeen = await nSeen(client, loops.batches, input);
  const batchResult = { ...batches, examplesPerSecond: (batches.ok * 1000) / batches.elapsed, nSeen: batchSeen, exact: batchSeen === batches.ok * 1000 };
  return { predict, batches: batchResult };
}

async function httpBench(opts: Options, dir: string, cancer: Stream) {
  const tool = hasWrk() ? "wrk" : "autocannon";
  const server = await startServer(opts.cpuProfileDir);
  try {
    const client: Client = await createClient(server.port);
    const schema = cancer.inputSchema;
    const output = { label: "boolean" };
    const meter = () => meterCpu(server.child.pid!, PG_DATA);
    if (opts.trainOnly) return { tool, fast: null, train: await trainTraffic(client, cancer, opts.duration, meter), paired: null, next: null, nextSkipped: "--train-only" };
    const [predictLoop, batchLoop, nextBatchLoop] = await Promise.all(
      ["predict", "batches", "next start batches"].map((n) => defineLoop(client, `bench ${n}`, "classification", schema, output)),
    );
    const warm = await post(client, "/train/", { data: cancer.rows }, predictLoop!);
    if (warm.status !== 200) throw new Error(`warm-up /train/ answered ${warm.status}`);

    const fast = await measure(opts, dir, tool, client, { predict: predictLoop!, batches: batchLoop! }, cancer);
    process.stdout.write("train traffic… ");
    const train = await trainTraffic(client, cancer, opts.duration, meter);
    process.stdout.write("paired floor rounds… ");
    const paired = await pairedPredict(tool, dir, client, predictLoop!, { data: predictInput(cancer) }, { rounds: opts.quick ? 1 : 5, seconds: opts.quick ? 1 : 4, connections: 32 });
    // The same requests through `next start`, on the same database (the fast-path server keeps owning
    // the embedded Postgres, idle meanwhile): the predict loop is read from the row the fast path trained.
    let next: Measured | null = null;
    let nextSkipped: string | null = null;
    if (!hasNextBuild()) nextSkipped = "no `next build` output (.next/BUILD_ID): run npm run build first";
    else {
      process.stdout.write("fast path done; next start… ");
      const nextServer = await startNext(embeddedDatabaseUrl());
      try {
        next = await measure(opts, dir, tool, { ...client, port: nextServer.port }, { predict: predictLoop!, batches: nextBatchLoop! }, cancer);
      } finally {
        await stopChild(nextServer.child);
      }
    }
    return { tool, fast, train, paired, next, nextSkipped };
  } finally {
    await stopChild(server.child);
  }
}

interface FloorReport { samples: { server: string; connections: number; rps: number }[] }

/** The floors, their clients posting the same JSON body as the /predict/ runs (`bodyFile`). */
function runFloor(opts: Options, file: string, bodyFile: string): Promise<FloorReport> {
  const args = ["dist/bench/http-floor.js", "--json", file, "--body-file", bodyFile, ...(opts.quick ? ["--quick"] : ["--duration", String(opts.duration)])];
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, args, { timeout: 600_000 }, (error, _stdout, stderr) => {
      children.delete(child);
      if (error) reject(new Error(`http-floor failed: ${stderr || error.message}`));
      else resolve(JSON.parse(readFileSync(file, "utf8")) as FloorReport);
    });
    children.add(child);
  });
}

type HttpReport = Awaited<ReturnType<typeof httpBench>>;

function printHttp(h: HttpReport & { fast: Measured; paired: PairedReport }, floor: FloorReport) {
  const floorRps = (server: string, c: number) => floor.samples.find((s) => s.server === server && s.connections === c)!.rps;
  const floors = ["next start", "fast path", "bare node:http"];
  const ratios = (rps: number, c: number) => floors.map((f) => `${(rps / floorRps(f, c)).toFixed(2)}×`.padStart(16)).join("");
  console.log(`\n${"request".padEnd(46)}${"req/s".padStart(9)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"errors".padStart(7)}  ${floors.map((f) => f.padStart(16)).join("")}  (÷ floor at c1 / c50)`);
  const line = (name: string, rps: number, p50: number, p99: number, errors: number, c: 1 | 50) =>
    console.log(`${name.padEnd(46)}${fmt(rps).padStart(9)}${fmt(p50, 2).padStart(8)}${fmt(p99, 2).padStart(8)}${String(errors).padStart(7)}  ${ratios(rps, c)}`);
  const rows = (path: string, m: Measured) => {
    line(`${path}: /predict/ c1`, m.predict.c1!.rps, m.predict.c1!.p50Ms, m.predict.c1!.p99Ms, m.predict.c1!.errors, 1);
    line(`${path}: /predict/ c32`, m.predict.c32!.rps, m.predict.c32!.p50Ms, m.predict.c32!.p99Ms, m.predict.c32!.errors, 50);
    line(`${path}: /train/ 1,000 per batch, 1 client`, m.batches.rps, m.batches.p50Ms, m.batches.p99Ms, m.batches.failed, 1);
  };
  rows("fast path", h.fast);
  trainLines(h.train, line);
  if (h.next) rows("next start", h.next);
  const batchLine = (path: string, m: Measured) =>
    console.log(`${path}: /train/ batches: ${fmt(m.batches.examplesPerSecond)} examples/s learned and persisted (n_seen ${fmt(m.batches.nSeen)}, ${m.batches.exact ? "exact" : "NOT exact"})`);
  batchLine("fast path", h.fast);
  if (h.next) batchLine("next start", h.next);
  if (h.nextSkipped) console.log(`next start: skipped (${h.nextSkipped})`);
  printPaired(h.paired);
  return { floorRps: Object.fromEntries(floors.map((f) => [f, { c1: floorRps(f, 1), c50: floorRps(f, 50) }])) };
}

type Line = (name: string, rps: number, p50: number, p99: number, errors: number, c: 1 | 50) => void;

/** The /train/ traffic rows (loops-train.ts); a cycle is two requests, so its row counts requests. */
function trainLines(t: TrainReport, line: Line) {
  line(`fast path: empty handler, ${CLIENTS} clients (peer)`, t.empty.rps, t.empty.p50Ms, t.empty.p99Ms, t.empty.failed, 50);
  line(`fast path: /train/ 1 example, ${CLIENTS} clients`, t.singles.rps, t.singles.p50Ms, t.singles.p99Ms, t.singles.failed, 50);
  line(`fast path: /train/ 1 example, ${CLIENTS} cl., ${SPREAD_LOOPS} loops`, t.spread.rps, t.spread.p50Ms, t.spread.p99Ms, t.spread.failed, 50);
  line(`fast path: predict+train cycle, ${CLIENTS} cl. (req)`, 2 * t.cycle.rps, t.cycle.p50Ms, t.cycle.p99Ms, t.cycle.failed, 50);
}

/** The alternating rounds (loops-paired.ts): per round req/s and ratios, then the medians judged against the targets. */
function printPaired(p: PairedReport) {
  console.log(`\n/predict/ beside its floors, alternating (c${p.connections}, ${p.seconds} s each, ${p.rounds.length} rounds)`);
  console.log(`${"round".padEnd(8)}${"/predict/".padStart(11)}${"empty (same server)".padStart(21)}${"bare node:http".padStart(16)}${"÷ empty".padStart(9)}${"÷ bare".padStart(8)}`);
  p.rounds.forEach((r, i) =>
    console.log(`${String(i + 1).padEnd(8)}${fmt(r.predict.rps).padStart(11)}${fmt(r.empty.rps).padStart(21)}${fmt(r.bare.rps).padStart(16)}${r.overEmpty.toFixed(2).padStart(9)}${r.overBare.toFixed(2).padStart(8)}`),
  );
  const verdict = (ok: boolean) => (ok ? "MET" : "MISSED");
  console.log(`median: ÷ empty handler ${p.medianOverEmpty.toFixed(2)}× (target ≥ 0.9: ${verdict(p.medianOverEmpty >= 0.9)}), ÷ bare node:http ${p.medianOverBare.toFixed(2)}× (target ≥ 0.5: ${verdict(p.medianOverBare >= 0.5)})`);
}

/** Every n_seen check of the run: answered 200s and n_seen agree. */
function exactCounts(h: HttpReport): boolean {
  return trainExact(h.train) && [h.fast, h.next].every((m) => m === null || m.batches.exact);
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const cpu = os.cpus();
  const started = Date.now();
  console.log(`Loops benchmark${opts.quick ? " (--quick: first 200 examples, 1 permutation, 1-second HTTP runs)" : ""}`);
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? "cpu"}, Node ${process.version}, ${os.platform()} ${os.release()}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-loops-"));
  try {
    if (opts.trainOnly) return await trainOnly(opts, dir);
    const streams = accuracyStreams();
    const permutations = writePermutations(streams);
    const mixed = mixedStream(opts.mixedRows);
    const mixedFile = path.join(dir, "mixed.json");
    writeFileSync(mixedFile, JSON.stringify({ numbers: mixed.numbers, strings: mixed.strings, cardinality: mixed.cardinality, output: mixed.output, rows: mixed.rows }));

    process.stdout.write("peer (scikit-learn)… ");
    const missing = peerUnavailable();
    const peer = missing === null ? await runPeer(opts, mixedFile) : null;
    if (peer) console.log(`scikit-learn ${peer.sklearn}, Python ${peer.python}`);
    else console.log(`SKIPPED: ${missing} (apt-get install -y python3-sklearn); no peer column, no ratio targets`);
    const accuracy = accuracyTable(streams.map((s) => accuracyOf(s, (permutations[s.name] ?? []).slice(0, opts.permutations), opts.limit)), peer);
    printAccuracy(accuracy, opts.quick);
    const speed = learnerSpeeds(opts, streams, mixed, peer);

    process.stdout.write("\nHTTP: starting dist/server.js… ");
    const cancer = streams.find((s) => s.name === "breast_cancer")!;
    const http = await httpBench(opts, dir, cancer);
    console.log(`done (${http.tool}); HTTP floor (dist/bench/http-floor.js, posting the /predict/ body)…`);
    const predictBody = path.join(dir, "predict-body.json");
    writeFileSync(predictBody, JSON.stringify({ data: predictInput(cancer) }));
    const floor = await runFloor(opts, path.join(dir, "floor.json"), predictBody);
    const { floorRps } = printHttp({ ...http, fast: http.fast!, paired: http.paired! }, floor);
    console.log("");
    for (const line of trainVerdicts(http.train, opts.quick)) console.log(line);

    const missed = accuracy.filter((a) => a.met === false).map((a) => a.dataset);
    const unchecked = accuracy.filter((a) => a.met === null).length;
    const verdict = opts.quick
      ? "not judged (--quick runs a slice)"
      : missed.length
        ? `MISSED on ${missed.join(", ")}`
        : unchecked
          ? `met where checked (${unchecked} not checked without the peer)`
          : "all MET";
    const exact = exactCounts(http);
    console.log(`\naccuracy targets: ${verdict}; n_seen checks: ${exact ? "exact" : "NOT exact"}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (opts.json) {
      const peerInfo = peer ? { sklearn: peer.sklearn, python: peer.python, speed: peer.speed } : { skipped: missing };
      const report = { date: new Date().toISOString(), node: process.version, cpus: cpu.length, cpuModel: cpu[0]?.model.trim(), options: opts, peer: peerInfo, accuracy, speed, http, floorRps };
      writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`wrote ${opts.json}`);
    }
    if (!exact) process.exitCode = 1;
  } finally {
    closeAgent();
    await Promise.all([...children].map(stopChild));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** --train-only: the /train/ traffic rows alone, on a fresh fast-path server. */
async function trainOnly(opts: Options, dir: string): Promise<void> {
  process.stdout.write("HTTP: starting dist/server.js… ");
  const cancer = accuracyStreams().find((s) => s.name === "breast_cancer")!;
  const http = await httpBench(opts, dir, cancer);
  console.log(`done (${opts.duration} s per row)`);
  const line: Line = (name, rps, p50, p99, errors) => console.log(`${name.padEnd(46)}${fmt(rps).padStart(9)}${fmt(p50, 2).padStart(8)}${fmt(p99, 2).padStart(8)}${String(errors).padStart(7)}`);
  console.log(`\n${"request".padEnd(46)}${"req/s".padStart(9)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"errors".padStart(7)}`);
  trainLines(http.train, line);
  console.log("");
  for (const verdict of trainVerdicts(http.train, opts.quick)) console.log(verdict);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify({ date: new Date().toISOString(), options: opts, train: http.train }, null, 2)}\n`);
  if (!trainExact(http.train)) process.exitCode = 1;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void Promise.all([...children].map(stopChild)).finally(() => process.exit(130)));
}
main().catch((error: unknown) => {
  console.error(`\nbench:loops failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
