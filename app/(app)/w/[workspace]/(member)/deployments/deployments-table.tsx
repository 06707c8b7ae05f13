"use client";

import Link from "@/components/workspace-link";
import { DataTable } from "@/components/data-table";
import type { DeploymentListItem } from "@/lib/models/deployments/dashboard";
import { StatusBadge } from "./status-badge";
import { useDeployments } from "./use-deployments";
import { Time } from "@/components/time";
import { servingLine } from "@/lib/models/deployments/serving-line";

const continuum = (v: boolean | string) => (typeof v === "boolean" ? (v ? "continuum" : "no continuum") : v === "*" ? "any continuum" : `continuum ${v}`);

/** The account's deployments; statuses refresh every second while any is waiting or loading. */
export function DeploymentsTable({ initial }: { initial: DeploymentListItem[] }) {
  const { data } = useDeployments(initial);
  return (
    <DataTable columns={["Deployment", "Model", "Status", "Placement", "Owner", "Created"]}>
      {data.map((d) => (
        <tr key={d.deployment_id}>
          <td className="px-4 py-3">
            <Link href={`/deployments/${encodeURIComponent(d.deployment_id)}`} className="whitespace-nowrap font-mono font-medium text-indigo-700 hover:underline">{d.deployment_id}</Link>
            <div className="text-xs text-slate-400">{d.inference_data === 1 ? "takes values or data links" : "takes values"}</div>
          </td>
          <td className="px-4 py-3">
            <Link href={`/models/${d.modelid}`} className="hover:underline">{d.modelname}</Link>
            <div className="text-xs text-slate-500">{servingLine(d.version, d.version_ref)}</div>
          </td>
          <td className="px-4 py-3">
            <StatusBadge status={d.status} reason={d.reason} />
            {d.reason ? <div className="mt-1 max-w-xs text-xs text-red-700">{d.reason}</div> : null}
          </td>
          <td className="px-4 py-3 text-xs text-slate-600">
            cluster <span className="font-mono">{d.placement.clusterID}</span> · node <span className="font-mono">{d.placement.node}</span> · {continuum(d.placement.continuum)}
          </td>
          <td className="px-4 py-3 font-mono text-xs">{d.ownerid || "—"}</td>
          <td className="whitespace-nowrap px-4 py-3"><Time value={d.created_at} /></td>
        </tr>
      ))}
    </DataTable>
  );
}
