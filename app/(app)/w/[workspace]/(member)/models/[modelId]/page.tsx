import type { Metadata } from "next";
import Link from "@/components/workspace-link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/auth";
import { Badge, PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { getModelWithFiles, listVersions } from "@/lib/models/store";
import { allows } from "@/lib/workspaces/roles";
import { DeleteModelButton } from "./delete-model-button";
import { EditMetadataForm } from "./edit-metadata-form";
import { EditModelForm } from "./edit-model-form";
import { OtherFilesTable, VersionsTable } from "./files-tables";
import { DriftDetection, FeatureList, Hyperparameters, PerformanceThresholds } from "./metadata-tables";
import { UploadForm } from "./upload-form";
import { AliasForm } from "./alias-form";
import { ModelDeployments } from "./model-deployments";
import { deploymentsOfModel } from "@/lib/models/deployments/rollout-store";
import { modelLineage } from "@/lib/models/lineage/store";
import { CompareVersions, type ComparedVersion } from "./compare-versions";
import { formatSize } from "./files-tables";
import { TrainingHistory } from "./training-history";

export const metadata: Metadata = { title: "Model" };

export default async function ModelPage({ params }: { params: Promise<{ modelId: string }> }) {
  const { account, workspace, role } = await requireWorkspace("read");
  const { modelId } = await params;
  const db = getDb();
  const found = await getModelWithFiles(db, workspace.id, modelId);
  if (!found) notFound();
  const { model, files } = found;
  const [versions, deployments, lineage] = await Promise.all([listVersions(db, workspace.id, model.id), deploymentsOfModel(db, workspace.id, model.id), modelLineage(db, workspace.id, model.id)]);
  const compared: ComparedVersion[] = versions.map(({ file, aliases: names }) => {
    const run = lineage.byVersion[file.version!];
    const e = file.estimator;
    return {
      version: file.version!,
      aliases: names,
      estimator: e?.class ?? null,
      sklearnVersion: e?.sklearn_version ?? null,
      format: e ? `${e.format}, protocol ${e.protocol}` : null,
      nFeatures: e?.n_features ?? null,
      classes: e?.classes ? e.classes.map(String).join(", ").slice(0, 200) : null,
      featureNames: e?.feature_names ?? null,
      servable: e?.servable ? "yes" : `no${e?.reason ? `: ${e.reason}` : ""}`,
      size: formatSize(file.size),
      sha256: file.sha256,
      uploaded: `${file.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
      origin: run ? `retrained (${run.trigger}, run ${run.id.slice(0, 8)})` : "uploaded",
      metrics: run?.metrics ?? null,
      inputs: run ? run.inputs.map((i) => i.filename).join(", ") || null : null,
    };
  });
  const aliases = versions.flatMap(({ file, aliases: names }) => names.map((name) => ({ name, version: file.version! })));
  const otherFiles = files.filter((f) => f.filekind !== "model");
  // Files are uploaded by keys of this account, so the only uploader to name is the account itself.
  const uploaders = new Map([[workspace.id, account.name || account.username || account.email]]);

  return (
    <>
      <PageHeader
        title={model.modelname}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone="indigo">{model.modelkind}</Badge>
            {model.modeltags.map((t) => <Badge key={t}>{t}</Badge>)}
            <span className="font-mono text-xs text-slate-400">{model.id}</span>
          </span>
        }
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {versions.length > 0 ? (
              <Link
                href={`/deployments/new?model=${model.id}`}
                className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
              >
                Deploy
              </Link>
            ) : null}
            {allows(role, "write") ? <DeleteModelButton modelId={model.id} name={model.modelname} /> : null}
          </div>
        }
      />
      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">
          <VersionsTable versions={versions} uploaders={uploaders} lineage={lineage.byVersion} />
          {compared.length >= 2 ? <CompareVersions versions={compared} /> : null}
          <ModelDeployments deployments={deployments} />
          <TrainingHistory jobs={lineage.jobs} />
          <OtherFilesTable files={otherFiles} uploaders={uploaders} />
          <FeatureList features={model.featurelist} />
          <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
            <Hyperparameters parameters={model.hyperparameter} />
            <PerformanceThresholds thresholds={model.modelperformance} />
          </div>
          <DriftDetection settings={model.driftDetection} />
        </div>
        <div className="grid grid-cols-1 content-start gap-6 md:grid-cols-2 2xl:grid-cols-1">
          {versions.length > 0 ? <AliasForm modelId={model.id} versions={versions.map((v) => v.file.version!)} aliases={aliases} /> : null}
          <UploadForm modelId={model.id} />
          <EditModelForm modelId={model.id} initial={{ modelname: model.modelname, modelkind: model.modelkind, tags: model.modeltags.join(", ") }} />
          <EditMetadataForm
            modelId={model.id}
            initial={{
              featurelist: model.featurelist,
              drift_detection: model.driftDetection,
              modelperformance: model.modelperformance,
              hyperparameter: model.hyperparameter,
              trainingresource: model.trainingresource,
              runresource: model.runresource,
              inference: model.inference,
            }}
          />
        </div>
      </div>
    </>
  );
}
