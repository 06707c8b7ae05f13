import type { Metadata } from "next";
import Link from "@/components/workspace-link";
import { requireWorkspace } from "@/app/_server/auth";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Badge, PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { listModelKinds, listModels, listModelTags } from "@/lib/models/store";
import { ModelFilters } from "./model-filters";
import { Time } from "@/components/time";

export const metadata: Metadata = { title: "Models" };

const registerModel = (
  <Link href="/models/new" className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500">
    Register model
  </Link>
);

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

export default async function ModelsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { account, workspace } = await requireWorkspace("read");
  const params = await searchParams;
  const q = one(params.q).slice(0, 200);
  const kind = one(params.kind).slice(0, 200);
  const tag = one(params.tag).slice(0, 200);
  const db = getDb();
  const [models, kinds, tags] = await Promise.all([
    listModels(db, workspace.id, { skip: 0, limit: 200, ...(q ? { name: q } : {}), ...(kind ? { kind } : {}), ...(tag ? { tags: [tag] } : {}) }),
    listModelKinds(db, workspace.id),
    listModelTags(db, workspace.id),
  ]);
  const filtered = Boolean(q || kind || tag);
  return (
    <>
      <PageHeader title="Models" description="The model registry: scikit-learn models with their versions, training data, code and requirements." actions={registerModel} />
      {kinds.length > 0 ? <ModelFilters q={q} kind={kind} kinds={kinds} tag={tag} tags={tags} /> : null}
      {models.length === 0 && filtered ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">No model matches these filters.</p>
      ) : models.length === 0 ? (
        <EmptyState
          title="No models registered"
          description="Registered models will be listed here, newest first, with their kind, tags, versions and whether the latest version can be served."
          steps={[
            <>Create a <Link className="text-indigo-600 hover:underline" href="/keys?scope=models">models API key</Link>.</>,
            "POST /model/add with the model's metadata.",
            "Upload its .pkl or joblib file, training data, code and requirements to /model/{id}/upload.",
          ]}
          example={`curl -X POST $BASE_URL/model/add \\
  -H "Authorization: Bearer $MODELS_KEY" -H "Content-Type: application/json" \\
  -d '{"modelname":"MyModel","modelkind":"regression",
       "drift_detection":[{"is_true":1,"method":2}]}'

curl -X POST $BASE_URL/model/<modelid>/upload \\
  -H "Authorization: Bearer $MODELS_KEY" \\
  -F file=@model.pkl -F file_kind=model`}
        />
      ) : (
        <DataTable columns={["Name", "Kind", "Tags", "Latest version", "Files", "Registered"]}>
              {models.map(({ model, files }) => {
                const versions = files.filter((f) => f.filekind === "model" && f.version !== null);
                const latest = versions.at(-1);
                return (
                  <tr key={model.id}>
                    <td className="px-4 py-3">
                      <Link href={`/models/${model.id}`} className="font-medium text-indigo-700 hover:underline">{model.modelname}</Link>
                      <div className="font-mono text-xs text-slate-400">{model.id}</div>
                    </td>
                    <td className="px-4 py-3">{model.modelkind}</td>
                    <td className="px-4 py-3">
                      <span className="inline-flex flex-wrap gap-1">{(model.modeltags ?? []).map((t) => <Badge key={t}>{t}</Badge>)}</span>
                    </td>
                    <td className="px-4 py-3">
                      {latest ? (
                        <span className="inline-flex flex-wrap items-center gap-2">
                          v{latest.version} <span className="text-xs text-slate-500">{latest.estimator?.class?.split(".").at(-1)}</span>
                          {latest.estimator?.servable ? <Badge tone="green">servable</Badge> : <Badge tone="amber">{latest.estimator?.reason ?? "not servable"}</Badge>}
                        </span>
                      ) : (
                        <span className="text-slate-400">no model file yet</span>
                      )}
                    </td>
                    <td className="px-4 py-3 text-xs text-slate-600">{[...new Set(files.map((f) => f.filekind))].join(", ") || "—"}</td>
                    <td className="whitespace-nowrap px-4 py-3"><Time value={model.createdAt} style="date" /></td>
                  </tr>
                );
              })}
            </DataTable>
      )}
    </>
  );
}
