import { getSql } from "@/db/client";

export type DatabaseHealth = { up: true; latencyMs: number } | { up: false; error: string };

/** One round trip to Postgres, bounded so a dead server answers quickly. */
export async function checkDatabase(timeoutMs = 2000): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([getSql()`select 1`, timeout]);
    return { up: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch (error) {
    return { up: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
