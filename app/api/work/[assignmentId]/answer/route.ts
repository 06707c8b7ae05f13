import { submitAnswer } from "@/lib/tasks/queue";
import { isUuid } from "@/lib/ids";
import { leaseGone, NO_STORE, signedInCruncher } from "../../session";

export const dynamic = "force-dynamic";

/**
 * Stores the cruncher's answer (validated against the request by submitAnswer). The reply says only
 * whether it was taken: never the final response or anyone else's answer.
 */
export async function POST(request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const session = await signedInCruncher();
  if (session instanceof Response) return session;
  const { assignmentId } = await params;
  if (!isUuid(assignmentId)) return leaseGone();
  let body: { answer?: unknown };
  try {
    body = (await request.json()) as { answer?: unknown };
  } catch {
    return Response.json({ error: "bad_request", message: "Send the answer as JSON: {\"answer\": …}." }, { status: 400 });
  }
  const outcome = await submitAnswer(session.cruncherId, assignmentId, body?.answer);
  if (outcome.ok) return Response.json({ ok: true }, { headers: NO_STORE });
  if (outcome.reason === "invalid") return Response.json({ error: "invalid", message: outcome.message, errors: outcome.errors }, { status: 422 });
  return leaseGone();
}
