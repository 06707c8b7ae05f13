import { decode } from "next-auth/jwt";
import type { HeaderBag } from "@/lib/http/types";
import { isUuid } from "@/lib/ids";

/**
 * next-auth's session cookie read without Next, so pages (through next/headers), the proxy and the
 * framework-free session routes read it the same way. The cookie is an encrypted JWT naming its
 * `auth_sessions` row (`sid`); lib/auth/session-account.ts checks that row is live.
 */

/** `__Secure-` when served over https (next-auth's own choice); both are read. */
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function cookiesOf(headers: HeaderBag): Map<string, string> {
  const cookies = new Map<string, string>();
  const raw = headers.cookie;
  for (const line of Array.isArray(raw) ? raw : raw ? [raw] : []) {
    for (const part of line.split(";")) {
      const eq = part.indexOf("=");
      if (eq < 1) continue;
      const name = part.slice(0, eq).trim();
      if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
    }
  }
  return cookies;
}

/** The cookie's value, joined from next-auth's `.0`, `.1`… chunks when it was split. */
function sessionToken(cookies: Map<string, string>): string | null {
  for (const name of COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length) return chunks.join("");
  }
  return null;
}

export interface SessionClaims {
  accountId: string;
  sessionId: string;
}

/** The claims of a valid, unexpired session cookie; null for none, a forged one or one from before session rows. */
export async function sessionClaims(headers: HeaderBag): Promise<SessionClaims | null> {
  const token = sessionToken(cookiesOf(headers));
  const secret = process.env.NEXTAUTH_SECRET;
  if (!token || !secret) return null;
  try {
    const payload = await decode({ token, secret });
    const accountId = payload?.sub;
    const sessionId = (payload as { sid?: unknown } | null)?.sid;
    if (typeof accountId !== "string" || typeof sessionId !== "string" || !isUuid(sessionId) || !isUuid(accountId)) return null;
    return { accountId, sessionId };
  } catch {
    return null;
  }
}
