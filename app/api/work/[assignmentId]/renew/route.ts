import { renewLease } from "@/lib/tasks/queue";
import { leaseGone, NO_STORE, signedInCruncher } from "../../session";

export const dynamic = "force-dynamic";

/** Keeps the task reserved while the work page is open (the page calls this every 30 s). */
export async function POST(_request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const session = await signedInCruncher();
  if (session instanceof Response) return session;
  const { assignmentId } = await params;
  const lease = await renewLease(session.cruncherId, assignmentId).catch(() => null);
  return lease ? Response.json({ leaseUntil: lease.leaseUntil.toISOString() }, { headers: NO_STORE }) : leaseGone();
}
