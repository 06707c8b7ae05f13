/**
 * The dashboard's calls to its session routes (/api/…), from client components: JSON in and out, and
 * an Error carrying the route's own words when it refuses ({detail} or {error, message, errors}).
 */

export interface SessionProblem {
  loc?: (string | number)[];
  path?: (string | number)[];
  msg?: string;
  message?: string;
}

/** Every problem of an error body as one line ("placement.node: …"), whichever shape it has. */
export function problemsOf(body: unknown, status = 0): string[] {
  const b = (body ?? {}) as { detail?: string | SessionProblem[]; message?: string; errors?: (SessionProblem | string)[] };
  if (Array.isArray(b.detail)) return b.detail.map((d) => (d.loc && d.loc.length > 1 ? `${d.loc.slice(1).join(".")}: ${d.msg}` : String(d.msg)));
  if (typeof b.detail === "string") return [b.detail];
  const listed = (b.errors ?? []).map((e) => (typeof e === "string" ? e : e.path?.length ? `${e.path.join(".")}: ${e.message}` : String(e.message)));
  if (b.message) return [b.message, ...listed];
  return [status ? `The server answered ${status}.` : "Something went wrong."];
}

export class SessionRouteError extends Error {
  constructor(
    readonly status: number,
    readonly problems: string[],
  ) {
    super(problems.join(" "));
  }
}

/** Calls a session route; resolves with its JSON, rejects with a SessionRouteError naming the problems. */
export async function sessionFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const res = await fetch(path, {
    cache: "no-store",
    ...rest,
    ...(json !== undefined ? { body: JSON.stringify(json), headers: { "content-type": "application/json", ...rest.headers } } : {}),
  });
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new SessionRouteError(res.status, problemsOf(body, res.status));
  return body as T;
}
