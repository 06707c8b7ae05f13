import { z } from "zod";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { sessionApi } from "@/lib/http/families";
import { clientAddress } from "@/lib/http/client-address";
import { publicBaseUrl } from "@/lib/http/public-url";
import { isUuid } from "@/lib/ids";
import { mailConfigured, sendMail } from "@/lib/mail/send";
import { recordAuditForAccount } from "@/lib/workspaces/audit";
import { setAccountEnabled } from "@/lib/workspaces/lifecycle";
import { checkAccountPassword, findAccountByEmail, getAccount, setAccountPassword } from "./accounts-store";
import { forgetAccountKeysEverywhere } from "./key-lookup";
import { createPasswordReset, RESET_HOURS, usePasswordReset } from "./password-resets";
import { signUpSchema } from "./schemas";
import { sessionClaims } from "./session-cookie";
import { revokeAccountSessions } from "./sessions-store";
import { recordFailure, throttleRules, blockedSeconds } from "./throttle";

const NO_STORE = { "cache-control": "no-store" };
const password = signUpSchema.shape.password;

/** Changes the signed-in account's password; its other sessions end. */
const changePassword = defineRoute(
  sessionApi,
  { method: "POST", path: "/api/account/password", access: "account", body: z.object({ current: z.string().min(1, "Enter your current password.").max(1000), password }) },
  async ({ request, auth, body }) => {
    const db = getDb();
    if (!(await checkAccountPassword(db, auth.accountId, body.current))) throw new ApiError(400, "The current password is not right.", [{ path: ["current"], message: "The current password is not right.", type: "invalid" }]);
    await setAccountPassword(db, auth.accountId, body.password);
    const claims = await sessionClaims(request.headers);
    await revokeAccountSessions(db, auth.accountId, claims?.sessionId); // this browser stays signed in
    await recordAuditForAccount(db, auth.accountId, { id: auth.accountId, label: auth.account.username }, { action: "account.password_changed", target: auth.account.username });
    return { status: 200, headers: NO_STORE, body: { ok: true } };
  },
);

function accountParam(params: Record<string, string>): string {
  const id = params.account_id ?? "";
  if (!isUuid(id)) throw new ApiError(404, "No such account.");
  return id;
}

/** The server's admin disables or enables an account: sessions and keys stop at once. */
const setEnabled = defineRoute(
  sessionApi,
  { method: "POST", path: "/api/admin/accounts/:account_id/enabled", access: "admin", body: z.object({ enabled: z.boolean() }) },
  async ({ request, auth, body }) => {
    const accountId = accountParam(request.params);
    const target = await getAccount(getDb(), accountId);
    if (!target) throw new ApiError(404, "No such account.");
    const result = await setAccountEnabled(getDb(), { id: auth.accountId, label: auth.account.username }, accountId, target.username, body.enabled);
    if (!result.ok) throw new ApiError(result.status, result.message);
    return { status: 200, headers: NO_STORE, body: { accountId, enabled: body.enabled } };
  },
);

/** A password reset link for someone (shown once to the admin; mailed too when SMTP is set). */
const adminReset = defineRoute(sessionApi, { method: "POST", path: "/api/admin/accounts/:account_id/reset", access: "admin" }, async ({ request, auth }) => {
  const accountId = accountParam(request.params);
  const db = getDb();
  const target = await getAccount(db, accountId);
  if (!target) throw new ApiError(404, "No such account.");
  const url = `${publicBaseUrl(request.headers)}/reset/${await createPasswordReset(db, accountId, auth.accountId)}`;
  await recordAuditForAccount(db, accountId, { id: auth.accountId, label: auth.account.username }, { action: "account.password_reset_link", target: target.username });
  const mailed = await sendMail({ to: target.email, subject: "Set a new Crucible password", text: `An admin made a link for you to set a new password (valid ${RESET_HOURS} hours):\n\n${url}\n` });
  return { status: 201, headers: NO_STORE, body: { url, mailed, expiresInHours: RESET_HOURS } };
});

/**
 * "Forgot password": with SMTP configured, mails a reset link. The answer is the same whether or
 * not the address has an account; requests are throttled per address like sign-ins.
 */
const forgot = defineRoute(sessionApi, { method: "POST", path: "/api/password-reset", public: true, body: z.object({ email: z.string().trim().max(320) }) }, async ({ request, body }) => {
  if (!mailConfigured()) throw new ApiError(404, "This server sends no mail: ask an admin for a reset link.");
  const db = getDb();
  const address = clientAddress(request.headers);
  const rule = throttleRules.signInAddress();
  const waiting = await blockedSeconds(db, [{ rule, subject: address }]);
  if (waiting) throw new ApiError(429, `Too many requests; try again in ${waiting} s.`, [], { "retry-after": String(waiting) });
  await recordFailure(db, { rule, subject: address });
  const account = await findAccountByEmail(db, body.email);
  if (account) {
    const url = `${publicBaseUrl(request.headers)}/reset/${await createPasswordReset(db, account.id, null)}`;
    await sendMail({ to: account.email, subject: "Set a new Crucible password", text: `Someone asked to reset the password of this account. If it was you, set a new one within ${RESET_HOURS} hours:\n\n${url}\n\nIf not, ignore this mail.` });
  }
  return { status: 202, headers: NO_STORE, body: { message: "If an account has this address, a link to set a new password is on its way." } };
});

/** Sets a new password through a reset link (once); every session of the account ends. */
const reset = defineRoute(sessionApi, { method: "POST", path: "/api/password-reset/:token", public: true, body: z.object({ password }) }, async ({ request, body }) => {
  const db = getDb();
  const used = await usePasswordReset(db, request.params.token ?? "", body.password);
  if (!used) throw new ApiError(410, "This link is not valid any more: it was used, it expired, or a newer one was made.");
  await forgetAccountKeysEverywhere(used.accountId);
  return { status: 200, headers: NO_STORE, body: { ok: true } };
});

export const accountSessionRoutes: RouteDefinition[] = [changePassword, setEnabled, adminReset, forgot, reset];
