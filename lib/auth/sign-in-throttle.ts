import { getDb } from "@/db/client";
import { clientAddress } from "@/lib/http/client-address";
import type { HeaderBag } from "@/lib/http/types";
import { blockedSeconds, throttleRules } from "./throttle";

/**
 * Seconds a credentials sign-in must wait (its account or its address has failed too often), or 0.
 * Checked before the password, so a blocked account cannot be signed into even with the right one.
 */
export async function signInBlockedSeconds(headers: HeaderBag, email: string): Promise<number> {
  const subjects = [{ rule: throttleRules.signInAddress(), subject: clientAddress(headers) }];
  if (email.trim()) subjects.push({ rule: throttleRules.signInAccount(), subject: email.trim() });
  return blockedSeconds(getDb(), subjects);
}

/**
 * The 429 next-auth's client understands: its signIn() reads `url`'s `error` parameter, so the sign-in
 * form can say how long to wait.
 */
export function signInBlockedResponse(origin: string, seconds: number): Response {
  const url = new URL("/login", origin);
  url.searchParams.set("error", "TooManyAttempts");
  url.searchParams.set("retry_after", String(seconds));
  return Response.json(
    { url: url.toString(), error: "too_many_requests", message: `Too many failed sign-ins; try again in ${seconds} s.` },
    { status: 429, headers: { "retry-after": String(seconds), "cache-control": "no-store" } },
  );
}
