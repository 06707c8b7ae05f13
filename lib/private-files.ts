import { chmodSync, mkdirSync } from "node:fs";
import { chmod, mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";

/*
 * The app's files (blobs, the session secret, the data folder) are for the app's own user only.
 * Modes are set with chmod after creating, because a mode given to mkdir or open is narrowed by
 * the umask but never widened or corrected by it: the result must not depend on how the app was started.
 */

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIRECTORY_MODE = 0o700;

/**
 * The data folder's mode. As root, the embedded Postgres runs as the OS user `postgres`, which
 * must pass through this folder to its own pgdata (0700, owned by it): 0711 lets it enter
 * without listing anything; every file and folder inside stays private.
 */
export function dataDirectoryMode(): number {
  return process.getuid?.() === 0 ? 0o711 : PRIVATE_DIRECTORY_MODE;
}

/** Creates the folder (and missing parents) and sets its mode (default 0700), also when it already existed. */
export async function ensurePrivateDirectory(dir: string, mode = PRIVATE_DIRECTORY_MODE): Promise<void> {
  await mkdir(dir, { recursive: true });
  await chmod(dir, mode);
}

export function ensurePrivateDirectorySync(dir: string, mode = PRIVATE_DIRECTORY_MODE): void {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, mode);
}

/** The data folder (CRUCIBLE_DATA_DIR): created if missing, its mode set on every start. */
export function ensureDataDirectory(dir: string): Promise<void> {
  return ensurePrivateDirectory(dir, dataDirectoryMode());
}

/** Creates one folder inside a private tree at 0700; an existing one is left as it is. */
export async function makePrivateDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
    throw error;
  }
  await chmod(dir, PRIVATE_DIRECTORY_MODE);
}

async function tightenTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const inner = path.join(dir, entry.name);
    // Dirent types come from lstat: symbolic links are neither, and are never followed.
    if (entry.isDirectory()) {
      await chmod(inner, PRIVATE_DIRECTORY_MODE);
      await tightenTree(inner);
    } else if (entry.isFile()) await chmod(inner, PRIVATE_FILE_MODE);
  }
}

/**
 * Makes a tree private: the root 0700, every folder in it 0700 and every file 0600. The walk runs
 * only when the root is not 0700 yet (a store written by an older version, or created under a
 * loose umask), and the root is tightened last, so an interrupted walk is repeated next time
 * while a big store that is already private costs one stat.
 */
export async function ensurePrivateTree(root: string): Promise<void> {
  await mkdir(root, { recursive: true });
  if (((await stat(root)).mode & 0o777) === PRIVATE_DIRECTORY_MODE) return;
  await tightenTree(root);
  await chmod(root, PRIVATE_DIRECTORY_MODE);
}
