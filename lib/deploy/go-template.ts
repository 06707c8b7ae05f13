import { stringify } from "yaml";

/**
 * The part of Go's text/template (with Helm's functions) that the chart in docs/deploy/helm uses,
 * so the tests can render it here, where Helm cannot be installed: text and `{{ }}` actions with the
 * `{{-`/`-}}` trim markers and comments; if/else if/else, with, range (over lists and maps, with
 * `$i, $v :=`), define, template, variables (`$`, `$x := …`); pipelines of fields, literals and the
 * functions below. Anything else (an unknown function, a keyword not listed) is an error, never a
 * silent difference: the chart keeps to what this renders, and the tests render every template.
 */
export type Data = unknown;

type Token =
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "field"; path: string[] } // .A.B (empty path: the dot)
  | { t: "var"; name: string; path: string[] } // $x.A
  | { t: "ident"; v: string }
  | { t: "punct"; v: "|" | "(" | ")" | ":=" | "=" | "," };

type Operand = { k: "lit"; v: unknown } | { k: "field"; path: string[] } | { k: "var"; name: string; path: string[] } | { k: "fn"; name: string } | { k: "sub"; pipe: Pipeline };
interface Pipeline {
  decl: string[];
  assign: boolean;
  commands: Operand[][];
}

type Node =
  | { k: "text"; v: string }
  | { k: "out"; pipe: Pipeline }
  | { k: "if"; branches: { cond: Pipeline; body: Node[] }[]; otherwise: Node[] }
  | { k: "with"; pipe: Pipeline; body: Node[]; otherwise: Node[] }
  | { k: "range"; pipe: Pipeline; body: Node[]; otherwise: Node[] }
  | { k: "template"; name: string; pipe: Pipeline | null };

export class TemplateError extends Error {}

// ---- lexing the text into text pieces and actions -------------------------------------------

interface RawAction {
  text: string;
  line: number;
}

function split(source: string): (string | RawAction)[] {
  const parts: (string | RawAction)[] = [];
  let at = 0;
  let trimNext = false;
  while (at < source.length) {
    const open = source.indexOf("{{", at);
    let text = open === -1 ? source.slice(at) : source.slice(at, open);
    if (trimNext) text = text.replace(/^\s+/, "");
    if (open === -1) {
      parts.push(text);
      break;
    }
    let inner = open + 2;
    if (source.startsWith("- ", inner) || source.startsWith("-\n", inner)) {
      text = text.replace(/\s+$/, "");
      inner += 1;
    }
    parts.push(text);
    const close = source.indexOf("}}", inner);
    if (close === -1) throw new TemplateError(`unclosed action at line ${lineOf(source, open)}`);
    let body = source.slice(inner, close);
    trimNext = /\s-$/.test(body);
    if (trimNext) body = body.slice(0, -1);
    const trimmed = body.trim();
    if (!(trimmed.startsWith("/*") && trimmed.endsWith("*/"))) parts.push({ text: trimmed, line: lineOf(source, open) });
    at = close + 2;
  }
  return parts;
}

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split("\n").length;
}

function tokenize(text: string, line: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new TemplateError(`line ${line}: ${why} in {{ ${text} }}`);
  };
  const pathAt = (): string[] => {
    const path: string[] = [];
    while (text[i] === "." && /[A-Za-z_]/.test(text[i + 1] ?? "")) {
      const m = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i))!;
      path.push(m[1]!);
      i += m[0].length;
    }
    return path;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(i)) ?? fail("unterminated string");
      tokens.push({ t: "str", v: JSON.parse(m[0]) as string });
      i += m[0].length;
    } else if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end === -1) fail("unterminated raw string");
      tokens.push({ t: "str", v: text.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(c) || (c === "-" && /[0-9]/.test(text[i + 1] ?? ""))) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(i))!;
      tokens.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
    } else if (c === ".") {
      const path = pathAt();
      if (!path.length) i++; // the dot itself
      tokens.push({ t: "field", path });
    } else if (c === "$") {
      const m = /^\$[A-Za-z0-9_]*/.exec(text.slice(i))!;
      i += m[0].length;
      tokens.push({ t: "var", name: m[0], path: pathAt() });
    } else if (text.startsWith(":=", i)) {
      tokens.push({ t: "punct", v: ":=" });
      i += 2;
    } else if ("|(),=".includes(c)) {
      tokens.push({ t: "punct", v: c as "|" | "(" | ")" | "," | "=" });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      tokens.push({ t: "ident", v: m[0] });
      i += m[0].length;
    } else fail(`unexpected ${JSON.stringify(c)}`);
  }
  return tokens;
}

// ---- parsing --------------------------------------------------------------------------------

function parsePipeline(tokens: Token[], line: number): Pipeline {
  let i = 0;
  const decl: string[] = [];
  let assign = false;
  const declEnd = tokens.findIndex((t) => t.t === "punct" && (t.v === ":=" || t.v === "="));
  if (declEnd !== -1 && tokens.slice(0, declEnd).every((t) => t.t === "var" || (t.t === "punct" && t.v === ","))) {
    for (const t of tokens.slice(0, declEnd)) if (t.t === "var") decl.push(t.name);
    assign = (tokens[declEnd] as { v: string }).v === "=";
    i = declEnd + 1;
  }
  const parse = (stopAtParen: boolean): Operand[][] => {
    const commands: Operand[][] = [[]];
    while (i < tokens.length) {
      const t = tokens[i++]!;
      if (t.t === "punct" && t.v === ")") {
        if (!stopAtParen) throw new TemplateError(`line ${line}: unexpected )`);
        return commands;
      }
      if (t.t === "punct" && t.v === "|") commands.push([]);
      else if (t.t === "punct" && t.v === "(") commands.at(-1)!.push({ k: "sub", pipe: { decl: [], assign: false, commands: parse(true) } });
      else if (t.t === "str" || t.t === "num") commands.at(-1)!.push({ k: "lit", v: t.v });
      else if (t.t === "field") commands.at(-1)!.push({ k: "field", path: t.path });
      else if (t.t === "var") commands.at(-1)!.push({ k: "var", name: t.name, path: t.path });
      else if (t.t === "ident") {
        if (t.v === "true" || t.v === "false") commands.at(-1)!.push({ k: "lit", v: t.v === "true" });
        else if (t.v === "nil") commands.at(-1)!.push({ k: "lit", v: null });
        else if (FUNCTIONS.has(t.v)) commands.at(-1)!.push({ k: "fn", name: t.v });
        else throw new TemplateError(`line ${line}: function "${t.v}" is not one this renderer knows`);
      } else throw new TemplateError(`line ${line}: unexpected token`);
    }
    if (stopAtParen) throw new TemplateError(`line ${line}: unclosed (`);
    return commands;
  };
  const commands = parse(false);
  if (commands.some((c) => !c.length)) throw new TemplateError(`line ${line}: empty command in a pipeline`);
  return { decl, assign, commands };
}

interface Parsed {
  nodes: Node[];
  defines: Map<string, Node[]>;
}

function parse(source: string, name: string): Parsed {
  const parts = split(source);
  const defines = new Map<string, Node[]>();
  let at = 0;
  /** Nodes up to an {{ end }} / {{ else … }} (returned as the stopper) or the end of the text. */
  const block = (inside: string | null): { nodes: Node[]; stop: RawAction | null } => {
    const nodes: Node[] = [];
    while (at < parts.length) {
      const part = parts[at++]!;
      if (typeof part === "string") {
        if (part) nodes.push({ k: "text", v: part });
        continue;
      }
      const tokens = tokenize(part.text, part.line);
      const head = tokens[0];
      const keyword = head?.t === "ident" && KEYWORDS.has(head.v) ? head.v : null;
      const rest = () => parsePipeline(tokens.slice(1), part.line);
      if (keyword === "end" || keyword === "else") {
        if (!inside) throw new TemplateError(`${name}:${part.line}: {{ ${keyword} }} outside a block`);
        return { nodes, stop: part };
      }
      if (keyword === "if" || keyword === "with" || keyword === "range") {
        const first = rest();
        const body = block(keyword);
        if (keyword === "if") {
          const branches = [{ cond: first, body: body.nodes }];
          let stop = body.stop;
          let otherwise: Node[] = [];
          while (stop && stop.text.startsWith("else")) {
            const elseTokens = tokenize(stop.text, stop.line);
            const next = block(keyword);
            if (elseTokens[1]?.t === "ident" && elseTokens[1].v === "if") {
              branches.push({ cond: parsePipeline(elseTokens.slice(2), stop.line), body: next.nodes });
            } else otherwise = next.nodes;
            stop = next.stop;
          }
          if (!stop) throw new TemplateError(`${name}: {{ if }} at line ${part.line} has no {{ end }}`);
          nodes.push({ k: "if", branches, otherwise });
        } else {
          let otherwise: Node[] = [];
          let stop = body.stop;
          if (stop && stop.text.startsWith("else")) {
            const next = block(keyword);
            otherwise = next.nodes;
            stop = next.stop;
          }
          if (!stop) throw new TemplateError(`${name}: {{ ${keyword} }} at line ${part.line} has no {{ end }}`);
          nodes.push({ k: keyword, pipe: first, body: body.nodes, otherwise });
        }
      } else if (keyword === "define") {
        const nameToken = tokens[1];
        if (nameToken?.t !== "str") throw new TemplateError(`${name}:${part.line}: define needs a quoted name`);
        const body = block("define");
        if (!body.stop || body.stop.text !== "end") throw new TemplateError(`${name}: define "${nameToken.v}" has no {{ end }}`);
        defines.set(nameToken.v, body.nodes);
      } else if (keyword === "template") {
        const nameToken = tokens[1];
        if (nameToken?.t !== "str") throw new TemplateError(`${name}:${part.line}: template needs a quoted name`);
        nodes.push({ k: "template", name: nameToken.v, pipe: tokens.length > 2 ? parsePipeline(tokens.slice(2), part.line) : null });
      } else nodes.push({ k: "out", pipe: parsePipeline(tokens, part.line) });
    }
    if (inside) throw new TemplateError(`${name}: {{ ${inside} }} has no {{ end }}`);
    return { nodes, stop: null };
  };
  return { nodes: block(null).nodes, defines };
}

const KEYWORDS = new Set(["if", "else", "end", "range", "with", "define", "template"]);

// ---- evaluation -----------------------------------------------------------------------------

export function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

function field(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === undefined || current === null) return undefined;
    if (typeof current !== "object" || Array.isArray(current)) throw new TemplateError(`cannot read .${key} of a ${Array.isArray(current) ? "list" : typeof current}`);
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function printed(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new TemplateError(`a ${Array.isArray(value) ? "list" : "map"} printed as text (use toYaml)`);
}

function toYaml(value: unknown): string {
  if (value === undefined || value === null) return "null";
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, "");
}

function indentText(spaces: number, text: string): string {
  const pad = " ".repeat(spaces);
  return text.split("\n").map((line) => pad + line).join("\n");
}

type Fn = (renderer: Renderer, ...args: unknown[]) => unknown;

const FUNCTIONS = new Map<string, Fn>([
  ["include", (r, name, data) => r.include(String(name), data)],
  ["quote", (_r, ...values) => values.map((v) => JSON.stringify(printed(v))).join(" ")],
  ["toYaml", (_r, value) => toYaml(value)],
  ["indent", (_r, n, text) => indentText(Number(n), printed(text))],
  ["nindent", (_r, n, text) => `\n${indentText(Number(n), printed(text))}`],
  ["default", (_r, fallback, value) => (truthy(value) ? value : fallback)],
  [
    "required",
    (_r, message, value) => {
      if (value === undefined || value === null || value === "") throw new TemplateError(String(message));
      return value;
    },
  ],
  ["printf", (_r, format, ...args) => String(format).replace(/%[sdv]/g, () => printed(args.shift()))],
  ["trunc", (_r, n, text) => printed(text).slice(0, Number(n))],
  ["trimSuffix", (_r, suffix, text) => (printed(text).endsWith(String(suffix)) ? printed(text).slice(0, -String(suffix).length) : printed(text))],
  ["toString", (_r, value) => printed(value)],
  ["add", (_r, ...values) => values.reduce((sum: number, v) => sum + Number(v), 0)],
  ["contains", (_r, part, text) => printed(text).includes(printed(part))],
  ["eq", (_r, a, b) => a === b],
  ["ne", (_r, a, b) => a !== b],
  ["not", (_r, value) => !truthy(value)],
  ["and", (_r, ...values) => values.reduce((acc, v) => (truthy(acc) ? v : acc))],
  ["or", (_r, ...values) => values.reduce((acc, v) => (truthy(acc) ? acc : v))],
]);

type Scope = Map<string, unknown>;

class Renderer {
  private depth = 0;
  constructor(private readonly defines: Map<string, Node[]>) {}

  include(name: string, data: unknown): string {
    const body = this.defines.get(name);
    if (!body) throw new TemplateError(`no template named "${name}"`);
    if (++this.depth > 50) throw new TemplateError(`"${name}" includes itself too deeply`);
    try {
      return this.nodes(body, data, new Map([["$", data]]));
    } finally {
      this.depth--;
    }
  }

  nodes(nodes: Node[], dot: unknown, scope: Scope): string {
    let out = "";
    for (const node of nodes) out += this.node(node, dot, scope);
    return out;
  }

  private node(node: Node, dot: unknown, scope: Scope): string {
    switch (node.k) {
      case "text":
        return node.v;
      case "out": {
        const value = this.pipeline(node.pipe, dot, scope);
        if (node.pipe.decl.length) {
          for (const name of node.pipe.decl) scope.set(name, value);
          return "";
        }
        return printed(value);
      }
      case "if": {
        for (const branch of node.branches) if (truthy(this.pipeline(branch.cond, dot, scope))) return this.nodes(branch.body, dot, new Map(scope));
        return this.nodes(node.otherwise, dot, new Map(scope));
      }
      case "with": {
        const value = this.pipeline(node.pipe, dot, scope);
        return truthy(value) ? this.nodes(node.body, value, new Map(scope)) : this.nodes(node.otherwise, dot, new Map(scope));
      }
      case "range": {
        const value = this.pipeline({ ...node.pipe, decl: [] }, dot, scope);
        if (!truthy(value)) return this.nodes(node.otherwise, dot, new Map(scope));
        if (typeof value !== "object" || value === null) throw new TemplateError("range over something that is not a list or a map");
        const entries: [unknown, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]]);
        let out = "";
        for (const [key, item] of entries) {
          const inner = new Map(scope);
          const [first, second] = node.pipe.decl;
          if (first && second) {
            inner.set(first, key);
            inner.set(second, item);
          } else if (first) inner.set(first, item);
          out += this.nodes(node.body, item, inner);
        }
        return out;
      }
      case "template":
        return this.include(node.name, node.pipe ? this.pipeline(node.pipe, dot, scope) : undefined);
    }
  }

  private operand(op: Operand, dot: unknown, scope: Scope): unknown {
    switch (op.k) {
      case "lit":
        return op.v;
      case "field":
        return field(dot, op.path);
      case "var":
        if (!scope.has(op.name)) throw new TemplateError(`undefined variable ${op.name}`);
        return field(scope.get(op.name), op.path);
      case "sub":
        return this.pipeline(op.pipe, dot, scope);
      case "fn":
        return this.call(op.name, []);
    }
  }

  private call(name: string, args: unknown[]): unknown {
    return FUNCTIONS.get(name)!(this, ...args);
  }

  private pipeline(pipe: Pipeline, dot: unknown, scope: Scope): unknown {
    let piped: { value: unknown } | null = null;
    for (const command of pipe.commands) {
      const [head, ...rest] = command;
      if (head!.k === "fn") {
        const args = rest.map((op) => this.operand(op, dot, scope));
        if (piped) args.push(piped.value);
        piped = { value: this.call(head!.name, args) };
      } else {
        if (rest.length || piped) throw new TemplateError("only a function takes arguments or a piped value");
        piped = { value: this.operand(head!, dot, scope) };
      }
    }
    return piped!.value;
  }
}

/**
 * Renders `templates` (file name → text) with `data` as the dot, Helm's way: every file's defines
 * are shared, and each file not starting with "_" renders to one output.
 */
export function renderTemplates(templates: Record<string, string>, data: Data): Record<string, string> {
  const parsed = Object.entries(templates).map(([name, text]) => [name, parse(text, name)] as const);
  const defines = new Map<string, Node[]>();
  for (const [, p] of parsed) for (const [name, body] of p.defines) defines.set(name, body);
  const renderer = new Renderer(defines);
  const out: Record<string, string> = {};
  for (const [name, p] of parsed) {
    if (name.split("/").at(-1)!.startsWith("_")) continue;
    out[name] = renderer.nodes(p.nodes, data, new Map([["$", data]]));
  }
  return out;
}
