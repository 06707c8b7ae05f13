"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Card, Select } from "@/components/ui";
import { updateModelAction } from "../actions";
import { Problems } from "../model-fields";

/** The document's list fields, edited as JSON and validated exactly as PATCH /model/{id} validates them. */
export const METADATA_FIELDS = [
  ["featurelist", 'Features: [{"feature_name": "age", "type": "cont", "kind": 0, "units": "years"}] — kind 0 input, 1 target; type cont | cat'],
  ["drift_detection", 'Drift detection: [{"is_true": 1, "method": 2}] — method 0 mean-shift, 1 MMD, 2 Kolmogorov–Smirnov'],
  ["modelperformance", 'Performance thresholds: [{"metric": "r2", "order": 1, "threshold": 0.4}]'],
  ["hyperparameter", 'Hyperparameters: [{"parameter": "alpha", "value": "1.0"}]'],
  ["trainingresource", 'Training resources: [{"resource_name": "cpu", "value": 2, "deploy": 0}]'],
  ["runresource", 'Run resources: [{"resource_name": "memory", "value": 512, "deploy": 1}]'],
  ["inference", 'Inference: [{"type": "…", "value": "…"}]'],
] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number][0];

export function EditMetadataForm({ modelId, initial }: { modelId: string; initial: Record<MetadataField, unknown[]> }) {
  const router = useRouter();
  const [field, setField] = useState<MetadataField>("featurelist");
  const [texts, setTexts] = useState(() =>
    Object.fromEntries(METADATA_FIELDS.map(([name]) => [name, JSON.stringify(initial[name], null, 2)])) as Record<MetadataField, string>,
  );
  const [problems, setProblems] = useState<string[]>([]);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const help = METADATA_FIELDS.find(([name]) => name === field)![1];

  async function submit(event: FormEvent) {
    event.preventDefault();
    let value: unknown;
    try {
      value = JSON.parse(texts[field]);
    } catch (error) {
      setProblems([`${field}: not valid JSON (${(error as Error).message})`]);
      return;
    }
    setState("saving");
    const result = await updateModelAction(modelId, { [field]: value });
    setProblems(result.ok ? [] : result.problems);
    setState(result.ok ? "saved" : "idle");
    if (result.ok) router.refresh();
  }

  return (
    <Card className="p-5">
      <form className="space-y-3" onSubmit={(e) => void submit(e)}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-sm font-semibold text-slate-900">Structured metadata</h2>
          <Select aria-label="Field" value={field} onChange={(e) => { setField(e.target.value as MetadataField); setProblems([]); setState("idle"); }} className="w-56">
            {METADATA_FIELDS.map(([name]) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </Select>
        </div>
        <p className="text-xs text-slate-500">{help}</p>
        <textarea
          aria-label={`${field} (JSON)`}
          className="h-48 w-full rounded-md border border-slate-300 p-3 font-mono text-xs shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
          value={texts[field]}
          spellCheck={false}
          onChange={(e) => { setTexts({ ...texts, [field]: e.target.value }); setState("idle"); }}
        />
        <Problems problems={problems} />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={state === "saving"}>{state === "saving" ? "Saving…" : `Save ${field}`}</Button>
          {state === "saved" ? <span className="text-sm text-emerald-700">Saved.</span> : null}
        </div>
      </form>
    </Card>
  );
}
