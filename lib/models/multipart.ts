import busboy from "busboy";
import type { HeaderBag } from "@/lib/http/types";

export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
  /** Larger than the file size limit (the bytes are cut there). */
  truncated: boolean;
}

export interface MultipartForm {
  fields: Map<string, string>;
  files: MultipartFile[];
}

export type MultipartResult = { ok: true; form: MultipartForm } | { ok: false; message: string };

/**
 * Parses a multipart/form-data body that is already in memory (the adapters hand handlers the raw
 * body). Bounded: at most `maxFiles` files of `maxFileSize` bytes, 20 fields of 64 KiB.
 */
export function parseMultipart(headers: HeaderBag, body: Buffer, limits: { maxFileSize: number; maxFiles?: number }): Promise<MultipartResult> {
  const contentType = headers["content-type"];
  const type = Array.isArray(contentType) ? contentType[0] : contentType;
  if (!type || !/^multipart\/form-data\b/i.test(type)) {
    return Promise.resolve({ ok: false, message: "Send the file as multipart/form-data with the fields file and file_kind." });
  }
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: MultipartResult) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": type },
        // busboy flags a file as cut when it reaches fileSize, so one byte more lets a file of exactly
        // maxFileSize through.
        limits: { fileSize: limits.maxFileSize + 1, files: limits.maxFiles ?? 1, fields: 20, fieldSize: 64 * 1024, parts: 30 },
      });
    } catch (error) {
      done({ ok: false, message: `The multipart body cannot be read: ${(error as Error).message}` });
      return;
    }
    const form: MultipartForm = { fields: new Map(), files: [] };
    parser.on("field", (name, value) => {
      if (!form.fields.has(name)) form.fields.set(name, value);
    });
    parser.on("file", (field, stream, info) => {
      const chunks: Buffer[] = [];
      const file: MultipartFile = { field, filename: info.filename ?? "", contentType: info.mimeType || "application/octet-stream", bytes: Buffer.alloc(0), truncated: false };
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => {
        file.truncated = true;
      });
      stream.on("close", () => {
        file.bytes = Buffer.concat(chunks);
      });
      form.files.push(file);
    });
    parser.on("error", (error: Error) => done({ ok: false, message: `The multipart body cannot be read: ${error.message}` }));
    parser.on("close", () => done({ ok: true, form }));
    parser.end(body);
  });
}
