import NextAuth from "next-auth";
import { authOptionsFor } from "@/lib/auth/next-auth-options";
import { signInBlockedResponse, signInBlockedSeconds } from "@/lib/auth/sign-in-throttle";
import type { HeaderBag } from "@/lib/http/types";

type Context = { params: Promise<{ nextauth: string[] }> };

const headerBag = (request: Request): HeaderBag => Object.fromEntries(request.headers.entries());

// Options per request: whether cookies are Secure depends on how the request arrived.
const run = (request: Request, context: Context) => NextAuth(request as never, context as never, authOptionsFor(headerBag(request))) as Promise<Response>;

export const GET = run;

/** Credentials sign-ins of a blocked account or address get 429 before the password is checked. */
export async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData().catch(() => null);
    const email = form?.get("email");
    const seconds = await signInBlockedSeconds(headerBag(request), typeof email === "string" ? email : "");
    if (seconds > 0) return signInBlockedResponse(new URL(request.url).origin, seconds);
  }
  return run(request, context);
}
