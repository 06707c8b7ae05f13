"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { sessionFetch } from "@/components/session-fetch";
import { Time } from "@/components/time";
import { Badge, Button, Card } from "@/components/ui";
import type { DeploymentLive, RolloutView } from "@/lib/models/deployments/dashboard";
import { servingLine } from "@/lib/models/deployments/serving-line";
import { deploymentLiveKey, useDeploymentLive } from "./use-deployment-live";

const EVENT_WORDS: Record<RolloutView["events"][number]["kind"], string> = {
  rolled: "rolled",
  roll_failed: "roll refused",
  rolled_back: "rolled back",
  followed: "follows again",
};

function eventText(e: RolloutView["events"][number]): string {
  const move = `${e.from === null ? "no version" : `v${e.from}`} → v${e.to}`;
  if (e.kind === "rolled") return `${move} (${e.alias} moved)`;
  if (e.kind === "roll_failed") return `kept ${e.from === null ? "no version" : `v${e.from}`}, v${e.to} refused: ${e.reason ?? "unknown reason"}`;
  if (e.kind === "followed") return `${move}, follows ${e.alias}`;
  return `${move}, pinned`;
}

/** Which version serves and what it follows, the last roll (or why it was refused), "Roll back" and "Follow production again". */
export function RolloutCard({ deploymentId, initial }: { deploymentId: string; initial: DeploymentLive }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: live } = useDeploymentLive(deploymentId, initial);
  const { rollout } = live;
  const base = `/api/deployments/${encodeURIComponent(deploymentId)}`;
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: deploymentLiveKey(deploymentId) });
    void queryClient.invalidateQueries({ queryKey: ["deployment-drift", deploymentId] });
    router.refresh(); // the facts above (estimator) are the served version's
  };
  const rollBack = useMutation({ mutationFn: () => sessionFetch(`${base}/rollback`, { method: "POST" }), onSuccess: done });
  const follow = useMutation({ mutationFn: () => sessionFetch(`${base}/follow`, { method: "POST", json: { alias: "production" } }), onSuccess: done });
  const problem = rollBack.error ?? follow.error;
  const busy = rollBack.isPending || follow.isPending;

  return (
    <div data-testid="rollout-card">
    <Card className="space-y-3 px-6 py-4">
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-sm font-medium text-slate-700">Version</span>
        <span className="text-sm font-semibold text-slate-900" data-testid="serving-line">{servingLine(rollout.version, live.deployment.version_ref)}</span>
        {rollout.previousVersion !== null && rollout.rolledAt ? (
          <span className="text-sm text-slate-500">
            was v{rollout.previousVersion} until <Time value={rollout.rolledAt} style="seconds" />
          </span>
        ) : null}
        <div className="flex flex-wrap gap-2 sm:ml-auto">
          {rollout.previousVersion !== null ? (
            <Button variant="secondary" onClick={() => rollBack.mutate()} disabled={busy} data-testid="roll-back">
              {rollBack.isPending ? "Rolling back…" : `Roll back to v${rollout.previousVersion}`}
            </Button>
          ) : null}
          {rollout.follows === null ? (
            <Button variant="secondary" onClick={() => follow.mutate()} disabled={busy} data-testid="follow-production">
              {follow.isPending ? "Switching…" : rollout.pinnedAtDeploy ? "Follow production" : "Follow production again"}
            </Button>
          ) : null}
        </div>
      </div>
      {rollout.follows === null ? (
        <p className="text-xs text-slate-500">Pinned: moving an alias does not change what this deployment serves.</p>
      ) : (
        <p className="text-xs text-slate-500">When {rollout.follows} moves to another version, this deployment loads it, checks it predicts, then switches.</p>
      )}
      {rollout.rollFailure ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="alert" data-testid="roll-failure">
          Still serving v{rollout.version}: v{rollout.rollFailedVersion} was not rolled out. {rollout.rollFailure}
        </p>
      ) : null}
      {problem ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          {problem.message}
        </p>
      ) : null}
      {rollout.events.length ? (
        <ul className="space-y-1 text-xs text-slate-600" data-testid="rollout-events">
          {rollout.events.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
              <Badge tone={e.kind === "roll_failed" ? "amber" : e.kind === "rolled_back" ? "slate" : "green"}>{EVENT_WORDS[e.kind]}</Badge>
              <span className="break-words">{eventText(e)}</span>
              <span className="text-slate-400">
                · {e.actor} · <Time value={e.at} style="seconds" />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
    </div>
  );
}

/** The page header's badge: the version serving now, kept live. */
export function ServingBadge({ deploymentId, initial }: { deploymentId: string; initial: DeploymentLive }) {
  const { data: live } = useDeploymentLive(deploymentId, initial);
  return live.deployment.version !== null ? <Badge tone="indigo">v{live.deployment.version}</Badge> : null;
}
