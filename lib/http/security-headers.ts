/**
 * Headers every answer carries (pages, API answers, files): no MIME sniffing, no framing, referrers
 * kept on this origin, HSTS when the app is reached over https. Pages get their Content-Security-
 * Policy with a per-request nonce from proxy.ts; API answers get one that allows nothing, since they
 * are data, never documents to render.
 */

const COMMON: Readonly<Record<string, string>> = Object.freeze({
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
});
const OVER_HTTPS: Readonly<Record<string, string>> = Object.freeze({ ...COMMON, "strict-transport-security": "max-age=31536000; includeSubDomains" });

/** The headers for an answer (shared, frozen objects: copy before changing). */
export function securityHeaders(https: boolean): Readonly<Record<string, string>> {
  return https ? OVER_HTTPS : COMMON;
}

/** For JSON and file answers of the APIs: a document that runs nothing and cannot be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

const API_PLAIN = Object.freeze({ ...COMMON, "content-security-policy": API_CONTENT_SECURITY_POLICY });
const API_HTTPS = Object.freeze({ ...OVER_HTTPS, "content-security-policy": API_CONTENT_SECURITY_POLICY });

/** Every header an API answer carries, over http or https. */
export function apiSecurityHeaders(https: boolean): Readonly<Record<string, string>> {
  return https ? API_HTTPS : API_PLAIN;
}

/**
 * For pages: scripts only from this origin with the request's nonce (Next puts it on its own
 * scripts), no plugins, no framing, forms only to this origin. Styles may be inline (React style
 * attributes, charts). Task media may come from the requester's own hosts, so images, audio and
 * video load from any http(s) origin.
 */
export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https: http:",
    "media-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
