/**
 * Dashboard URLs name the open workspace: /w/<slug>/loops/… The proxy passes the slug on to the
 * page in a header; links and the pages' own calls keep it.
 */

/** The header naming the open workspace: set by the proxy for pages, by the dashboard's own calls for session routes. */
export const WORKSPACE_HEADER = "x-crucible-workspace";


const PREFIXED = /^\/w\/([^/?#]+)(\/[^?#]*)?([?#].*)?$/;

/** Paths that are never inside a workspace. */
const OUTSIDE = /^\/(?:w|api|login|signup|invite|reset|workspaces|account|_next|healthz|openapi\.json)(?:[/?#]|$)/;

export function workspacePath(slug: string, path: string): string {
  if (!path.startsWith("/") || path.startsWith("//") || OUTSIDE.test(path)) return path;
  const base = `/w/${encodeURIComponent(slug)}`;
  return path === "/" ? base : path.startsWith("/?") || path.startsWith("/#") ? base + path.slice(1) : base + path;
}

/** The slug and the page path of a /w/<slug>/… path, or null. */
export function splitWorkspacePath(path: string): { slug: string; rest: string } | null {
  const match = PREFIXED.exec(path);
  if (!match) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return { slug, rest: (match[2] || "/") + (match[3] ?? "") };
}
