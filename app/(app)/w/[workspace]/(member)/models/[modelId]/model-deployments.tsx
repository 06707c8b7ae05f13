import Link from "@/components/workspace-link";
import { Card } from "@/components/ui";
import type { DeploymentRow } from "@/db/schema";
import { servingLine } from "@/lib/models/deployments/serving-line";
import { StatusBadge } from "../../deployments/status-badge";

/** The model's deployments: which version each serves and what it follows. */
export function ModelDeployments({ deployments }: { deployments: DeploymentRow[] }) {
  return (
    <Card className="overflow-hidden">
      <h2 className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm font-semibold text-slate-900">Deployments</h2>
      {deployments.length === 0 ? (
        <p className="px-3 py-2.5 text-sm text-slate-500">Not deployed. A deployment follows production unless you pick a version.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="model-deployments">
          {deployments.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
              <Link href={`/deployments/${encodeURIComponent(d.deploymentId)}`} className="break-all font-mono text-indigo-700 hover:underline">
                {d.deploymentId}
              </Link>
              <span className="text-slate-700">{servingLine(d.version, d.versionRef)}</span>
              <StatusBadge status={d.status} reason={d.reason} />
              {d.rollFailure ? <span className="text-xs text-amber-800">v{d.rollFailedVersion} not rolled out: {d.rollFailure}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
