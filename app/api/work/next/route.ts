import { leaseNextTask } from "@/lib/tasks/queue";
import { workTaskOf } from "@/app/(app)/work/_shared/work-task";
import { NO_STORE, signedInCruncher } from "../session";

export const dynamic = "force-dynamic";

/** "Start working" and every next task: the cruncher's live lease if they hold one, else a new one. */
export async function POST() {
  const session = await signedInCruncher();
  if (session instanceof Response) return session;
  const lease = await leaseNextTask(session.cruncherId);
  return Response.json({ task: lease ? workTaskOf(lease) : null }, { headers: NO_STORE });
}
