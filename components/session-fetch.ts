import { WORKSPACE_HEADER } from "@/lib/workspaces/paths";

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

/** The open workspace, as the page's URL names it (/w/<slug>/…): session routes act in it. */
export function openWorkspace(): string | null {
  if (typeof window === "undefined") return null;
  const match = /^\/w\/([^/?#]+)/.exec(window.location.pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** Headers that name the open workspace, for calls made without sessionFetch (uploads). */
export function workspaceHeaders(): Record<string, string> {
  const slug = openWorkspace();
  return slug ? { [WORKSPACE_HEADER]: slug } : {};
}

/** A session route's URL for a plain link (downloads), naming the open workspace in `?ws=`. */
export function withWorkspaceQuery(path: string): string {
  const slug = openWorkspace();
  return slug ? `${path}${path.includes("?") ? "&" : "?"}ws=${encodeURIComponent(slug)}` : path;
}

/** Calls a session route; resolves with its JSON, rejects with a SessionRouteError naming the problems. */
export async function sessionFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const headers = { ...workspaceHeaders(), ...(json !== undefined ? { "content-type": "application/json" } : {}), ...(rest.headers as Record<string, string> | undefined) };
  const res = await fetch(path, {
    cache: "no-store",
    ...rest,
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    headers,
  });
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new SessionRouteError(res.status, problemsOf(body, res.status));
  return body as T;
}
