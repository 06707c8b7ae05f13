"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { Button, Card } from "@/components/ui";
import type { WorkTask } from "@/lib/tasks/work-task";
import { Kbd } from "./_shared/kbd";
import { TaskWorkbench } from "./task-workbench";
import { leaseNextTask, renewLease, skipTask, type WorkStats } from "./work-api";
import { STATS_KEY, useWorkStats } from "./use-work-stats";
import { WorkStatsPanel } from "./work-stats";
import { clearDraft, draftKeyOf, pruneDrafts } from "./work-drafts";

/** How often the open page renews its reservation (the lease lasts 120 s). */
const RENEW_EVERY_MS = 30_000;
/** How often an idle-but-working page asks for a new task. */
const POLL_EVERY_MS = 5_000;

type Phase = { kind: "idle" } | { kind: "loading" } | { kind: "task"; task: WorkTask } | { kind: "waiting" } | { kind: "paused" } | { kind: "error"; message: string };

/** What a cruncher paused by the workspace's gold rule reads instead of tasks. */
function PausedNotice() {
  return (
    <Card className="border-amber-200 px-8 py-8" >
      <div data-testid="work-paused">
        <h2 className="text-lg font-semibold text-slate-900">Thank you for your work so far</h2>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          This workspace checks answers against a few questions whose answers it already knows. Your recent answers to those did not match often enough, so no more tasks from this workspace are
          being sent to you for now. If you think this is a mistake, please get in touch with the workspace&apos;s owner.
        </p>
      </div>
    </Card>
  );
}

/**
 * The Work area: "Start working" leases a task; the reservation is renewed while the page is open;
 * after each answer (or skip) the next task loads by itself, and with none left the page keeps
 * looking every few seconds.
 */
export function WorkArea({ initialStats, cruncherId }: { initialStats: WorkStats; cruncherId: string }) {
  const queryClient = useQueryClient();
  const { data: stats } = useWorkStats(initialStats);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [notice, setNotice] = useState<string | null>(null);
  const task = phase.kind === "task" ? phase.task : null;
  const loading = useRef(false);
  const draftKey = task ? draftKeyOf(cruncherId, task.requestId) : null;

  useEffect(() => pruneDrafts(), []);

  const next = useCallback(async () => {
    if (loading.current) return;
    loading.current = true;
    try {
      const { task: leased, paused } = await leaseNextTask();
      setPhase(leased ? { kind: "task", task: leased } : paused ? { kind: "paused" } : { kind: "waiting" });
    } catch (error) {
      setPhase({ kind: "error", message: (error as Error).message });
    } finally {
      loading.current = false;
      void queryClient.invalidateQueries({ queryKey: STATS_KEY });
    }
  }, [queryClient]);

  function start() {
    setNotice(null);
    setPhase({ kind: "loading" });
    void next();
  }

  useEffect(() => {
    if (!task) return;
    const timer = setInterval(() => {
      renewLease(task.assignmentId).then(
        (held) => {
          if (held) return;
          clearDraft(draftKeyOf(cruncherId, task.requestId));
          setNotice("That task was completed or withdrawn before you answered; here is the next one.");
          void next();
        },
        () => {},
      );
    }, RENEW_EVERY_MS);
    return () => clearInterval(timer);
  }, [task, next, cruncherId]);

  useEffect(() => {
    if (phase.kind !== "waiting") return;
    const timer = setInterval(() => void next(), POLL_EVERY_MS);
    return () => clearInterval(timer);
  }, [phase.kind, next]);

  return (
    <div className="space-y-6">
      <WorkStatsPanel initial={initialStats} working={task !== null} />
      {notice ? <p role="status" className="rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-800">{notice}</p> : null}
      {phase.kind === "paused" || (phase.kind === "idle" && stats.paused) ? <PausedNotice /> : null}
      {phase.kind === "idle" && !stats.paused ? (
        stats.waiting === 0 ? (
          <EmptyState
            title="No tasks waiting"
            description="When programs ask questions, they appear here. Start working and the next task you may take opens as soon as there is one."
            steps={["Keep this page open; it checks for new tasks every few seconds.", "Number keys pick choices, Enter submits and S skips."]}
            action={<Button onClick={start}>Start working</Button>}
          />
        ) : (
          <Card className="flex flex-wrap items-center justify-between gap-6 px-5 py-6 sm:px-8 sm:py-8">
            <div>
              <h2 className="text-lg font-semibold text-slate-900">{stats.waiting >= 100 ? "100+" : stats.waiting} task{stats.waiting === 1 ? "" : "s"} waiting for you</h2>
              <p className="mt-1 max-w-xl text-sm text-slate-600">
                Each task is reserved for you while you work on it.{" "}
                <span className="pointer-coarse:hidden">
                  Keyboard first: <Kbd>1</Kbd>–<Kbd>9</Kbd> pick choices, <Kbd>Enter</Kbd> submits, <Kbd>S</Kbd> skips.
                </span>
              </p>
            </div>
            <Button onClick={start} autoFocus className="w-full px-6 py-3 text-base sm:w-auto sm:py-2.5">Start working</Button>
          </Card>
        )
      ) : null}
      {phase.kind === "loading" ? <Card className="px-8 py-10 text-center text-sm text-slate-500">Finding your next task…</Card> : null}
      {phase.kind === "waiting" ? (
        <Card className="flex flex-wrap items-center justify-between gap-4 px-5 py-6 sm:px-8 sm:py-8">
          <div>
            <h2 className="text-lg font-semibold text-slate-900">All caught up</h2>
            <p className="mt-1 text-sm text-slate-600">No tasks are waiting for you right now. This page checks again every few seconds.</p>
          </div>
          <Button variant="secondary" onClick={() => setPhase({ kind: "idle" })}>Stop working</Button>
        </Card>
      ) : null}
      {phase.kind === "error" ? (
        <Card className="flex flex-wrap items-center justify-between gap-4 border-red-200 px-6 py-5">
          <p role="alert" className="text-sm text-red-700">{phase.message}</p>
          <Button onClick={start}>Try again</Button>
        </Card>
      ) : null}
      {task && draftKey ? (
        <TaskWorkbench
          key={task.assignmentId}
          task={task}
          draftKey={draftKey}
          onAnswered={() => {
            setNotice(null);
            void next();
          }}
          onSkip={() => {
            setNotice(null);
            void skipTask(task.assignmentId).finally(() => void next());
          }}
          onGone={(message) => {
            setNotice(message);
            void next();
          }}
        />
      ) : null}
    </div>
  );
}
