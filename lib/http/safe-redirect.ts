/**
 * A `next=` target after sign-in, kept only when it is a path on this app: parsed as a URL against a
 * stand-in origin and refused unless it stays there. Control characters and backslashes are refused
 * before parsing: browsers drop tabs and newlines and read `\` as `/`, so `/\evil.host` and
 * `/<tab>/evil.host` would leave the app.
 */
export function sameOriginPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.length > 2000) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  const base = new URL("http://app.invalid");
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return "/";
  }
  return url.origin === base.origin ? url.pathname + url.search + url.hash : "/";
}
