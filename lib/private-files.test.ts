import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSessionSecret } from "@/lib/auth/session-secret";
import { LocalBlobStore, sha256Of } from "@/lib/blobs/store";
import { ensureDataDirectory, ensurePrivateDirectory, ensurePrivateTree } from "./private-files";

const modeOf = (file: string) => statSync(file).mode & 0o777;
const fresh = () => mkdtempSync(path.join(os.tmpdir(), "private-files-"));

/** Every folder and file under root with its mode, as "relative/path 700". */
function modes(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const inner = path.join(dir, entry.name);
      out.push(`${path.relative(root, inner)} ${modeOf(inner).toString(8)}`);
      if (entry.isDirectory()) walk(inner);
    }
  };
  walk(root);
  return out.sort();
}

// The loosest umask there is: the modes must come from the code, not from how the app was started.
let umaskBefore: number;
beforeAll(() => {
  umaskBefore = process.umask(0);
});
afterAll(() => {
  process.umask(umaskBefore);
});

describe("private files under umask 000", () => {
  it("stores blobs as 0600 files in 0700 folders, staged uploads too", async () => {
    const root = path.join(fresh(), "blobs");
    const store = new LocalBlobStore(root);
    const put = await store.put(Buffer.from("private bytes"));
    const staged = await store.stage(Readable.from([Buffer.from("staged bytes")]), 1024);
    expect(modeOf(path.join(root, "incoming", readdirSync(path.join(root, "incoming"))[0]!))).toBe(0o600);
    await staged.commit();
    expect(modeOf(root)).toBe(0o700);
    const tree = modes(root);
    expect(tree.length).toBeGreaterThan(0);
    for (const line of tree) {
      const [name, mode] = line.split(" ");
      const isFolder = /^(incoming|[0-9a-f]{2}(\/[0-9a-f]{2})?)$/.test(name!);
      expect(`${name} ${mode}`).toBe(`${name} ${isFolder ? "700" : "600"}`);
    }
    expect(tree).toContain(`${put.sha256.slice(0, 2)}/${put.sha256.slice(2, 4)}/${put.sha256} 600`);
    expect(tree).toContain(`${staged.sha256.slice(0, 2)}/${staged.sha256.slice(2, 4)}/${staged.sha256} 600`);
  });

  it("tightens a blob tree written world-readable (0755 folders, 0644 files) before the store's first use", async () => {
    const root = path.join(fresh(), "blobs");
    const bytes = Buffer.from("written by an older version");
    const sha = sha256Of(bytes);
    const folder = path.join(root, sha.slice(0, 2), sha.slice(2, 4));
    mkdirSync(folder, { recursive: true, mode: 0o755 });
    writeFileSync(path.join(folder, sha), bytes, { mode: 0o644 });
    for (const dir of [root, path.dirname(folder), folder]) chmodSync(dir, 0o755);
    expect(modeOf(path.join(folder, sha))).toBe(0o644);

    expect((await new LocalBlobStore(root).get(sha))!.equals(bytes)).toBe(true);
    expect(modeOf(root)).toBe(0o700);
    expect(modes(root)).toEqual([`${sha.slice(0, 2)} 700`, `${sha.slice(0, 2)}/${sha.slice(2, 4)} 700`, `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha} 600`]);
  });

  it("walks an already private tree no further than its root", async () => {
    const root = fresh();
    mkdirSync(path.join(root, "left-alone"), { mode: 0o755 });
    chmodSync(path.join(root, "left-alone"), 0o755);
    chmodSync(root, 0o700);
    await ensurePrivateTree(root);
    expect(modeOf(path.join(root, "left-alone"))).toBe(0o755); // the cheap path: one stat, no walk
  });

  it("makes the data folder private on every start, and the session secret 0600", async () => {
    const dataDir = path.join(fresh(), "data");
    mkdirSync(dataDir, { mode: 0o777 });
    chmodSync(dataDir, 0o777);
    await ensureDataDirectory(dataDir);
    // As root, 0711: the embedded Postgres runs as the OS user postgres and must pass through to its pgdata.
    expect(modeOf(dataDir)).toBe(process.getuid?.() === 0 ? 0o711 : 0o700);

    const secretDir = path.join(fresh(), "fresh-data");
    const given = process.env.NEXTAUTH_SECRET;
    delete process.env.NEXTAUTH_SECRET;
    try {
      ensureSessionSecret(secretDir);
      expect(modeOf(path.join(secretDir, "session-secret"))).toBe(0o600);
      expect(modeOf(secretDir)).not.toBe(0o755);
      expect(modeOf(secretDir) & 0o044).toBe(0); // nobody else may list it
    } finally {
      if (given === undefined) delete process.env.NEXTAUTH_SECRET;
      else process.env.NEXTAUTH_SECRET = given;
    }

    const plain = path.join(fresh(), "a", "b");
    await ensurePrivateDirectory(plain);
    expect(modeOf(plain)).toBe(0o700);
  });
});
