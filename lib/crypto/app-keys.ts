import { deriveKey } from "./secret-box";

/**
 * Keys for one purpose, derived from the app's secret: NEXTAUTH_SECRET first (the one new values
 * are sealed with), then each of NEXTAUTH_SECRET_PREVIOUS (comma-separated), which only open
 * values sealed before the secret was changed. Read on every call, like the rest of the settings.
 */
export function appSecretKeys(purpose: string): Buffer[] {
  const current = process.env.NEXTAUTH_SECRET;
  if (!current) throw new Error("NEXTAUTH_SECRET is not set: the app's secret keys stored secrets (start the app with npm start, or set it)");
  const previous = (process.env.NEXTAUTH_SECRET_PREVIOUS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return [current, ...previous].map((secret) => deriveKey(secret, purpose));
}
