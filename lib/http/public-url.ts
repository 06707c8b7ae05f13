import { header, type HeaderBag } from "./types";

/** The app's public base URL: PUBLIC_URL when set, else the scheme and host the request came in on. */
export function publicBaseUrl(headers: HeaderBag): string {
  const configured = process.env.PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const proto = header(headers, "x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  const host = header(headers, "x-forwarded-host")?.split(",")[0]?.trim() || header(headers, "host") || "localhost";
  return `${proto}://${host}`;
}
