import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";

const run = promisify(execFile);

/** Bundles a TypeScript entry point of this repo and runs it in a separate Node process. */
export async function runInChildProcess(entry: string, args: string[]): Promise<string> {
  // Inside the repo, so the bundle's require() calls find node_modules.
  const outfile = path.join(process.cwd(), ".data", "tmp", `child-${process.pid}-${path.basename(entry, ".ts")}.cjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: "node", format: "cjs", packages: "external", logLevel: "error" });
  const { stdout } = await run(process.execPath, [outfile, ...args], { env: process.env, cwd: process.cwd() });
  return stdout;
}
