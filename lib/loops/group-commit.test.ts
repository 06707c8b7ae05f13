import { describe, expect, it } from "vitest";
import { GroupCommitter, QueueFullError, type MemberOutcome } from "./group-commit";

interface M {
  name: string;
  rows: number;
  bytes: number;
}

/** A committer whose groups are recorded and held until released. */
function recording(limits = { groupRows: 10, groupBytes: 1000, queuedRows: 30, queuedBytes: 10_000 }) {
  const groups: string[][] = [];
  const releases: (() => void)[] = [];
  const committer = new GroupCommitter<M, string>(async (_key, members) => {
    groups.push(members.map((m) => m.name));
    await new Promise<void>((resolve) => releases.push(resolve));
    return members.map((m): MemberOutcome<string> => (m.name.startsWith("bad") ? { ok: false, error: new Error(m.name) } : { ok: true, value: `${m.name} done` }));
  }, limits);
  const releaseNext = async () => {
    while (!releases.length) await new Promise((r) => setImmediate(r));
    releases.shift()!();
  };
  return { committer, groups, releaseNext };
}

const m = (name: string, rows = 1, bytes = 10): M => ({ name, rows, bytes });

describe("group commit", () => {
  it("starts the first caller at once and gathers the callers that arrive meanwhile, in arrival order", async () => {
    const { committer, groups, releaseNext } = recording();
    const first = committer.submit("loop", m("a"));
    await new Promise((r) => setImmediate(r));
    const rest = ["b", "c", "d"].map((n) => committer.submit("loop", m(n)));
    await releaseNext();
    await releaseNext();
    expect(await Promise.all([first, ...rest])).toEqual(["a done", "b done", "c done", "d done"]);
    expect(groups).toEqual([["a"], ["b", "c", "d"]]);
  });

  it("answers each member on its own: one failure fails only its caller", async () => {
    const { committer, releaseNext } = recording();
    const answers = ["a", "bad", "c"].map((n) => committer.submit("loop", m(n)).then(String, (e: Error) => `failed: ${e.message}`));
    await releaseNext();
    expect(await Promise.all(answers)).toEqual(["a done", "failed: bad", "c done"]);
  });

  it("keeps groups within their rows and never splits a caller's rows", async () => {
    const { committer, groups, releaseNext } = recording({ groupRows: 10, groupBytes: 1000, queuedRows: 100, queuedBytes: 10_000 });
    const answers = [m("a", 4), m("b", 4), m("c", 4), m("big", 25)].map((x) => committer.submit("loop", x));
    for (let i = 0; i < 3; i++) await releaseNext();
    await Promise.all(answers);
    expect(groups).toEqual([["a", "b"], ["c"], ["big"]]);
  });

  it("refuses a caller past the queue's bound instead of holding it", async () => {
    const { committer, releaseNext } = recording({ groupRows: 10, groupBytes: 1000, queuedRows: 5, queuedBytes: 10_000 });
    const running = committer.submit("loop", m("a", 3));
    await new Promise((r) => setImmediate(r)); // "a" runs; what follows waits
    const waiting = committer.submit("loop", m("b", 3));
    await expect(committer.submit("loop", m("c", 3))).rejects.toBeInstanceOf(QueueFullError);
    expect(committer.queued("loop")).toBe(3);
    const other = committer.submit("other loop", m("d", 3)); // each loop has its own queue
    await releaseNext();
    await releaseNext();
    await releaseNext();
    expect(await Promise.all([running, waiting, other])).toEqual(["a done", "b done", "d done"]);
  });
});
