import { currentMember } from "@/app/_server/auth";
import { requestProgress } from "@/lib/tasks/review";

export const dynamic = "force-dynamic";

/** The request page's live status while it is pending, for the signed-in owner. */
export async function GET(_request: Request, { params }: { params: Promise<{ requestId: string }> }) {
  const account = await currentMember();
  if (!account) return Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
  const progress = await requestProgress(account.id, (await params).requestId);
  if (!progress) return Response.json({ error: "not_found", message: "No such request." }, { status: 404 });
  return Response.json(progress, { headers: { "cache-control": "no-store" } });
}
