import { ApiError } from "@/lib/http/errors";
import { nonPublicAddressOf, privateLinksAllowed } from "./public-address";

// {"data_link": url} (deployments created with inference_data 1): the server fetches a CSV. Only
// http(s), with a time limit and a size limit counted while reading, so a slow or endless response
// cannot hold a request or fill memory. Redirects are followed only to http(s) URLs, and every hop
// must resolve to public addresses (see public-address.ts).

export function dataLinkLimitBytes(): number {
  const value = Number(process.env.CRUCIBLE_DATA_LINK_LIMIT_BYTES);
  return Number.isFinite(value) && value > 0 ? value : 10 * 1024 * 1024;
}

export function dataLinkTimeoutMs(): number {
  const value = Number(process.env.CRUCIBLE_DATA_LINK_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : 10_000;
}

const MAX_REDIRECTS = 3;

const fail = (message: string, type = "url_error") => new ApiError(422, "The data_link could not be read.", [{ path: ["data_link"], message, type }]);

async function readLimited(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw fail(`The CSV is larger than the limit of ${limit} bytes`, "too_long");
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw fail(`The CSV is larger than the limit of ${limit} bytes`, "too_long");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The CSV text at url, or a 422 naming why it could not be read. */
export async function fetchDataLink(url: string, signal?: AbortSignal): Promise<string> {
  const timeout = AbortSignal.timeout(dataLinkTimeoutMs());
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let target = new URL(url);
  try {
    for (let hop = 0; ; hop++) {
      if (target.protocol !== "http:" && target.protocol !== "https:") throw fail("Only http and https links can be read");
      if (!privateLinksAllowed()) {
        const address = await nonPublicAddressOf(target.hostname);
        if (address) throw fail(`${target.hostname} resolves to ${address}, which is not a public address; links are read from public hosts only`, "url_forbidden");
      }
      const response = await fetch(target, { redirect: "manual", signal: combined, headers: { accept: "text/csv, text/plain;q=0.9, */*;q=0.1" } });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => {});
        if (hop >= MAX_REDIRECTS) throw fail(`More than ${MAX_REDIRECTS} redirects`);
        target = new URL(location, target);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        throw fail(`The link answered HTTP ${response.status}`);
      }
      return await readLimited(response, dataLinkLimitBytes());
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (timeout.aborted) throw fail(`No complete answer within ${dataLinkTimeoutMs()} ms`, "timeout");
    throw fail(`The link could not be fetched: ${(error as Error).message}`);
  }
}
