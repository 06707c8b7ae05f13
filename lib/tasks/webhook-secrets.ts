import { randomBytes } from "node:crypto";
import { getSql } from "@/db/client";
import { appSecretKeys } from "@/lib/crypto/app-keys";
import { isSealed, open, seal, SecretBoxError } from "@/lib/crypto/secret-box";

// Each account's Standard Webhooks signing secret (`whsec_…`), shown on the API keys page and used
// to sign its hook_url deliveries. Stored encrypted (lib/crypto/secret-box.ts) under a key from the
// app's secret, bound to the account id. Values stored in plain text by earlier versions, or under a
// previous app secret (NEXTAUTH_SECRET_PREVIOUS), are re-encrypted under the current key when read.
// One that no key opens is never replaced behind the account's back: reads fail with a clear error
// until the old app secret is supplied, or the account rotates its secret.

const PURPOSE = "crucible/task-webhook-signing-secrets/v1";

export class WebhookSecretUnreadableError extends Error {
  override name = "WebhookSecretUnreadableError";
  constructor(accountId: string) {
    super(
      `The webhook signing secret of account ${accountId} cannot be decrypted: NEXTAUTH_SECRET is not the secret it was stored under. ` +
        "Set the old value in NEXTAUTH_SECRET_PREVIOUS (comma-separated) and restart, or rotate the signing secret on the API keys page.",
    );
  }
}

const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;
const sealFor = (accountId: string, secret: string) => seal(secret, appSecretKeys(PURPOSE)[0]!, accountId);

/** The plaintext of a stored value, and whether it must be re-encrypted under the current key. */
function unseal(accountId: string, stored: string): { secret: string; stale: boolean } {
  if (!isSealed(stored)) return { secret: stored, stale: true };
  try {
    const { plaintext, keyIndex } = open(stored, appSecretKeys(PURPOSE), accountId);
    return { secret: plaintext, stale: keyIndex > 0 };
  } catch (error) {
    if (error instanceof SecretBoxError) throw new WebhookSecretUnreadableError(accountId);
    throw error;
  }
}

/** Re-encrypts under the current key, unless the row changed meanwhile (a rotation wins). */
async function reseal(accountId: string, stored: string, secret: string): Promise<void> {
  await getSql()`update task_webhook_secrets set secret = ${sealFor(accountId, secret)} where account_id = ${accountId} and secret = ${stored}`;
}

async function storedValue(accountId: string): Promise<string | null> {
  const [row] = await getSql()`select secret from task_webhook_secrets where account_id = ${accountId}`;
  return (row?.secret as string | undefined) ?? null;
}

/** The account's signing secret, created on first use. */
export async function webhookSecretFor(accountId: string): Promise<string> {
  let stored = await storedValue(accountId);
  if (stored === null) {
    await getSql()`insert into task_webhook_secrets (account_id, secret) values (${accountId}, ${sealFor(accountId, newSecret())}) on conflict do nothing`;
    stored = (await storedValue(accountId))!;
  }
  const { secret, stale } = unseal(accountId, stored);
  if (stale) await reseal(accountId, stored, secret);
  return secret;
}

/** Replaces the account's secret (the API keys page's "rotate"); works whether or not the old one is readable. */
export async function rotateWebhookSecret(accountId: string): Promise<string> {
  const secret = newSecret();
  await getSql()`
    insert into task_webhook_secrets (account_id, secret) values (${accountId}, ${sealFor(accountId, secret)})
    on conflict (account_id) do update set secret = excluded.secret, created_at = now()`;
  return secret;
}

/**
 * On start: re-encrypts every secret still in plain text or under a previous app secret, and
 * counts those no key opens (their accounts' deliveries wait until the old secret is supplied).
 */
export async function upgradeStoredWebhookSecrets(): Promise<{ upgraded: number; unreadable: number }> {
  const rows = await getSql()`select account_id, secret from task_webhook_secrets`;
  let upgraded = 0;
  let unreadable = 0;
  for (const row of rows) {
    const accountId = row.account_id as string;
    try {
      const { secret, stale } = unseal(accountId, row.secret as string);
      if (stale) {
        await reseal(accountId, row.secret as string, secret);
        upgraded += 1;
      }
    } catch (error) {
      if (!(error instanceof WebhookSecretUnreadableError)) throw error;
      unreadable += 1;
    }
  }
  return { upgraded, unreadable };
}
