import { Time } from "@/components/time";
import { Badge, Card, ScrollX } from "@/components/ui";
import type { ModelFileRow } from "@/db/schema";
import type { LineageJob } from "@/lib/models/lineage/lineage";
import type { VersionWithAliases } from "@/lib/models/store";

// The model's versions and other files, each with a download link through the session-checked route.

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const th = "whitespace-nowrap px-3 py-2";

function Download({ file }: { file: ModelFileRow }) {
  return (
    <a className="text-indigo-600 hover:underline" href={`/api/models/${file.modelId}/files/${file.sha256}?ws=${file.workspaceId}`} download={file.filename}>
      Download
    </a>
  );
}

function Uploader({ id, names }: { id: string | null; names: Map<string, string> }) {
  return <span className="text-xs">{id ? (names.get(id) ?? id.slice(0, 8)) : "—"}</span>;
}

export function VersionsTable({ versions, uploaders, lineage = {} }: { versions: VersionWithAliases[]; uploaders: Map<string, string>; lineage?: Record<number, LineageJob> }) {
  return (
    <Card className="overflow-x-auto">
      <h2 className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm font-semibold text-slate-900">Versions</h2>
      {versions.length === 0 ? (
        <p className="px-3 py-2.5 text-sm text-slate-500">No model file uploaded yet: upload a .pkl or joblib file as kind “model”.</p>
      ) : (
        <ScrollX>
          <table className="min-w-full divide-y divide-slate-100 text-sm">
            <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                {["Version", "Estimator", "sklearn", "Size", "sha256", "Servable", "From", "Uploaded by", "When", "Aliases", ""].map((h) => <th key={h} className={th}>{h}</th>)}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {versions.map(({ file, aliases }) => (
                <tr key={file.id}>
                  <td className={th}>v{file.version}</td>
                  <td className={th}><span className="font-mono text-xs" title={file.estimator?.class ?? undefined}>{file.estimator?.class?.split(".").at(-1) ?? "—"}</span></td>
                  <td className={th}>{file.estimator?.sklearn_version ?? "—"}</td>
                  <td className={th}>{formatSize(file.size)}</td>
                  <td className={th}><span className="font-mono text-xs" title={file.sha256}>{file.sha256.slice(0, 12)}</span></td>
                  <td className={th}>{file.estimator?.servable ? <Badge tone="green">servable</Badge> : <Badge tone="amber">{file.estimator?.reason ?? "not servable"}</Badge>}</td>
                  <td className={th}>
                    {lineage[file.version!] ? (
                      <a href={`#run-${lineage[file.version!]!.id}`} className="text-indigo-600 hover:underline" title={lineage[file.version!]!.inputs.map((i) => i.filename).join(", ")}>
                        training run
                      </a>
                    ) : (
                      <span className="text-xs text-slate-500">upload</span>
                    )}
                  </td>
                  <td className={th}><Uploader id={file.uploadedBy} names={uploaders} /></td>
                  <td className={th}><Time value={file.createdAt} /></td>
                  <td className={th}><span className="inline-flex flex-wrap gap-1">{aliases.map((a) => <Badge key={a} tone="indigo">{a}</Badge>)}</span></td>
                  <td className={th}><Download file={file} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </Card>
  );
}

export function OtherFilesTable({ files, uploaders }: { files: ModelFileRow[]; uploaders: Map<string, string> }) {
  return (
    <Card className="overflow-x-auto">
      <h2 className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm font-semibold text-slate-900">Data, code and environment</h2>
      {files.length === 0 ? (
        <p className="px-3 py-2.5 text-sm text-slate-500">No data, code or environment files yet.</p>
      ) : (
        <ScrollX>
          <table className="min-w-full divide-y divide-slate-100 text-sm">
            <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                {["Kind", "File", "Size", "sha256", "Uploaded by", "When", ""].map((h) => <th key={h} className={th}>{h}</th>)}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {files.map((file) => (
                <tr key={file.id}>
                  <td className={th}><Badge>{file.filekind}</Badge></td>
                  <td className={th}>{file.filename}</td>
                  <td className={th}>{formatSize(file.size)}</td>
                  <td className={th}><span className="font-mono text-xs" title={file.sha256}>{file.sha256.slice(0, 12)}</span></td>
                  <td className={th}><Uploader id={file.uploadedBy} names={uploaders} /></td>
                  <td className={th}><Time value={file.createdAt} /></td>
                  <td className={th}><Download file={file} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </Card>
  );
}
