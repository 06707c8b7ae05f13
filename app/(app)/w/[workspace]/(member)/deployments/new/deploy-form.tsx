"use client";

import Link, { useWorkspaceRouter } from "@/components/workspace-link";
import { useState, type FormEvent } from "react";
import { SessionRouteError, sessionFetch } from "@/components/session-fetch";
import { Button, Card, Field, Input, Select } from "@/components/ui";
import type { DeployOption } from "@/lib/models/deployments/dashboard";

/** The default choice: no version sent, so the deployment follows production (the latest version becomes it if no version is production yet). */
function followProductionLabel(model: DeployOption): string {
  const production = model.aliases.find((a) => a.name === "production");
  return production ? `follow production (now v${production.version})` : `follow production (v${model.versions[0]?.version} becomes production)`;
}

/** "latest" (follow production), "v:3" or "alias:staging" → the version fields of the request. */
function versionFields(choice: string): { version?: number; alias?: string } {
  if (choice.startsWith("v:")) return { version: Number(choice.slice(2)) };
  if (choice.startsWith("alias:")) return { alias: choice.slice(6) };
  return {};
}

export function DeployForm({ options, initialModel, defaultOwner }: { options: DeployOption[]; initialModel?: string; defaultOwner: string }) {
  const router = useWorkspaceRouter();
  const deployable = options.filter((o) => o.versions.length > 0);
  // A model asked for by the link but not deployable is said so, never swapped for another one.
  const asked = initialModel ? options.find((o) => o.modelid === initialModel) : undefined;
  const refused = initialModel !== undefined && !deployable.some((o) => o.modelid === initialModel);
  const [modelid, setModelid] = useState(refused ? "" : (deployable.find((o) => o.modelid === initialModel)?.modelid ?? deployable[0]?.modelid ?? ""));
  const [version, setVersion] = useState("latest");
  const [problems, setProblems] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const model = options.find((o) => o.modelid === modelid);

  if (!deployable.length) {
    return (
      <Card className="max-w-xl p-6 text-sm text-slate-600">
        No model has a model file yet. Register a model on the Models page and upload its .pkl or joblib file (kind “model”) first.
      </Card>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const continuum = text("continuum");
    const body = {
      modelid,
      ...versionFields(version),
      ownerid: text("ownerid"),
      deployment_id: text("deployment_id"),
      placement: { clusterID: text("clusterID") || "*", node: text("node") || "*", continuum: continuum === "true" ? true : continuum === "false" ? false : "*" },
      inference_data: Number(text("inference_data")),
    };
    setPending(true);
    try {
      const created = await sessionFetch<{ deployment_id: string }>("/api/deployments", { method: "POST", json: body });
      router.push(`/deployments/${encodeURIComponent(created.deployment_id)}`);
    } catch (error) {
      setPending(false);
      setProblems(error instanceof SessionRouteError ? error.problems : [(error as Error).message]);
    }
  }

  return (
    <Card className="max-w-2xl p-4 sm:p-6">
      {refused ? (
        <p role="alert" className="mb-5 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="model-not-deployable">
          {asked ? (
            <>
              “{asked.modelname}” has no model file yet, so it cannot be deployed: upload its .pkl or joblib file (kind “model”) on{" "}
              <Link className="font-medium underline" href={`/models/${encodeURIComponent(asked.modelid)}`}>its page</Link> first, or choose another model below.
            </>
          ) : (
            <>There is no model with the id <code className="font-mono">{initialModel}</code> in this account. Choose one below.</>
          )}
        </p>
      ) : null}
      <form className="space-y-5" onSubmit={(e) => void submit(e)}>
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
          <Field label="Model">
            <Select value={modelid} required onChange={(e) => (setModelid(e.target.value), setVersion("latest"))}>
              {modelid === "" ? <option value="">Choose a model…</option> : null}
              {deployable.map((o) => (
                <option key={o.modelid} value={o.modelid}>{o.modelname}</option>
              ))}
            </Select>
          </Field>
          <Field label="Version" hint="Following an alias, the deployment switches when the alias moves (a retrain that passes its thresholds moves production); a version number pins it.">
            <Select value={version} onChange={(e) => setVersion(e.target.value)}>
              <option value="latest">{model ? followProductionLabel(model) : "follow production"}</option>
              {model?.aliases.filter((a) => a.name !== "production").map((a) => (
                <option key={a.name} value={`alias:${a.name}`}>follow {a.name} (now v{a.version})</option>
              ))}
              {model?.versions.map((v) => (
                <option key={v.version} value={`v:${v.version}`}>pin v{v.version} · {v.estimator ?? "unknown"}{v.servable ? "" : " (not servable)"}</option>
              ))}
            </Select>
          </Field>
          <Field label="Deployment ID" hint="Leave empty to generate one (dep-…).">
            <Input name="deployment_id" placeholder="dep-iris-001" />
          </Field>
          <Field label="Owner" hint="ownerid: operations are listed by it (GET /deployment/get/opos/{ownerid}).">
            <Input name="ownerid" defaultValue={defaultOwner} />
          </Field>
        </div>
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium text-slate-700">Placement (* means anywhere)</legend>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <Field label="Cluster">
              <Input name="clusterID" defaultValue="*" />
            </Field>
            <Field label="Node">
              <Input name="node" defaultValue="*" />
            </Field>
            <Field label="Continuum">
              <Select name="continuum" defaultValue="*">
                <option value="*">* (any)</option>
                <option value="true">true</option>
                <option value="false">false</option>
              </Select>
            </Field>
          </div>
        </fieldset>
        <Field label="Inference data" hint={'With data links, callers may also send {"data_link": url} and the server fetches the CSV.'}>
          <Select name="inference_data" defaultValue="0">
            <option value="0">0 · values in the request</option>
            <option value="1">1 · values or a data link</option>
          </Select>
        </Field>
        {problems.length ? (
          <ul role="alert" className="list-disc rounded-md bg-red-50 py-2 pl-8 text-sm text-red-700">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <Button type="submit" disabled={pending}>{pending ? "Deploying…" : "Deploy"}</Button>
      </form>
    </Card>
  );
}
