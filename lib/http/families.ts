import {
  authenticateLoopsRequest,
  authenticateModelsRequest,
  authenticateTasksRequest,
  type ApiPrincipal,
  type AuthResult,
  type LoopsPrincipal,
  type TasksPrincipal,
} from "@/lib/auth/authenticate-api";
import { authenticateSession, type SessionAccess, type SessionPrincipal } from "@/lib/auth/authenticate-session";
import { defaultPermission, type Permission } from "@/lib/workspaces/roles";
import { describeDetail } from "./errors";
import type { ApiFamily, AuthOutcome } from "./family";

function outcome<P>(result: AuthResult<P>): AuthOutcome<P> {
  return result.ok ? { ok: true, auth: result.principal } : result;
}

const STATUS_CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  410: "gone",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "unprocessable_entity",
  429: "too_many_requests",
  449: "pending",
  500: "internal_error",
  503: "service_unavailable",
};

/** Loops document: {status: "failed", message, errors: [string]}. */
export const loopsApi: ApiFamily<LoopsPrincipal, Permission> = {
  name: "loops",
  authenticate: async (request, access) => outcome(await authenticateLoopsRequest(request.headers, access ?? "write")),
  defaultAccess: defaultPermission,
  errorBody: (_status, message, details) => ({ status: "failed", message, errors: details.map(describeDetail) }),
  validationStatus: 422,
};

/** FastAPI's `loc`: where the problem is — ["query", name], ["path", name], else in the body. */
const locOf = (path: (string | number)[]) => (path[0] === "query" || path[0] === "path" ? path : ["body", ...path]);

/** Models document (FastAPI): {detail: string} or, for validation, {detail: [{loc, msg, type}]}. */
export const modelsApi: ApiFamily<ApiPrincipal, Permission> = {
  name: "models",
  authenticate: async (request, access) => outcome(await authenticateModelsRequest(request.headers, access ?? "write")),
  defaultAccess: defaultPermission,
  errorBody: (_status, message, details) =>
    details.length ? { detail: details.map((d) => ({ loc: locOf(d.path), msg: d.message, type: d.type })) } : { detail: message },
  validationStatus: 422,
};

/** Human-tasks document: {error, message}, plus errors[] listing each problem. */
export const tasksApi: ApiFamily<TasksPrincipal, Permission> = {
  name: "tasks",
  authenticate: async (request, access) => outcome(await authenticateTasksRequest(request.headers, access ?? "write")),
  defaultAccess: defaultPermission,
  errorBody: (status, message, details) => ({
    error: STATUS_CODES[status] ?? "error",
    message,
    ...(details.length ? { errors: details.map(describeDetail) } : {}),
  }),
  validationStatus: 400,
};

/** Platform endpoints (health): {error, message}. No key. */
export const platformApi: ApiFamily<undefined> = {
  name: "platform",
  authenticate: async () => ({ ok: true, auth: undefined }),
  errorBody: (status, message) => ({ error: STATUS_CODES[status] ?? "error", message }),
  validationStatus: 400,
};

/**
 * The dashboard's session routes (/api/…): the signed-in browser session in the workspace the page
 * names, the access each route declares (reading for GET, writing otherwise, by default),
 * same-origin requests only for changes. Two error shapes, as their
 * pages read them: `{detail}` like the models API for the model, deployment, drift and training
 * pages, and `{error, message, errors?}` (errors as objects with path, message and type) elsewhere.
 */
function sessionFamily(name: string, errorBody: ApiFamily<SessionPrincipal, SessionAccess>["errorBody"], validationStatus: 400 | 422): ApiFamily<SessionPrincipal, SessionAccess> {
  return {
    name,
    authenticate: async (request, access) => {
      const result = await authenticateSession(request.headers, access ?? "write", request.query);
      return result.ok ? { ok: true, auth: result.principal } : result;
    },
    errorBody,
    validationStatus,
    sameOriginOnly: true,
    defaultAccess: defaultPermission,
  };
}

export const sessionDetailApi = sessionFamily("session", modelsApi.errorBody, 422);

export const sessionApi = sessionFamily(
  "session",
  (status, message, details) => ({ error: STATUS_CODES[status] ?? "error", message, ...(details.length ? { errors: details } : {}) }),
  400,
);
