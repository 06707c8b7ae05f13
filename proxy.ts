import { NextResponse, type NextRequest } from "next/server";
import { sessionClaims } from "@/lib/auth/session-cookie";
import { servedOverHttps } from "@/lib/http/client-address";
import { pageContentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";
import type { HeaderBag } from "@/lib/http/types";
import { splitWorkspacePath, WORKSPACE_HEADER } from "@/lib/workspaces/paths";

/** Dashboard paths: signed-out visitors are sent to the sign-in page with a way back. */
const SIGNED_IN_PATHS = /^\/(?:$|(?:loops|models|deployments|tasks|keys|docs|work|admin|members|audit|workspaces|account)(?:\/|$))/;

/**
 * Every page gets a Content-Security-Policy with a fresh nonce (Next reads it from the request's
 * header and puts it on its scripts) and the common security headers. For dashboard paths this is
 * also an optimistic sign-in check (a valid cookie); the layouts check the session for real.
 */
export async function proxy(request: NextRequest) {
  const headers: HeaderBag = Object.fromEntries(request.headers.entries());
  const https = servedOverHttps(headers);
  // /w/<slug>/<page>: the page is told which workspace is open by a header only the proxy sets.
  const inWorkspace = splitWorkspacePath(request.nextUrl.pathname);
  const path = inWorkspace ? inWorkspace.rest : request.nextUrl.pathname;
  if ((inWorkspace || SIGNED_IN_PATHS.test(path)) && !(await sessionClaims(headers))) {
    const login = new URL("/login", request.url);
    const back = request.nextUrl.pathname + request.nextUrl.search;
    if (back !== "/") login.searchParams.set("next", back);
    return withHeaders(NextResponse.redirect(login), https, null);
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = pageContentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", policy);
  forwarded.delete(WORKSPACE_HEADER);
  if (inWorkspace) forwarded.set(WORKSPACE_HEADER, inWorkspace.slug);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), https, policy);
}

function withHeaders(response: NextResponse, https: boolean, policy: string | null): NextResponse {
  for (const [name, value] of Object.entries(securityHeaders(https))) response.headers.set(name, value);
  if (policy) response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API paths are answered before Next by the server's fast path (with their own headers),
  // and static files need no nonce.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon\\.ico|api/|v1/|model/|deployment/|mltraining/|definitions|train|predict|healthz|bench/).*)",
    },
  ],
};
