/**
 * Ready-to-paste client code (curl, Python, TypeScript) for one operation of the OpenAPI description:
 * its method and path, the key headers its security scheme names, the header parameters it declares.
 * Framework-free and import-free, so pages build the operation on the server (`snippetOperation`
 * over openApiDocument) and render code in the browser.
 */

export type SnippetLanguage = "curl" | "python" | "typescript";

/** What a snippet needs of an operation: small and serialisable. */
export interface SnippetOperation {
  method: string;
  /** The path template, `/deployment/{deployment_id}/predict`. */
  path: string;
  /** The key headers of the chosen security requirement, in order; `scheme` is its name in the description. */
  auth: { scheme: string; header: string; prefix: string }[];
  /** Header parameters the operation declares (x-loop-id). */
  headers: string[];
  /** Whether it takes a JSON body. */
  json: boolean;
}

interface OpenApiLike {
  paths: Record<string, Record<string, { security?: Record<string, string[]>[]; parameters?: { name: string; in: string }[]; requestBody?: { content?: Record<string, unknown> } }>>;
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }> };
}

/**
 * The operation `method path` of a description, with the security requirement that names `scheme`
 * (else the first): its schemes' headers, an apiKey's own name, a bearer token as Authorization.
 */
export function snippetOperation(document: unknown, method: string, path: string, scheme?: string): SnippetOperation {
  const doc = document as OpenApiLike;
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`The description has no ${method} ${path}`);
  const requirements = operation.security ?? [];
  const requirement = requirements.find((r) => scheme && scheme in r) ?? requirements[0] ?? {};
  const auth = Object.keys(requirement).map((name) => {
    const s = doc.components.securitySchemes[name];
    if (!s) throw new Error(`Unknown security scheme ${name}`);
    if (s.type === "apiKey" && s.in === "header" && s.name) return { scheme: name, header: s.name, prefix: "" };
    if (s.type === "http" && s.scheme === "bearer") return { scheme: name, header: "Authorization", prefix: "Bearer " };
    throw new Error(`The scheme ${name} is not sent in a header snippets can write`);
  });
  return {
    method: method.toUpperCase(),
    path,
    auth,
    headers: (operation.parameters ?? []).filter((p) => p.in === "header").map((p) => p.name),
    json: Boolean(operation.requestBody?.content?.["application/json"]),
  };
}

/** A key read from the environment, or a value written into the code (a user name). */
export type Credential = { env: string } | { value: string };

export interface SnippetCall {
  baseUrl: string;
  pathParams?: Record<string, string>;
  /** Per security scheme name. */
  credentials: Record<string, Credential>;
  /** Values of the operation's header parameters; those without one are left out. */
  headers?: Record<string, string>;
  body?: unknown;
  /** Write the path with a trailing slash, as the loops document does (/train/). */
  trailingSlash?: boolean;
  /** Lines after the call, per language, reading `res`. */
  result?: Partial<Record<SnippetLanguage, string>>;
  /** Objects one field a line (long bodies). */
  multiline?: boolean;
}

/** A JSON value as code: JSON, or a Python literal (True, False, None); objects one field a line when `multiline`. */
export function literal(value: unknown, multiline: boolean, { python = false, indent = "" }: { python?: boolean; indent?: string } = {}): string {
  if (value === null || value === undefined) return python ? "None" : "null";
  if (typeof value === "boolean") return python ? (value ? "True" : "False") : String(value);
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value);
  const inner = `${indent}${python ? "    " : "  "}`;
  const comma = python ? "," : "";
  const nested = (v: unknown) => literal(v, multiline, { python, indent: inner });
  const flat = (v: unknown) => literal(v, false, { python });
  const leaf = (v: unknown) => typeof v !== "object" || v === null;
  if (Array.isArray(value)) {
    if (!multiline || value.every(leaf)) return `[${value.map(flat).join(", ")}]`;
    return `[\n${value.map((v, i) => `${inner}${nested(v)}${i < value.length - 1 ? "," : comma}`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const key = (k: string) => `${JSON.stringify(k)}: `;
  if (!multiline || (entries.length <= ONE_LINE_FIELDS && entries.every(([, v]) => leaf(v)))) {
    return python ? `{${entries.map(([k, v]) => key(k) + flat(v)).join(", ")}}` : JSON.stringify(value);
  }
  return `{\n${entries.map(([k, v], i) => `${inner}${key(k)}${nested(v)}${i < entries.length - 1 ? "," : comma}`).join("\n")}\n${indent}}`;
}

/** Bodies past a few fields go one field a line, so thirty fields read down, not across. */
export const ONE_LINE_FIELDS = 4;

export const pythonLiteral = (value: unknown, multiline: boolean) => literal(value, multiline, { python: true });

function urlOf(operation: SnippetOperation, call: SnippetCall): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(call.pathParams?.[name] ?? `{${name}}`));
  return `${call.baseUrl.replace(/\/+$/, "")}${path}${call.trailingSlash && !path.endsWith("/") ? "/" : ""}`;
}

type Header = { name: string; credential: Credential; prefix: string };

function headersOf(operation: SnippetOperation, call: SnippetCall): Header[] {
  const auth = operation.auth.map(({ scheme, header, prefix }) => {
    const credential = call.credentials[scheme];
    if (!credential) throw new Error(`No credential for the security scheme ${scheme}`);
    return { name: header, credential, prefix };
  });
  const params = operation.headers.filter((name) => call.headers?.[name] !== undefined).map((name) => ({ name, credential: { value: call.headers![name]! }, prefix: "" }));
  return [...auth, ...params];
}

const curlValue = ({ credential, prefix }: Header) => ("env" in credential ? `${prefix}$${credential.env}` : `${prefix}${credential.value}`);
const pythonValue = ({ credential, prefix }: Header) =>
  "env" in credential ? (prefix ? `f"${prefix}{os.environ['${credential.env}']}"` : `os.environ["${credential.env}"]`) : JSON.stringify(prefix + credential.value);
const typescriptValue = ({ credential, prefix }: Header) =>
  "env" in credential ? (prefix ? `\`${prefix}\${process.env.${credential.env}}\`` : `process.env.${credential.env}!`) : JSON.stringify(prefix + credential.value);

/** The call as client code in one language. */
export function renderSnippet(language: SnippetLanguage, operation: SnippetOperation, call: SnippetCall): string {
  const url = urlOf(operation, call);
  const headers = headersOf(operation, call);
  const hasBody = operation.json && call.body !== undefined;
  const multiline = call.multiline ?? false;
  const result = call.result?.[language];
  if (language === "curl") {
    const lines = [`curl -X ${operation.method} ${url}`, ...headers.map((h) => `  -H "${h.name}: ${curlValue(h)}"`)];
    if (hasBody) lines.push(`  -H "Content-Type: application/json"`, `  -d '${literal(call.body, multiline, { indent: "  " }).replace(/'/g, "'\\''")}'`);
    return lines.join(" \\\n");
  }
  if (language === "python") {
    const lines = ["import os, requests", "", "headers = {", ...headers.map((h) => `    ${JSON.stringify(h.name)}: ${pythonValue(h)},`), "}"];
    if (hasBody) lines.push(`body = ${pythonLiteral(call.body, multiline)}`);
    lines.push(`res = requests.${operation.method.toLowerCase()}(${JSON.stringify(url)}, headers=headers${hasBody ? ", json=body" : ""})`, "res.raise_for_status()");
    lines.push(result ?? "print(res.json())");
    return lines.join("\n");
  }
  const lines: string[] = [];
  if (hasBody) lines.push(`const body = ${literal(call.body, multiline)};`);
  lines.push(`const res = await fetch(${JSON.stringify(url)}, {`, `  method: "${operation.method}",`, "  headers: {", ...headers.map((h) => `    ${JSON.stringify(h.name)}: ${typescriptValue(h)},`));
  if (hasBody) lines.push(`    "Content-Type": "application/json",`);
  lines.push("  },");
  if (hasBody) lines.push("  body: JSON.stringify(body),");
  lines.push("});", result ?? "console.log(await res.json());");
  return lines.join("\n");
}
