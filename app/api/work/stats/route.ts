import { countWaitingTasks, cruncherStats } from "@/lib/tasks/cruncher-stats";
import { NO_STORE, signedInCruncher } from "../session";

export const dynamic = "force-dynamic";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The stats panel: the cruncher's own counts and agreement, and how many tasks are waiting for them. */
export async function GET(request: Request) {
  const session = await signedInCruncher();
  if (session instanceof Response) return session;
  // "Today" is the cruncher's day: the page sends its local midnight (at most a day back).
  const asked = Date.parse(new URL(request.url).searchParams.get("since") ?? "");
  const since = new Date(Number.isFinite(asked) && Date.now() - asked <= DAY_MS ? asked : Date.now() - DAY_MS);
  const [stats, waiting] = await Promise.all([cruncherStats(session.cruncherId, since), countWaitingTasks(session.cruncherId)]);
  return Response.json({ ...stats, waiting }, { headers: NO_STORE });
}
