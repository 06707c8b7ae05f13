import { currentMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { loopDashboard } from "@/lib/loops/dashboard";

export const dynamic = "force-dynamic";

/** The loop page's live data (metrics, learning curve, recent predictions), for the signed-in owner. */
export async function GET(_request: Request, { params }: { params: Promise<{ loopId: string }> }) {
  const account = await currentMember();
  if (!account) return Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
  const view = await loopDashboard(getDb(), account.id, (await params).loopId);
  if (!view) return Response.json({ error: "not_found", message: "No such loop." }, { status: 404 });
  return Response.json(view.live, { headers: { "cache-control": "no-store" } });
}
