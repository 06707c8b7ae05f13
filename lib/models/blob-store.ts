import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

/** Where uploaded files live, addressed by the SHA-256 of their bytes. */
export interface BlobStore {
  /** Stores the bytes (once: equal bytes share one blob) and returns their address. */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  /** The bytes, or null when no blob has this address. */
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A local directory: `<root>/ab/cd/<sha256>`. Writes go to a temporary file beside the target and
 * are renamed into place, so a reader never sees a half-written blob and concurrent puts of the same
 * bytes are harmless.
 */
export class LocalBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(bytes);
    const target = this.pathOf(sha256);
    if (!(await this.has(sha256))) {
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomUUID()}.tmp`;
      try {
        await writeFile(temp, bytes, { flag: "wx" });
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => {});
        throw error;
      }
    }
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!SHA256.test(sha256)) return null;
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }
}

const holder = globalThis as typeof globalThis & { __crucibleBlobStore?: BlobStore };

/**
 * The configured blob store. Only the local directory exists today
 * (`${CRUCIBLE_DATA_DIR ?? ".data"}/blobs`); an S3-compatible backend would be chosen here from its
 * environment variables.
 */
export function getBlobStore(): BlobStore {
  return (holder.__crucibleBlobStore ??= new LocalBlobStore(path.resolve(process.env.CRUCIBLE_DATA_DIR ?? ".data", "blobs")));
}

/** Largest upload (MODEL_UPLOAD_LIMIT_BYTES, default 200 MiB); read per request so tests can lower it. */
export function modelUploadLimit(): number {
  const value = Number(process.env.MODEL_UPLOAD_LIMIT_BYTES);
  return Number.isFinite(value) && value > 0 ? value : 200 * 1024 * 1024;
}
