import { ApiError } from "./errors";
import { header, type HeaderBag } from "./types";

/**
 * Cross-site request forgery protection for the dashboard's session routes: a request that changes
 * something must come from the app's own pages. Browsers say where a request comes from in
 * Sec-Fetch-Site (every current browser) and Origin (every cross-origin request and every same-origin
 * POST); a request with neither is not from a browser, so no cookie of a victim rides along. This is
 * the rule of Go's net/http CrossOriginProtection. A page on another port of the same host is another
 * origin ("same-site", not "same-origin") and is refused.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins this app answers as: PUBLIC_URL / NEXTAUTH_URL when set, and the request's own host. */
function ownOrigins(headers: HeaderBag): Set<string> {
  const origins = new Set<string>();
  for (const configured of [process.env.PUBLIC_URL, process.env.NEXTAUTH_URL]) {
    if (!configured) continue;
    try {
      origins.add(new URL(configured).origin);
    } catch {
      // not a URL: ignored here, reported where it is used
    }
  }
  const host = header(headers, "host");
  if (host) {
    origins.add(`http://${host}`);
    origins.add(`https://${host}`);
  }
  return origins;
}

/** Null when the request may change state, else why not. */
export function crossOriginProblem(method: string, headers: HeaderBag): string | null {
  if (SAFE_METHODS.has(method)) return null;
  const site = header(headers, "sec-fetch-site");
  if (site !== undefined) {
    // "none" is a navigation the user typed or bookmarked, which cannot carry a forged body.
    return site === "same-origin" || site === "none" ? null : `This request came from another site (Sec-Fetch-Site: ${site}); the dashboard's routes accept requests from its own pages only.`;
  }
  const origin = header(headers, "origin");
  if (origin === undefined) return null;
  return ownOrigins(headers).has(origin) ? null : `This request came from ${origin}, not from this app's own pages.`;
}

/** What a JSON session route accepts as its body's type. */
function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType?.trim() ?? "");
}

/**
 * Refuses what a forged form could send: another origin (403), or a body that is not declared as
 * JSON (415; a form cannot send application/json across origins without the browser asking first).
 * Routes that take files (`rawBody`) declare their own content types.
 */
export function checkSameOriginRequest(method: string, headers: HeaderBag, body: { length: number } | null, rawBody: boolean): void {
  const crossOrigin = crossOriginProblem(method, headers);
  if (crossOrigin) throw new ApiError(403, crossOrigin);
  if (rawBody || SAFE_METHODS.has(method)) return;
  const contentType = header(headers, "content-type");
  const hasBody = (body?.length ?? 0) > 0 || Number(header(headers, "content-length") ?? 0) > 0;
  if ((hasBody || contentType !== undefined) && !isJson(contentType)) {
    throw new ApiError(415, "Send the body as JSON with Content-Type: application/json.");
  }
}
