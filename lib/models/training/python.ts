import { execFile } from "node:child_process";
import { INSTALL_HINT } from "./config";

export type PythonCheck = { ok: true; version: string } | { ok: false; reason: string };

const checked = new Set<string>();

/**
 * Whether `python` exists and can import scikit-learn and numpy, which every training script
 * needs. A success is remembered for the process; a failure is checked again next time (someone
 * may install the package meanwhile).
 */
export function checkPython(python: string): Promise<PythonCheck> {
  if (checked.has(python)) return Promise.resolve({ ok: true, version: "checked" });
  return new Promise((resolve) => {
    execFile(python, ["-c", "import sys, numpy, sklearn; print(sys.version.split()[0], sklearn.__version__)"], { timeout: 60_000, env: { NODE_ENV: "production", PATH: "/usr/bin:/bin", LANG: "C.UTF-8" } }, (error, stdout, stderr) => {
      if (!error) {
        checked.add(python);
        const [py, sklearn] = stdout.trim().split(" ");
        resolve({ ok: true, version: `Python ${py}, scikit-learn ${sklearn}` });
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "EACCES") {
        resolve({ ok: false, reason: `Python 3 was not found at ${python}. Training runs the model's code with Python 3 and scikit-learn. ${INSTALL_HINT}` });
        return;
      }
      const last = stderr.trim().split("\n").at(-1) ?? error.message;
      resolve({ ok: false, reason: `${python} cannot import scikit-learn (${last}). ${INSTALL_HINT}` });
    });
  });
}
