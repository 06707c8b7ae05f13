import type { ApiKeyMode } from "@/db/schema";
import { clientAddress } from "@/lib/http/client-address";
import { header, type HeaderBag } from "@/lib/http/types";
import { allows, type Permission } from "@/lib/workspaces/roles";
import type { WorkspaceRole } from "@/db/schema";
import type { KeyOwner } from "./api-keys-store";
import { keyAuthBlockedSeconds, keyAuthFailed } from "./key-throttle";
import { countKeyRequest, lookupApiKey } from "./key-lookup";

/** Who an API request acts for. Every domain query is scoped by workspaceId. */
export interface ApiPrincipal {
  workspaceId: string;
  /** The key's creator, as whom it acts. */
  actorId: string;
  username: string;
  keyId: string;
  keyPrefix: string;
  /** What the key may do in the workspace (its ceiling, lowered to its creator's role). */
  role: WorkspaceRole;
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

type Refusal = { ok: false; message: string; status?: 401 | 403 | 429; headers?: Record<string, string> };
export type AuthResult<P> = { ok: true; principal: P } | Refusal;

const fail = (message: string, status: 401 | 403 | 429 = 401, headers?: Record<string, string>): Refusal => ({ ok: false, message, status, headers });

function principal(owner: KeyOwner): ApiPrincipal {
  return { workspaceId: owner.workspaceId, actorId: owner.accountId, username: owner.username, keyId: owner.keyId, keyPrefix: owner.prefix, role: owner.role };
}

const PERMISSION_WORDS: Record<Permission, string> = {
  read: "read",
  write: "make changes",
  work: "answer tasks",
  manage: "manage the workspace",
  own: "act as the workspace's owner",
};

const tooManyFailures = (seconds: number) =>
  fail(`Too many requests with unknown API keys from your address; try again in ${seconds} s.`, 429, { "retry-after": String(seconds) });

/**
 * The active key with this scope and the permission the route needs, or the refusal: unknown and
 * revoked keys count as guesses against the client's address (429 once it has made too many); an
 * expired key, or one whose creator lost the role (a viewer's key, a cruncher's), is refused.
 */
async function keyWithScope(headers: HeaderBag, secret: string, scope: KeyOwner["scope"], permission: Permission): Promise<KeyOwner | Refusal> {
  const address = clientAddress(headers);
  const waiting = keyAuthBlockedSeconds(address);
  if (waiting) return tooManyFailures(waiting);
  const owner = await lookupApiKey(secret.trim());
  if (!owner) {
    const blocked = await keyAuthFailed(address);
    return blocked ? tooManyFailures(blocked) : fail("Invalid API key: it is unknown or has been revoked.");
  }
  if (owner.expiresAt && owner.expiresAt.getTime() <= Date.now()) return fail(`This API key expired at ${owner.expiresAt.toISOString()}.`);
  if (owner.scope !== scope) return fail(`This API key is a ${owner.scope} key; this API needs a ${scope} key.`);
  if (!allows(owner.role, permission)) return fail(`This API key acts as a ${owner.role} of its workspace, who may not ${PERMISSION_WORDS[permission]}.`, 403);
  countKeyRequest(owner.keyId);
  return owner;
}

const isRefusal = (value: KeyOwner | Refusal): value is Refusal => "ok" in value;

/** Loops: X-api-key + X-username (the key's account, by username or e-mail) + optional x-loop-id. */
export async function authenticateLoopsRequest(headers: HeaderBag, permission: Permission): Promise<AuthResult<LoopsPrincipal>> {
  const secret = header(headers, "x-api-key");
  const username = header(headers, "x-username")?.trim();
  if (!secret) return fail("Missing X-api-key header.");
  if (!username) return fail("Missing X-username header.");
  const owner = await keyWithScope(headers, secret, "loops", permission);
  if (isRefusal(owner)) return owner;
  const name = username.toLowerCase();
  if (name !== owner.username.toLowerCase() && name !== owner.email.toLowerCase()) {
    return fail("X-username does not name the account this API key belongs to.");
  }
  const loopHeader = header(headers, "x-loop-id")?.trim() || null;
  if (owner.loopId && loopHeader && loopHeader !== owner.loopId) return fail("This API key is bound to another loop.");
  return { ok: true, principal: { ...principal(owner), loopId: loopHeader ?? owner.loopId, boundLoopId: owner.loopId } };
}

/**
 * Models: X-api-key, Authorization: Bearer <key>, or HTTP Basic with the key as the user name — what a
 * program that sends no key of its own (the MLConnector's generated inference containers) sends when
 * the key is written into its base URL (`https://<key>@host`).
 */
export async function authenticateModelsRequest(headers: HeaderBag, permission: Permission): Promise<AuthResult<ApiPrincipal>> {
  const authorization = header(headers, "authorization") ?? "";
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
  const basic = /^Basic\s+(.+)$/i.exec(authorization)?.[1];
  const secret = header(headers, "x-api-key") ?? bearer ?? (basic ? Buffer.from(basic, "base64").toString("utf8").split(":")[0] || undefined : undefined);
  if (!secret) return fail("Missing API key: send X-api-key, Authorization: Bearer <key>, or the key as the user name of HTTP Basic.");
  const owner = await keyWithScope(headers, secret, "models", permission);
  return isRefusal(owner) ? owner : { ok: true, principal: principal(owner) };
}

/** Tasks: X-Heat-API-Key (or X-Crunch-API-Key, the header of the API's clients before its rename), or HTTP Basic with the key as the user name. */
export async function authenticateTasksRequest(headers: HeaderBag, permission: Permission): Promise<AuthResult<TasksPrincipal>> {
  let secret = header(headers, "x-heat-api-key") ?? header(headers, "x-crunch-api-key");
  const basic = /^Basic\s+(.+)$/i.exec(header(headers, "authorization") ?? "")?.[1];
  if (!secret && basic) secret = Buffer.from(basic, "base64").toString("utf8").split(":")[0];
  if (!secret) return fail("No valid API key provided: send X-Heat-API-Key or HTTP Basic with the key as the user name.");
  const owner = await keyWithScope(headers, secret, "tasks", permission);
  return isRefusal(owner) ? owner : { ok: true, principal: { ...principal(owner), mode: owner.mode } };
}
