/**
 * Python side of `npm run bench:deployments`, all with Debian's /usr/bin/python3: the models
 * (bench/deployments_models.py, scikit-learn) and the two FastAPI + uvicorn peers
 * (bench/deployments_peer.py, one process per mode serving every benchmarked deployment).
 */
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { children, freePort } from "./processes";
import type { BenchModel } from "./deployments-crucible";

const PYTHON = "/usr/bin/python3";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type PeerMode = "load-once" | "load-per-request";
export const PEER_MODES: PeerMode[] = ["load-once", "load-per-request"];

export interface TrainedModel extends BenchModel { bytes: number; rows: number[][]; predictions: (number | string)[] }
export interface TrainedModels { data: string; sklearn: string; numpy: string; python: string; models: TrainedModel[] }

/** The Python imports a part needs, or what is missing (with the apt-get line that installs it). */
export function missingPython(modules: string[]): string | null {
  const check = spawnSync(PYTHON, ["-c", `import ${modules.join(", ")}`], { encoding: "utf8" });
  if (check.error) return `${PYTHON} is not installed (apt-get install -y python3)`;
  if (check.status === 0) return null;
  const name = /No module named '([^']+)'/.exec(check.stderr)?.[1] ?? modules.join(", ");
  const packages: Record<string, string> = { sklearn: "python3-sklearn", joblib: "python3-joblib", numpy: "python3-numpy", fastapi: "python3-fastapi", uvicorn: "python3-uvicorn" };
  return `Python module ${name} is missing (apt-get install -y ${packages[name.split(".")[0]!] ?? `python3-${name}`})`;
}

/** The versions the peers run with, for the report. */
export function peerVersions(): string {
  const r = spawnSync(PYTHON, ["-c", "import fastapi, uvicorn, pydantic; print(f'FastAPI {fastapi.__version__}, uvicorn {uvicorn.__version__} (h11, asyncio), pydantic {pydantic.VERSION}')"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "unknown versions";
}

/** dataDir: scikit-learn's CSVs (../shared/data); null reads the copies python3-sklearn installs. */
export function trainModels(dataDir: string | null, outDir: string, rows: number): Promise<TrainedModels> {
  return new Promise((resolve, reject) => {
    const args = ["bench/deployments_models.py", ...(dataDir ? ["--data", dataDir] : []), "--out", outDir, "--rows", String(rows)];
    const child = execFile(PYTHON, args, { maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
      children.delete(child);
      if (error) reject(new Error(`training the models failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as TrainedModels);
    });
    children.add(child);
  });
}

export interface Peer { mode: PeerMode; port: number; child: ChildProcess; log: string[] }

/** One uvicorn process in `mode`, serving deployment id → pickle; resolves once /healthz answers. */
export async function startPeer(mode: PeerMode, files: Record<string, string>): Promise<Peer> {
  const port = await freePort();
  const models = Object.entries(files).map(([id, file]) => `${id}=${file}`);
  const child = spawn(PYTHON, ["bench/deployments_peer.py", "--mode", mode, "--port", String(port), "--models", ...models], { stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  const peer: Peer = { mode, port, child, log: [] };
  const keep = (chunk: Buffer) => {
    peer.log.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    peer.log.splice(0, peer.log.length - 30);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`peer (${mode}) exited before it was ready:\n${peer.log.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`peer (${mode}) was not ready within 60 s:\n${peer.log.join("\n")}`);
    const status = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);
    if (status === 200) return peer;
    await sleep(100);
  }
}
