import { ApiError } from "@/lib/http/errors";
import { OutboundError, outboundRequest } from "@/lib/net/outbound";

// {"data_link": url} (deployments created with inference_data 1): the server fetches a CSV. Only
// http(s), with a time limit and a size limit counted while reading, so a slow or endless response
// cannot hold a request or fill memory. The request goes through the outbound guard
// (lib/net/outbound.ts): the link and every redirect hop must resolve to public addresses, and the
// connection goes to the address that was checked.

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

function outboundFailure(error: OutboundError): ApiError {
  switch (error.kind) {
    case "refused_address":
      return fail(`${error.message} (loopback, private, link-local or reserved); links are read from public hosts only`, "url_forbidden");
    case "refused_scheme":
      return fail("Only http and https links can be read");
    case "too_large":
      return fail(`The CSV is larger than the limit of ${dataLinkLimitBytes()} bytes`, "too_long");
    case "too_many_redirects":
      return fail(error.message);
  }
}

/** The CSV text at url, or a 422 naming why it could not be read. */
export async function fetchDataLink(url: string, signal?: AbortSignal): Promise<string> {
  const timeout = AbortSignal.timeout(dataLinkTimeoutMs());
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const answer = await outboundRequest(url, {
      headers: { accept: "text/csv, text/plain;q=0.9, */*;q=0.1" },
      signal: combined,
      maxRedirects: MAX_REDIRECTS,
      maxResponseBytes: dataLinkLimitBytes(),
    });
    if (answer.status < 200 || answer.status >= 300) throw fail(`The link answered HTTP ${answer.status}`);
    return answer.body.toString("utf8");
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof OutboundError) throw outboundFailure(error);
    if (timeout.aborted) throw fail(`No complete answer within ${dataLinkTimeoutMs()} ms`, "timeout");
    throw fail(`The link could not be fetched: ${(error as Error).message}`);
  }
}
