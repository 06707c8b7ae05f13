import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type Dirent } from "node:fs";
import { chmod, readdir, readFile, rename, stat, unlink, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { ensurePrivateTree, makePrivateDirectory, PRIVATE_FILE_MODE } from "@/lib/private-files";
import { BlobTooLargeError, SHA256, sha256Of, type BlobInfo, type BlobStore, type OpenedBlob, type StagedBlob } from "./types";

// The local-disk backend (CRUCIBLE_BLOB_STORE=disk): for one server only, since no other server
// can read its files.

const FANOUT = /^[0-9a-f]{2}$/;
/** A write in progress (`<sha256>.<uuid>.tmp`) or a blob being deleted (`<sha256>.<uuid>.gc`). */
const TEMPORARY = /^([0-9a-f]{64})\.[0-9a-f-]{36}\.(tmp|gc)$/;

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/**
 * A local directory: `<root>/ab/cd/<sha256>`. Writes go to a temporary file beside the target and
 * are renamed into place, so a reader never sees a half-written blob and concurrent puts of the same
 * bytes are harmless. A blob's mtime is when it was last stored.
 *
 * Readable by the app's user only: folders 0700 and files 0600 whatever the umask, and a tree
 * written with looser modes is tightened once, before the store's first operation.
 */
export class LocalBlobStore implements BlobStore {
  private prepared: Promise<void> | null = null;

  constructor(readonly root: string) {}

  /** The root made private (once per store; retried after a failure). */
  private ready(): Promise<void> {
    this.prepared ??= ensurePrivateTree(this.root).catch((error: unknown) => {
      this.prepared = null;
      throw error;
    });
    return this.prepared;
  }

  /** The blob's `ab/cd` folders, each created 0700. */
  private async makeFolders(target: string): Promise<void> {
    const second = path.dirname(target);
    await makePrivateDirectory(path.dirname(second));
    await makePrivateDirectory(second);
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Marks an existing blob as stored now; false when there is none. */
  private async renew(target: string): Promise<boolean> {
    const now = new Date();
    try {
      await utimes(target, now, now);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(bytes);
    const target = this.pathOf(sha256);
    await this.ready();
    if (!(await this.renew(target))) {
      await this.makeFolders(target);
      const temp = `${target}.${randomUUID()}.tmp`;
      try {
        await writeFile(temp, bytes, { flag: "wx", mode: PRIVATE_FILE_MODE });
        await chmod(temp, PRIVATE_FILE_MODE);
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => {});
        throw error;
      }
    }
    return { sha256, size: bytes.length };
  }

  /** Staged uploads: `<root>/incoming/<uuid>.tmp`, on the blobs' file system so a commit is a rename. */
  private get incoming(): string {
    return path.join(this.root, "incoming");
  }

  async stage(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StagedBlob> {
    await this.ready();
    await makePrivateDirectory(this.incoming);
    const temp = path.join(this.incoming, `${randomUUID()}.tmp`);
    const hash = createHash("sha256");
    let size = 0;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Uint8Array>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(temp, { flags: "wx", mode: PRIVATE_FILE_MODE }),
      );
      await chmod(temp, PRIVATE_FILE_MODE);
    } catch (error) {
      await unlink(temp).catch(() => {});
      throw error;
    }
    const sha256 = hash.digest("hex");
    let settled = false;
    return {
      sha256,
      size,
      read: () => readFile(temp),
      commit: async () => {
        if (settled) return;
        const target = this.pathOf(sha256);
        if (await this.renew(target)) await unlink(temp);
        else {
          await this.makeFolders(target);
          const now = new Date();
          await utimes(temp, now, now); // stored now, whenever its last byte arrived
          await rename(temp, target);
        }
        settled = true;
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await unlink(temp).catch(() => {});
      },
    };
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!SHA256.test(sha256)) return null;
    await this.ready();
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async open(sha256: string): Promise<OpenedBlob | null> {
    if (!SHA256.test(sha256)) return null;
    await this.ready();
    const file = this.pathOf(sha256);
    let size: number;
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      size = info.size;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    return { size, stream: (range) => createReadStream(file, range ? { start: range.start, end: range.end } : {}) };
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    await this.ready();
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  /** Each file of the `ab/cd/` directories, with its directory. */
  private async *files(): AsyncGenerator<{ dir: string; name: string }> {
    await this.ready();
    for (const first of await entriesOf(this.root)) {
      if (!first.isDirectory() || !FANOUT.test(first.name)) continue;
      for (const second of await entriesOf(path.join(this.root, first.name))) {
        if (!second.isDirectory() || !FANOUT.test(second.name)) continue;
        const dir = path.join(this.root, first.name, second.name);
        for (const file of await entriesOf(dir)) if (file.isFile()) yield { dir, name: file.name };
      }
    }
  }

  async *list(): AsyncIterable<BlobInfo> {
    for await (const { dir, name } of this.files()) {
      if (!SHA256.test(name) || path.join(this.root, name.slice(0, 2), name.slice(2, 4)) !== dir) continue;
      try {
        const info = await stat(path.join(dir, name));
        yield { sha256: name, size: info.size, storedAt: info.mtime };
      } catch (error) {
        if (!isMissing(error)) throw error; // deleted since the directory was read
      }
    }
  }

  async delete(sha256: string, options: { storedBefore?: Date } = {}): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    const target = this.pathOf(sha256);
    await this.ready();
    // Moved aside first, then judged: a put that renewed the blob before the move shows in its
    // mtime (and it is moved back); a put after the move finds no blob and writes a fresh copy.
    const aside = `${target}.${randomUUID()}.gc`;
    try {
      await rename(target, aside);
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
    try {
      const { mtime } = await stat(aside);
      if (options.storedBefore && mtime.getTime() >= options.storedBefore.getTime()) {
        await rename(aside, target); // the same bytes as any copy written meanwhile
        return false;
      }
      await unlink(aside);
      return true;
    } catch (error) {
      if (isMissing(error)) return false; // restored by a concurrent clean-up
      throw error;
    }
  }

  async removeStaleTemporaryFiles(writtenBefore: Date): Promise<number> {
    await this.ready();
    let removed = 0;
    for (const entry of await entriesOf(this.incoming)) {
      if (!entry.isFile() || !entry.name.endsWith(".tmp")) continue;
      const file = path.join(this.incoming, entry.name);
      try {
        if ((await stat(file)).mtime.getTime() < writtenBefore.getTime()) {
          await unlink(file);
          removed++;
        }
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    for await (const { dir, name } of this.files()) {
      const temporary = TEMPORARY.exec(name);
      if (!temporary) continue;
      const file = path.join(dir, name);
      try {
        if (temporary[2] === "gc") {
          // A delete interrupted between its move and its decision: put the blob back unless a
          // fresh copy exists; the next collection judges it again.
          const target = path.join(dir, temporary[1]!);
          if (await this.has(temporary[1]!)) await unlink(file);
          else await rename(file, target);
          continue;
        }
        if ((await stat(file)).mtime.getTime() < writtenBefore.getTime()) {
          await unlink(file);
          removed++;
        }
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return removed;
  }
}
