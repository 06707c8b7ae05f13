import { currentAccount } from "@/app/_server/auth";
import { cruncherIdOf } from "@/lib/tasks/queue";

/**
 * The signed-in worker's public cruncher id, or a 401 to send back. Crunchers work here, and so may
 * members (the Work item of their menu), always under their own cruncher id.
 */
export async function signedInCruncher(): Promise<{ cruncherId: string } | Response> {
  const account = await currentAccount();
  if (!account) return Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
  return { cruncherId: cruncherIdOf(account.id) };
}

export const NO_STORE = { "cache-control": "no-store" };

export const leaseGone = () =>
  Response.json({ error: "gone", message: "This task is no longer reserved for you: it was completed, aborted, or the reservation expired." }, { status: 410, headers: NO_STORE });
