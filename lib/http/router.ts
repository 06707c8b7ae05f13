import type { RouteDefinition } from "./family";
import type { ApiHandler } from "./types";

export type RouteMatch =
  | {
      kind: "found";
      route: RouteDefinition;
      handle: ApiHandler;
      params: Record<string, string>;
      /** A path parameter that is not valid percent-encoded UTF-8 (answered 400 in the route's shape). */
      undecodable?: string;
    }
  | { kind: "method-not-allowed"; allowed: string[]; route: RouteDefinition };

interface CompiledRoute {
  route: RouteDefinition;
  segments: string[];
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
}

function segmentsOf(path: string): string[] {
  return trimSlash(path).split("/").slice(1);
}

/**
 * Maps method + path to a handler. Paths answer with and without the trailing slash. Static paths
 * are one Map lookup; patterns with `:params` are tried in the order they were added, among those
 * with as many segments as the path (their literal segments compared before any parameter is decoded).
 */
export class ApiRouter {
  private readonly exact = new Map<string, RouteDefinition[]>();
  private readonly patterns: CompiledRoute[] = [];
  private readonly patternsByLength = new Map<number, CompiledRoute[]>();

  constructor(routes: RouteDefinition[] = []) {
    routes.forEach((route) => this.add(route));
  }

  add(route: RouteDefinition): this {
    if (route.path.includes(":")) {
      const compiled = { route, segments: segmentsOf(route.path) };
      this.patterns.push(compiled);
      const sameLength = this.patternsByLength.get(compiled.segments.length) ?? [];
      sameLength.push(compiled);
      this.patternsByLength.set(compiled.segments.length, sameLength);
    } else {
      const key = trimSlash(route.path);
      this.exact.set(key, [...(this.exact.get(key) ?? []), route]);
    }
    return this;
  }

  /** Every route, static ones first (for tests that try each route). */
  list(): RouteDefinition[] {
    return [...[...this.exact.values()].flat(), ...this.patterns.map((p) => p.route)];
  }

  match(method: string, rawPath: string): RouteMatch | null {
    const path = trimSlash(rawPath);
    const candidates: ({ route: RouteDefinition } & Segments)[] = [];
    for (const route of this.exact.get(path) ?? []) candidates.push({ route, params: {} });
    if (!candidates.length && this.patterns.length) {
      const parts = segmentsOf(path);
      for (const { route, segments } of this.patternsByLength.get(parts.length) ?? []) {
        const matched = matchSegments(segments, parts);
        if (matched) candidates.push({ route, ...matched });
      }
    }
    if (!candidates.length) return null;
    const wanted = method === "HEAD" ? "GET" : method;
    const hit = candidates.find((c) => c.route.method === wanted);
    if (hit) return { kind: "found", route: hit.route, handle: hit.route.handle, params: hit.params, undecodable: hit.undecodable };
    return { kind: "method-not-allowed", allowed: [...new Set(candidates.map((c) => c.route.method))], route: candidates[0]!.route };
  }
}

interface Segments {
  params: Record<string, string>;
  undecodable?: string;
}

function matchSegments(pattern: string[], parts: string[]): Segments | null {
  if (pattern.length !== parts.length) return null;
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    if (expected.startsWith(":") ? !parts[i] : expected !== parts[i]) return null;
  }
  const params: Record<string, string> = {};
  let undecodable: string | undefined;
  // Every segment matched above: only the parameters are left to decode.
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    if (!expected.startsWith(":")) continue;
    const actual = parts[i]!;
    try {
      params[expected.slice(1)] = decodeURIComponent(actual);
    } catch {
      // Still this route: it answers the malformed segment in its own shape.
      params[expected.slice(1)] = actual;
      undecodable ??= expected.slice(1);
    }
  }
  return { params, undecodable };
}
