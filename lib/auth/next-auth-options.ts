import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { clientAddress, servedOverHttps } from "@/lib/http/client-address";
import type { HeaderBag } from "@/lib/http/types";
import { verifyCredentials } from "./accounts-store";
import { signInSchema } from "./schemas";
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions-store";
import { recordAuditForAccount } from "@/lib/workspaces/audit";
import { clearFailures, recordFailure, throttleRules } from "./throttle";

/**
 * next-auth's options for one request. Each sign-in records an `auth_sessions` row whose id rides in
 * the cookie (`sid`); sign-out revokes it. Cookies are `__Secure-` and Secure when the app is
 * reached over https. Failed sign-ins are counted per account and per address (the route refuses
 * blocked ones before next-auth runs: app/api/auth/[...nextauth]/route.ts).
 */
export function authOptionsFor(headers: HeaderBag): NextAuthOptions {
  return {
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: servedOverHttps(headers),
    pages: { signIn: "/login" },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const db = getDb();
          const requestHeaders = (req?.headers ?? {}) as HeaderBag;
          const address = clientAddress(requestHeaders);
          const account = await verifyCredentials(db, parsed.data.email, parsed.data.password);
          if (!account) {
            await recordFailure(db, { rule: throttleRules.signInAccount(), subject: parsed.data.email });
            await recordFailure(db, { rule: throttleRules.signInAddress(), subject: address });
            return null;
          }
          await clearFailures(db, { rule: throttleRules.signInAccount(), subject: parsed.data.email });
          const userAgent = requestHeaders["user-agent"];
          const sid = await createSession(db, { accountId: account.id, clientAddress: address, userAgent: typeof userAgent === "string" ? userAgent : null });
          await recordAuditForAccount(db, account.id, { id: account.id, label: account.username }, { action: "session.signed_in", target: address });
          return { id: account.id, email: account.email, name: account.username, sid };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = (user as { sid?: string }).sid;
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
    events: {
      async signOut({ token }) {
        const sid = (token as { sid?: unknown } | null)?.sid;
        if (typeof sid === "string") await revokeSession(getDb(), sid);
      },
    },
  };
}
