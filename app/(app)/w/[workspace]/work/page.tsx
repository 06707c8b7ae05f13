import type { Metadata } from "next";
import { requireWorkspace } from "@/app/_server/auth";
import { goldStanding } from "@/lib/tasks/gold-store";
import { PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { countWaitingTasks, cruncherStats } from "@/lib/tasks/cruncher-stats";
import { cruncherIdOf } from "@/lib/tasks/queue";
import { WorkArea } from "./work-area";

export const metadata: Metadata = { title: "Work" };

export default async function WorkPage() {
  const { account, workspace } = await requireWorkspace("work");
  const cruncherId = cruncherIdOf(account.id);
  // The first paint counts from the server's midnight; the page refetches with the cruncher's own.
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const db = getDb();
  const [stats, waiting, standing] = await Promise.all([cruncherStats(db, cruncherId, midnight), countWaitingTasks(db, workspace.id, cruncherId), goldStanding(db, workspace.id, cruncherId)]);
  return (
    <>
      <PageHeader
        title="Work"
        description={
          <>
            Answer questions from the task queue, one at a time, keyboard first. Your cruncher id is{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-xs" data-testid="cruncher-id">{cruncherId}</code>.
          </>
        }
      />
      <WorkArea initialStats={{ ...stats, waiting: standing.paused ? 0 : waiting, paused: standing.paused }} cruncherId={cruncherId} />
    </>
  );
}
