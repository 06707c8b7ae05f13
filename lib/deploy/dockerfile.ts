/**
 * A Dockerfile read into its stages and instructions, so the tests can carry out the image's own
 * steps (COPY, RUN, ENV, USER, CMD) outside a container (lib/deploy/image-commands.test.ts).
 */
export interface Instruction {
  op: string;
  /** Everything after the keyword, continuation lines joined. */
  args: string;
}

export interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.replace(/\\\n/g, " ").split("\n");
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [op, ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    const keyword = op!.toUpperCase();
    if (keyword === "ARG" && !stages.length) continue;
    if (keyword === "FROM") {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!m) throw new Error(`cannot read FROM ${args}`);
      stages.push({ base: m[1]!, name: m[2] ?? String(stages.length), instructions: [] });
    } else {
      if (!stages.length) throw new Error(`${keyword} before FROM`);
      stages.at(-1)!.instructions.push({ op: keyword, args });
    }
  }
  return stages;
}

/** ENV a=1 b=2 (no quoting: the image's values are plain words). */
export function envPairs(args: string): [string, string][] {
  return args.split(/\s+/).map((pair) => {
    const at = pair.indexOf("=");
    if (at < 1) throw new Error(`ENV ${pair}: use NAME=value`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  });
}

/** The exec form of CMD/ENTRYPOINT: ["node", "dist/server.js"]. */
export function execForm(args: string): string[] {
  const value = JSON.parse(args) as unknown;
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) throw new Error(`not an exec form: ${args}`);
  return value as string[];
}

/** A RUN line's shell command, without BuildKit's options (--mount=…), which are not part of it. */
export function runCommand(args: string): string {
  return args.replace(/^(--\S+\s+)+/, "");
}

/** COPY [--from=stage] [--chown=…] src… dest */
export function copyArgs(args: string): { from: string | null; sources: string[]; dest: string } {
  const words = args.split(/\s+/);
  let from: string | null = null;
  while (words[0]?.startsWith("--")) {
    const flag = words.shift()!;
    if (flag.startsWith("--from=")) from = flag.slice("--from=".length);
    else throw new Error(`COPY ${flag} is not handled here`);
  }
  const dest = words.pop()!;
  return { from, sources: words, dest };
}
