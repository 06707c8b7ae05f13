// How the pages say what a deployment serves and follows, from the API's fields alone (no imports:
// client components use it).

/** What a deployment follows: an alias name, or null when pinned (a number, or null: latest at deploy time). */
export function followedAlias(versionRef: string | null): string | null {
  return versionRef === null || /^\d+$/.test(versionRef) ? null : versionRef;
}

/** "serving v2 · follows production", "pinned to v1". */
export function servingLine(version: number | null, versionRef: string | null): string {
  const follows = followedAlias(versionRef);
  if (version === null) return follows ? `no version yet · follows ${follows}` : "no version";
  if (follows) return `serving v${version} · follows ${follows}`;
  return versionRef === null ? `pinned to v${version} (latest at deploy time)` : `pinned to v${version}`;
}
