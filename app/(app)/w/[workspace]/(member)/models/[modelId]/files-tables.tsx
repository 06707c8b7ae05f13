import { Time } from "@/components/time";
import { Badge } from "@/components/ui";
import { cell, TableCard } from "./table-card";
import type { ModelFileRow } from "@/db/schema";
import type { LineageJob } from "@/lib/models/lineage/lineage";
import type { VersionWithAliases } from "@/lib/models/store";

// The model's versions and other files, each with a download link through the session-checked route.

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}


function Download({ file }: { file: ModelFileRow }) {
  return (
    <a className="text-indigo-600 hover:underline" href={`/api/models/${file.modelId}/files/${file.sha256}?ws=${file.workspaceId}`} download={file.filename}>
      Download
    </a>
  );
}

/** The training run a retrained version came from, on this page's history, with the files it read on hover. */
function RunLink({ run }: { run: LineageJob }) {
  return (
    <a href={`#run-${run.id}`} className="text-indigo-600 hover:underline" title={run.inputs.map((i) => i.filename).join(", ")}>
      training run
    </a>
  );
}

function Uploader({ id, names }: { id: string | null; names: Map<string, string> }) {
  return <span className="text-xs">{id ? (names.get(id) ?? id.slice(0, 8)) : "—"}</span>;
}

export function VersionsTable({ versions, uploaders, lineage = {} }: { versions: VersionWithAliases[]; uploaders: Map<string, string>; lineage?: Record<number, LineageJob> }) {
  return (
    <TableCard
      title="Versions"
      empty={versions.length === 0 ? "No model file uploaded yet: upload a .pkl or joblib file as kind “model”." : null}
      head={["Version", "Estimator", "sklearn", "Size", "sha256", "Servable", "From", "Uploaded by", "When", "Aliases", ""]}
    >
      {versions.map(({ file, aliases }) => (
        <tr key={file.id}>
          <td className={cell}>v{file.version}</td>
          <td className={cell}><span className="font-mono text-xs" title={file.estimator?.class ?? undefined}>{file.estimator?.class?.split(".").at(-1) ?? "—"}</span></td>
          <td className={cell}>{file.estimator?.sklearn_version ?? "—"}</td>
          <td className={cell}>{formatSize(file.size)}</td>
          <td className={cell}><span className="font-mono text-xs" title={file.sha256}>{file.sha256.slice(0, 12)}</span></td>
          <td className={cell}>{file.estimator?.servable ? <Badge tone="green">servable</Badge> : <Badge tone="amber">{file.estimator?.reason ?? "not servable"}</Badge>}</td>
          <td className={cell}>
            {lineage[file.version!] ? (
              <RunLink run={lineage[file.version!]!} />
            ) : (
              <span className="text-xs text-slate-500">upload</span>
            )}
          </td>
          <td className={cell}><Uploader id={file.uploadedBy} names={uploaders} /></td>
          <td className={cell}><Time value={file.createdAt} /></td>
          <td className={cell}><span className="inline-flex flex-wrap gap-1">{aliases.map((a) => <Badge key={a} tone="indigo">{a}</Badge>)}</span></td>
          <td className={cell}><Download file={file} /></td>
        </tr>
      ))}
    </TableCard>
  );
}

export function OtherFilesTable({ files, uploaders }: { files: ModelFileRow[]; uploaders: Map<string, string> }) {
  return (
    <TableCard title="Data, code and environment" empty={files.length === 0 ? "No data, code or environment files yet." : null} head={["Kind", "File", "Size", "sha256", "Uploaded by", "When", ""]}>
      {files.map((file) => (
        <tr key={file.id}>
          <td className={cell}><Badge>{file.filekind}</Badge></td>
          <td className={cell}>{file.filename}</td>
          <td className={cell}>{formatSize(file.size)}</td>
          <td className={cell}><span className="font-mono text-xs" title={file.sha256}>{file.sha256.slice(0, 12)}</span></td>
          <td className={cell}><Uploader id={file.uploadedBy} names={uploaders} /></td>
          <td className={cell}><Time value={file.createdAt} /></td>
          <td className={cell}><Download file={file} /></td>
        </tr>
      ))}
    </TableCard>
  );
}
