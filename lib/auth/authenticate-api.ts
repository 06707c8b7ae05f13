import type { ApiKeyMode } from "@/db/schema";
import { header, type HeaderBag } from "@/lib/http/types";
import { lookupApiKey } from "./key-lookup";
import type { KeyOwner } from "./api-keys-store";

/** Who an API request acts for. Every domain query is scoped by accountId. */
export interface ApiPrincipal {
  accountId: string;
  username: string;
  keyId: string;
  keyPrefix: string;
}
export interface LoopsPrincipal extends ApiPrincipal {
  /** x-loop-id, or the loop the key is bound to. */
  loopId: string | null;
  /** Set when the key acts on this one loop only. */
  boundLoopId: string | null;
}
export interface TasksPrincipal extends ApiPrincipal {
  mode: ApiKeyMode;
}

export type AuthResult<P> = { ok: true; principal: P } | { ok: false; message: string };

const fail = (message: string) => ({ ok: false as const, message });

function principal(owner: KeyOwner): ApiPrincipal {
  return { accountId: owner.accountId, username: owner.username, keyId: owner.keyId, keyPrefix: owner.prefix };
}

async function keyWithScope(secret: string, scope: KeyOwner["scope"]): Promise<KeyOwner | string> {
  const owner = await lookupApiKey(secret.trim());
  if (!owner) return "Invalid API key: it is unknown or has been revoked.";
  if (owner.scope !== scope) return `This API key is a ${owner.scope} key; this API needs a ${scope} key.`;
  return owner;
}

/** Loops: X-api-key + X-username (the key's account, by username or e-mail) + optional x-loop-id. */
export async function authenticateLoopsRequest(headers: HeaderBag): Promise<AuthResult<LoopsPrincipal>> {
  const secret = header(headers, "x-api-key");
  const username = header(headers, "x-username")?.trim();
  if (!secret) return fail("Missing X-api-key header.");
  if (!username) return fail("Missing X-username header.");
  const owner = await keyWithScope(secret, "loops");
  if (typeof owner === "string") return fail(owner);
  const name = username.toLowerCase();
  if (name !== owner.username.toLowerCase() && name !== owner.email.toLowerCase()) {
    return fail("X-username does not name the account this API key belongs to.");
  }
  const loopHeader = header(headers, "x-loop-id")?.trim() || null;
  if (owner.loopId && loopHeader && loopHeader !== owner.loopId) return fail("This API key is bound to another loop.");
  return { ok: true, principal: { ...principal(owner), loopId: loopHeader ?? owner.loopId, boundLoopId: owner.loopId } };
}

/** Models: X-api-key, or Authorization: Bearer <key>. */
export async function authenticateModelsRequest(headers: HeaderBag): Promise<AuthResult<ApiPrincipal>> {
  const bearer = /^Bearer\s+(.+)$/i.exec(header(headers, "authorization") ?? "")?.[1];
  const secret = header(headers, "x-api-key") ?? bearer;
  if (!secret) return fail("Missing API key: send X-api-key or Authorization: Bearer <key>.");
  const owner = await keyWithScope(secret, "models");
  return typeof owner === "string" ? fail(owner) : { ok: true, principal: principal(owner) };
}

/** Tasks: X-Heat-API-Key, or HTTP Basic with the key as the user name. */
export async function authenticateTasksRequest(headers: HeaderBag): Promise<AuthResult<TasksPrincipal>> {
  let secret = header(headers, "x-heat-api-key");
  const basic = /^Basic\s+(.+)$/i.exec(header(headers, "authorization") ?? "")?.[1];
  if (!secret && basic) secret = Buffer.from(basic, "base64").toString("utf8").split(":")[0];
  if (!secret) return fail("No valid API key provided: send X-Heat-API-Key or HTTP Basic with the key as the user name.");
  const owner = await keyWithScope(secret, "tasks");
  return typeof owner === "string" ? fail(owner) : { ok: true, principal: { ...principal(owner), mode: owner.mode } };
}
