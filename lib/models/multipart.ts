import { PassThrough, type Readable } from "node:stream";
import busboy from "busboy";
import type { HeaderBag } from "@/lib/http/types";

/** One file part as it arrives: its bytes are `stream`, which the receiver must read (or resume). */
export interface FilePart {
  field: string;
  filename: string;
  contentType: string;
  stream: Readable;
}

export interface MultipartForm<F> {
  fields: Map<string, string>;
  /** What `onFile` made of each file part, in order. */
  files: F[];
}

export type MultipartResult<F> =
  | { ok: true; form: MultipartForm<F> }
  /** The body is not (well-formed) multipart/form-data. */
  | { ok: false; kind: "malformed"; message: string }
  /** A file part is larger than maxFileSize. */
  | { ok: false; kind: "too-large"; limit: number }
  /** The body itself failed: too large (BodyTooLargeError from the adapter) or the client went away. */
  | { ok: false; kind: "body"; error: unknown }
  /** `onFile` failed (e.g. BlobTooLargeError, or the disk). */
  | { ok: false; kind: "file"; error: unknown };

const malformed = (message: string) => ({ ok: false as const, kind: "malformed" as const, message: `The multipart body cannot be read: ${message}` });

/**
 * Parses a multipart/form-data body as it arrives, handing each file part to `onFile` as a stream
 * (so a large file goes wherever `onFile` writes it, never into memory). Bounded: at most `maxFiles`
 * files (1 unless given; further file parts are skipped) of `maxFileSize` bytes, 20 fields of 64
 * KiB, 30 parts. The first
 * failure ends the parse at once: the rest of the body is left unread, and file parts still being
 * read are ended so that every `onFile` has finished (and cleaned up) when this resolves.
 */
export async function parseMultipart<F>(
  headers: HeaderBag,
  source: Readable,
  options: { maxFileSize: number; maxFiles?: number; onFile: (part: FilePart) => Promise<F> },
): Promise<MultipartResult<F>> {
  const contentType = headers["content-type"];
  const type = Array.isArray(contentType) ? contentType[0] : contentType;
  if (!type || !/^multipart\/form-data\b/i.test(type)) {
    return { ok: false, kind: "malformed", message: "Send the file as multipart/form-data with the fields file and file_kind." };
  }
  // A body that failed before anyone read it (the client went away while the request was checked).
  if (source.errored) return { ok: false, kind: "body", error: source.errored };
  if (source.destroyed) return { ok: false, kind: "body", error: new Error("the request body ended early") };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      // busboy flags a file as cut when it reaches fileSize, so one byte more lets a file of exactly
      // maxFileSize through.
      limits: { fileSize: options.maxFileSize + 1, files: options.maxFiles ?? 1, fields: 20, fieldSize: 64 * 1024, parts: 30 },
    });
  } catch (error) {
    return malformed((error as Error).message);
  }

  const fields = new Map<string, string>();
  const received: Promise<F>[] = [];
  const open = new Set<Readable>();
  let settle!: (result: MultipartResult<F>) => void;
  let settled = false;
  const outcome = new Promise<MultipartResult<F>>((resolve) => {
    settle = (result) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
  });

  parser.on("field", (name, value) => {
    if (!fields.has(name)) fields.set(name, value);
  });
  parser.on("file", (field, stream, info) => {
    if (settled) {
      stream.resume();
      return;
    }
    // The receiver reads a pipe of the part, so its own failures (a size limit, the disk) end only
    // its side and are reported as its own, while a broken part is the body's fault.
    const part = new PassThrough();
    // The receiver learns of a failure through its own read (pipeline, for await); this keeps a part
    // that fails before the receiver has started reading from crashing the process.
    part.on("error", () => {});
    open.add(part);
    part.once("close", () => open.delete(part));
    stream.on("error", (error: Error) => {
      settle(malformed(error.message));
      part.destroy(error);
    });
    // At once: busboy would otherwise read (and discard) the rest of the body first.
    stream.once("limit", () => settle({ ok: false, kind: "too-large", limit: options.maxFileSize }));
    stream.pipe(part);
    const file = options.onFile({ field, filename: info.filename ?? "", contentType: info.mimeType || "application/octet-stream", stream: part });
    received.push(file);
    file.catch((error: unknown) => settle({ ok: false, kind: "file", error }));
  });
  parser.on("error", (error: Error) => settle(malformed(error.message)));
  parser.on("close", () => {
    Promise.all(received).then(
      (files) => settle({ ok: true, form: { fields, files } }),
      (error: unknown) => settle({ ok: false, kind: "file", error }),
    );
  });
  // Stays attached: the source may still fail after the parse ended (the handler then answers anyway).
  source.on("error", (error: unknown) => settle({ ok: false, kind: "body", error }));
  source.pipe(parser);

  const result = await outcome;
  if (!result.ok) {
    source.unpipe(parser);
    for (const stream of open) stream.destroy();
    await Promise.allSettled(received);
  }
  return result;
}
