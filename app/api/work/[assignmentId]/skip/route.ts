import { skipTask } from "@/lib/tasks/queue";
import { leaseGone, NO_STORE, signedInCruncher } from "../../session";

export const dynamic = "force-dynamic";

/** Gives the task back; this cruncher is not offered it again. */
export async function POST(_request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const session = await signedInCruncher();
  if (session instanceof Response) return session;
  const { assignmentId } = await params;
  const skipped = await skipTask(session.cruncherId, assignmentId).catch(() => false);
  return skipped ? Response.json({ ok: true }, { headers: NO_STORE }) : leaseGone();
}
