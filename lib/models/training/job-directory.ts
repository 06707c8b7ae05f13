import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { JobFolders } from "./bubblewrap";

/**
 * One job's folder on the host, outside the data folder: `code/` (the script), `work/` (the data
 * file) and `output/`, each bound into the sandbox. Copies of this model's files only. When the
 * sandbox runs as another uid (nobody, as root), that uid owns them; 0700/0600 either way.
 */
export interface JobDirectory extends JobFolders {
  root: string;
  remove(): Promise<void>;
}

export async function createJobDirectory(owner: number | null): Promise<JobDirectory> {
  const root = await mkdtemp(path.join(os.tmpdir(), "crucible-train-"));
  const folders = { code: path.join(root, "code"), work: path.join(root, "work"), output: path.join(root, "output") };
  const give = async (target: string, mode: number) => {
    await chmod(target, mode);
    if (owner !== null) await chown(target, owner, owner);
  };
  try {
    await give(root, 0o700);
    for (const folder of Object.values(folders)) {
      await mkdir(folder);
      await give(folder, 0o700);
    }
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    root,
    ...folders,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Writes a file into one of the job's folders, owned like the folder. */
export async function writeJobFile(folder: string, name: string, bytes: Uint8Array, owner: number | null): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, bytes, { mode: 0o600, flag: "wx" });
  await chmod(file, 0o600);
  if (owner !== null) await chown(file, owner, owner);
  return file;
}
