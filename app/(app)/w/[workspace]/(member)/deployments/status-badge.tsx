import { Badge } from "@/components/ui";

const TONES = { waiting: "slate", loading: "amber", running: "green", failed: "red" } as const;

export type DeploymentStatus = keyof typeof TONES;

/** A deployment's status; waiting and loading pulse because they change on their own. */
export function StatusBadge({ status, reason }: { status: DeploymentStatus; reason?: string | null }) {
  const moving = status === "waiting" || status === "loading";
  return (
    <span title={reason ?? undefined} data-testid="deployment-status">
      <Badge tone={TONES[status]}>
        {moving ? <span className="mr-1.5 inline-block h-1.5 w-1.5 animate-pulse rounded-full bg-current" aria-hidden /> : null}
        {status}
      </Badge>
    </span>
  );
}

/** Poll quickly while something is on its way to running or failed, and stop once everything has settled. */
export const pollWhileMoving = (statuses: DeploymentStatus[]) => (statuses.some((s) => s === "waiting" || s === "loading") ? 1000 : false);
