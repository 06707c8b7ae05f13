import { header, type HeaderBag } from "./types";

/** PUBLIC_URL without its trailing slashes, or undefined when it is not set. */
export const configuredPublicUrl = (): string | undefined => process.env.PUBLIC_URL?.replace(/\/+$/, "") || undefined;

/** The app's public base URL: PUBLIC_URL when set, else the scheme and host the request came in on. */
export function publicBaseUrl(headers: HeaderBag): string {
  const configured = configuredPublicUrl();
  if (configured) return configured;
  const proto = header(headers, "x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  const host = header(headers, "x-forwarded-host")?.split(",")[0]?.trim() || header(headers, "host") || "localhost";
  return `${proto}://${host}`;
}
