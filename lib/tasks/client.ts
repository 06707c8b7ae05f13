/**
 * A typed client for Crucible's human-tasks API (the Heat API). Self-contained: fetch only, no
 * Node-only modules and no other project imports, so it can be copied into any TypeScript program.
 *
 *   const tasks = new CrucibleTasksClient({ baseUrl: "https://crucible.example.com", apiKey: "test_…" });
 *   const created = await tasks.requestMultipleChoice({ instruction: "…", choices: ["yes", "no"] }, { block: 30 });
 *   const done = await tasks.getRequest(created.id, 30);
 *
 * Calls mirror the document's Node examples (heat.requestMultipleChoice({...}), heat.getRequest(id,
 * block), heat.abortRequest(id)); the key travels in the X-Heat-API-Key header.
 */

export type ContentType = "text" | "image" | "video" | "audio" | "website";

export interface ConfidenceOptions {
  strategy?: "majority";
  min_agreements?: number;
  max_crunchers?: number;
}

export interface CommonRequestParams {
  instruction: string;
  attachments_type?: ContentType;
  attachments?: string[];
  hook_url?: string;
  exclude_crunchers?: string[];
  confidence?: ConfidenceOptions;
  tags?: string[];
  /** A batch of your own (1–100 characters): GET /v1/batch/{batch} lists its requests. */
  batch?: string;
  /** Titles shown to crunchers: each annotation mark's, or multiple-choice's heading (the first). */
  responseTitles?: string[];
}
export interface ChoiceParams {
  choices_type?: ContentType;
  choices: string[];
  min_answers?: number;
  /** 0 = no limit. */
  max_answers?: number;
}
export interface FreeTextParams {
  validation?: "number" | "url";
}
export interface RatingParams {
  rating_min?: number;
  rating_max?: number;
  rating_step?: number;
  label_min?: string;
  label_max?: string;
}
export interface AnnotationParams {
  annotations_type?: "point" | "rectangle";
  min_annotations?: number;
  max_annotations?: number;
}
export type MultipleChoiceRequest = CommonRequestParams & ChoiceParams;
export type FreeTextRequest = CommonRequestParams & FreeTextParams;
export type RatingRequest = CommonRequestParams & RatingParams;
export type MediaRequest = CommonRequestParams;
export type AnnotationsRequest = CommonRequestParams & AnnotationParams;
export type AnnotationsWithMultipleChoiceRequest = AnnotationsRequest & { per_annotation: { instruction: string } & ChoiceParams };
export type AnnotationsWithFreeTextRequest = AnnotationsRequest & { per_annotation: { instruction: string } & FreeTextParams };
export type AnnotationsWithRatingRequest = AnnotationsRequest & { per_annotation: { instruction: string } & RatingParams };

/** x, y, x2, y2 in pixels; t in seconds; attachment_index when the request has several attachments. */
export interface TaskAnnotation {
  x?: number;
  y?: number;
  x2?: number;
  y2?: number;
  t?: number;
  attachment_index?: number;
}

/** The document's Request object: the request's own parameters sit at the top level too. */
export interface TaskRequestObject<R = unknown> {
  id: string;
  status: "pending" | "complete" | "aborted";
  /** Present once complete; null when the crunchers did not agree. */
  response?: R | null;
  /** cruncher id → answer. */
  raw_responses?: Record<string, R>;
  type: string;
  instruction?: string;
  created_at?: string;
  completed_at?: string | null;
  archived?: boolean;
  archived_at?: string | null;
  [parameter: string]: unknown;
}

/** A batch of GET /v1/batch: its name and its requests per status (archived ones counted in `requests` too). */
export interface TaskBatch {
  id: string;
  created_at: string;
  requests: number;
  pending: number;
  complete: number;
  aborted: number;
  archived: number;
}

export interface CreateOptions {
  /** Seconds to wait for the answer before replying (the document's ?block=N). */
  block?: number;
  /** Sent as Idempotency-Key: retrying with the same key returns the first request, not a new one. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface ListRequestsQuery {
  status?: "pending" | "complete" | "aborted";
  type?: string;
  tag?: string;
  batch?: string;
  /** "false" (the default) leaves archived requests out; "true" lists only them; "all" both. */
  archived?: "false" | "true" | "all";
  cursor?: string;
  limit?: number;
}
export interface RequestsPage {
  requests: TaskRequestObject[];
  /** Pass as `cursor` for the next page; null on the last one. */
  next_cursor: string | null;
  /** Requests per status in this key's space (live or test). */
  counts?: Record<"pending" | "complete" | "aborted", number>;
}

export interface CrucibleTasksClientOptions {
  /** The app's origin, e.g. "https://crucible.example.com" (a trailing slash is fine). */
  baseUrl: string;
  apiKey: string;
  /** Another fetch implementation (tests, proxies). */
  fetch?: typeof fetch;
}

/** A non-2xx reply: status, the body's `error` code and `message`, and `errors` listing each problem. */
export class CrucibleTasksError extends Error {
  override readonly name = "CrucibleTasksError";
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly errors: string[] = [],
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | undefined>;

const isRequestObject = (value: unknown): value is TaskRequestObject =>
  typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string" && "status" in value;

export class CrucibleTasksClient {
  private readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: CrucibleTasksClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.apiKey = options.apiKey;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  requestMultipleChoice(params: MultipleChoiceRequest, options?: CreateOptions) {
    return this.createRequest<string[]>("multiple-choice", params, options);
  }
  requestFreeText(params: FreeTextRequest, options?: CreateOptions) {
    return this.createRequest<string>("free-text", params, options);
  }
  requestRating(params: RatingRequest, options?: CreateOptions) {
    return this.createRequest<number>("rating", params, options);
  }
  requestImage(params: MediaRequest, options?: CreateOptions) {
    return this.createRequest<string>("image", params, options);
  }
  requestVideo(params: MediaRequest, options?: CreateOptions) {
    return this.createRequest<string>("video", params, options);
  }
  requestAudio(params: MediaRequest, options?: CreateOptions) {
    return this.createRequest<string>("audio", params, options);
  }
  requestAnnotations(params: AnnotationsRequest, options?: CreateOptions) {
    return this.createRequest<TaskAnnotation[]>("annotations", params, options);
  }
  requestAnnotationsWithMultipleChoice(params: AnnotationsWithMultipleChoiceRequest, options?: CreateOptions) {
    return this.createRequest<(TaskAnnotation & { response: string[] })[]>("annotations-with-multiple-choice", params, options);
  }
  requestAnnotationsWithFreeText(params: AnnotationsWithFreeTextRequest, options?: CreateOptions) {
    return this.createRequest<(TaskAnnotation & { response: string })[]>("annotations-with-free-text", params, options);
  }
  requestAnnotationsWithRating(params: AnnotationsWithRatingRequest, options?: CreateOptions) {
    return this.createRequest<(TaskAnnotation & { response: number })[]>("annotations-with-rating", params, options);
  }

  /** POST /v1/requests/<type>; the typed methods above are the usual way in. */
  createRequest<R = unknown>(type: string, params: object, options: CreateOptions = {}): Promise<TaskRequestObject<R>> {
    const headers: Record<string, string> = options.idempotencyKey ? { "Idempotency-Key": options.idempotencyKey } : {};
    return this.call(`/v1/requests/${encodeURIComponent(type)}`, { block: options.block }, { method: "POST", body: params, headers, signal: options.signal });
  }

  /** GET /v1/requests/{id}, optionally waiting up to `block` seconds for completion. */
  getRequest<R = unknown>(id: string, block?: number, options: { signal?: AbortSignal } = {}): Promise<TaskRequestObject<R>> {
    return this.call(`/v1/requests/${encodeURIComponent(id)}`, { block }, { method: "GET", signal: options.signal });
  }

  /** POST /v1/tasks/abort/{id} (the document's path); only a pending request can be aborted. */
  abortRequest(id: string): Promise<{ success: boolean }> {
    return this.call(`/v1/tasks/abort/${encodeURIComponent(id)}`, {}, { method: "POST" });
  }

  /** POST /v1/tasks/archive/{id}: out of the default lists, still readable by id (any status; idempotent). */
  archiveRequest<R = unknown>(id: string): Promise<TaskRequestObject<R>> {
    return this.call(`/v1/tasks/archive/${encodeURIComponent(id)}`, {}, { method: "POST", body: {} });
  }

  /** GET /v1/batch: this key's batches, newest first, a page at a time. */
  listBatches(query: { cursor?: string; limit?: number } = {}): Promise<{ batches: TaskBatch[]; next_cursor: string | null }> {
    return this.call("/v1/batch", { ...query }, { method: "GET" });
  }

  /** GET /v1/batch/{batch}: the batch's counts and a page of its requests (newest first, at most 200). */
  getBatch(batch: string, query: { cursor?: string; limit?: number } = {}): Promise<TaskBatch & { tasks: TaskRequestObject[]; next_cursor: string | null }> {
    return this.call(`/v1/batch/${encodeURIComponent(batch)}`, { ...query }, { method: "GET" });
  }

  /** GET /v1/requests: this key's requests, newest first, a page at a time. */
  listRequests(query: ListRequestsQuery = {}): Promise<RequestsPage> {
    return this.call("/v1/requests", { ...query }, { method: "GET" });
  }

  private async call<T>(
    path: string,
    query: Query,
    init: { method: "GET" | "POST"; body?: object; headers?: Record<string, string>; signal?: AbortSignal | undefined },
  ): Promise<T> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
    const queryString = search.toString();
    const url = `${this.baseUrl}${path}${queryString ? `?${queryString}` : ""}`;
    const headers: Record<string, string> = { Accept: "application/json", "X-Heat-API-Key": this.apiKey, ...init.headers };
    if (init.body !== undefined) headers["Content-Type"] = "application/json";
    const response = await this.fetchImpl(url, {
      method: init.method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (response.ok) return body as T;
    // 449 is the document's "still pending"; a pending Request object is a normal answer here.
    if (response.status === 449 && isRequestObject(body)) return body as T;
    const fields = (typeof body === "object" && body !== null ? body : {}) as { error?: unknown; message?: unknown; errors?: unknown };
    const errors = Array.isArray(fields.errors) ? fields.errors.map((e) => (typeof e === "string" ? e : JSON.stringify(e))) : [];
    throw new CrucibleTasksError(
      response.status,
      typeof fields.error === "string" ? fields.error : `http_${response.status}`,
      typeof fields.message === "string" ? fields.message : text.slice(0, 500) || response.statusText,
      errors,
    );
  }
}
