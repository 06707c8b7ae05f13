"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Card, Select } from "@/components/ui";
import {
  driftListOf,
  driftRowsOf,
  featureListOf,
  featureRowsOf,
  hyperparameterListOf,
  hyperparameterRowProblems,
  hyperparameterRowsOf,
  metadataProblems,
  thresholdListOf,
  thresholdRowsOf,
  type DriftRow,
  type FeatureRow,
  type HyperparameterRow,
  type ThresholdRow,
} from "@/lib/models/metadata-rows";
import { updateModelAction } from "../actions";
import { Problems } from "../model-fields";
import { DriftEditor } from "./drift-editor";
import { FeatureEditor } from "./feature-editor";
import { HyperparameterEditor } from "./hyperparameter-editor";
import { withKeys, type Keyed } from "./metadata-row-list";
import { ThresholdEditor } from "./threshold-editor";

/** The document's list fields; the first four have a form, every one can be edited as JSON. */
export const METADATA_FIELDS = [
  ["featurelist", "Features", "The model's columns in order: each an input or the target, continuous or categorical."],
  ["hyperparameter", "Hyperparameters", "What the model was trained with."],
  ["modelperformance", "Performance thresholds", "What a retrained version must reach to be promoted."],
  ["drift_detection", "Drift detection", "Whether deployments check their recent inputs against the training data, and how."],
  ["trainingresource", "Training resources", 'JSON: [{"resource_name": "cpu", "value": 2, "deploy": 0}]'],
  ["runresource", "Run resources", 'JSON: [{"resource_name": "memory", "value": 512, "deploy": 1}]'],
  ["inference", "Inference", 'JSON: [{"type": "…", "value": "…"}]'],
] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number][0];

interface Rows {
  featurelist: Keyed<FeatureRow>[];
  hyperparameter: Keyed<HyperparameterRow>[];
  modelperformance: Keyed<ThresholdRow>[];
  drift_detection: Keyed<DriftRow>[];
}
type StructuredField = keyof Rows;
/** Past this many rows a list is edited as JSON: thousands of rows of inputs would make the page crawl. */
const MAX_FORM_ROWS = 300;

const isStructured = (field: MetadataField): field is StructuredField => ["featurelist", "hyperparameter", "modelperformance", "drift_detection"].includes(field);

const rowsOf = (initial: Record<MetadataField, unknown[]>): Rows => ({
  featurelist: withKeys(featureRowsOf(initial.featurelist)),
  hyperparameter: withKeys(hyperparameterRowsOf(initial.hyperparameter)),
  modelperformance: withKeys(thresholdRowsOf(initial.modelperformance)),
  drift_detection: withKeys(driftRowsOf(initial.drift_detection)),
});

/** A field's rows as the JSON the API takes. */
function listOf(field: StructuredField, rows: Rows): unknown[] {
  if (field === "featurelist") return featureListOf(rows.featurelist);
  if (field === "hyperparameter") return hyperparameterListOf(rows.hyperparameter);
  if (field === "modelperformance") return thresholdListOf(rows.modelperformance);
  return driftListOf(rows.drift_detection);
}

/** A field's JSON text as rows (null with a problem when it is not a JSON list). */
function parseRows(field: StructuredField, text: string): { rows: Rows[StructuredField] } | { problem: string } {
  const parsed = parseJson(field, text);
  if ("problem" in parsed) return parsed;
  if (field === "featurelist") return { rows: withKeys(featureRowsOf(parsed.value)) };
  if (field === "hyperparameter") return { rows: withKeys(hyperparameterRowsOf(parsed.value)) };
  if (field === "modelperformance") return { rows: withKeys(thresholdRowsOf(parsed.value)) };
  return { rows: withKeys(driftRowsOf(parsed.value)) };
}

function parseJson(field: MetadataField, text: string): { value: unknown[] } | { problem: string } {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? { value } : { problem: `${field}: Expected a JSON list [ … ]` };
  } catch (error) {
    return { problem: `${field}: not valid JSON (${(error as Error).message})` };
  }
}

/**
 * The model's metadata lists: features, hyperparameters, thresholds and drift settings as forms
 * (or as JSON, for power users), checked as typed with the schemas PATCH /model/{id} uses, and saved
 * through the same server action, whose problems are shown as it words them.
 */
export function EditMetadataForm({ modelId, initial }: { modelId: string; initial: Record<MetadataField, unknown[]> }) {
  const router = useRouter();
  const [field, setField] = useState<MetadataField>("featurelist");
  const [rows, setRows] = useState<Rows>(() => rowsOf(initial));
  const [asJson, setAsJson] = useState(false);
  const [texts, setTexts] = useState(() =>
    Object.fromEntries(METADATA_FIELDS.map(([name]) => [name, JSON.stringify(initial[name], null, 2)])) as Record<MetadataField, string>,
  );
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [, title, help] = METADATA_FIELDS.find(([name]) => name === field)!;
  const tooLong = isStructured(field) && rows[field].length > MAX_FORM_ROWS;
  const json = asJson || !isStructured(field) || tooLong;

  // What would be sent, and what the API would say about it, recomputed as the user types.
  const value: { value: unknown[] } | { problem: string } = json ? parseJson(field, texts[field]) : { value: listOf(field as StructuredField, rows) };
  const liveProblems =
    "problem" in value
      ? [value.problem]
      : [...metadataProblems(field, value.value), ...(!json && field === "hyperparameter" ? hyperparameterRowProblems(rows.hyperparameter) : [])];

  const changed = () => {
    setServerProblems([]);
    setState("idle");
  };

  function toggleJson() {
    if (!isStructured(field) || tooLong) return;
    if (!asJson) {
      setTexts({ ...texts, [field]: JSON.stringify(listOf(field, rows), null, 2) });
      setAsJson(true);
      changed();
      return;
    }
    const parsed = parseRows(field, texts[field]);
    if ("problem" in parsed) {
      setServerProblems([parsed.problem]);
      return;
    }
    setRows({ ...rows, [field]: parsed.rows });
    setAsJson(false);
    changed();
  }

  function chooseField(next: MetadataField) {
    // Leaving the JSON view of a form field keeps what was typed there only if it reads back.
    if (asJson && isStructured(field)) {
      const parsed = parseRows(field, texts[field]);
      if ("problem" in parsed) {
        setServerProblems([parsed.problem]);
        return;
      }
      setRows({ ...rows, [field]: parsed.rows });
    }
    setAsJson(false);
    setField(next);
    changed();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if ("problem" in value || liveProblems.length) return;
    setState("saving");
    const result = await updateModelAction(modelId, { [field]: value.value });
    setServerProblems(result.ok ? [] : result.problems);
    setState(result.ok ? "saved" : "idle");
    if (result.ok) {
      if (json) setTexts({ ...texts, [field]: JSON.stringify(value.value, null, 2) });
      router.refresh();
    }
  }

  return (
    <Card className="min-w-0 p-5">
      <form className="space-y-3" onSubmit={(e) => void submit(e)} aria-label="Model metadata">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-sm font-semibold text-slate-900">Structured metadata</h2>
          <Select aria-label="Field" value={field} onChange={(e) => chooseField(e.target.value as MetadataField)} className="w-full sm:w-56">
            {METADATA_FIELDS.map(([name, label]) => (
              <option key={name} value={name}>{label}</option>
            ))}
          </Select>
        </div>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-xs text-slate-500">{title}: {help}</p>
          {tooLong ? (
            <span className="text-xs text-slate-500">More than {MAX_FORM_ROWS} rows: edited as JSON.</span>
          ) : isStructured(field) ? (
            <button type="button" className="text-xs font-medium text-indigo-600 hover:underline" onClick={toggleJson} aria-pressed={asJson}>
              {asJson ? "Edit as form" : "Edit as JSON"}
            </button>
          ) : null}
        </div>
        {json ? (
          <textarea
            aria-label={`${field} (JSON)`}
            className="h-48 w-full rounded-md border border-slate-300 p-3 font-mono text-xs shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
            value={texts[field]}
            spellCheck={false}
            onChange={(e) => { setTexts({ ...texts, [field]: e.target.value }); changed(); }}
          />
        ) : field === "featurelist" ? (
          <FeatureEditor rows={rows.featurelist} onChange={(featurelist) => { setRows({ ...rows, featurelist }); changed(); }} />
        ) : field === "hyperparameter" ? (
          <HyperparameterEditor rows={rows.hyperparameter} onChange={(hyperparameter) => { setRows({ ...rows, hyperparameter }); changed(); }} />
        ) : field === "modelperformance" ? (
          <ThresholdEditor rows={rows.modelperformance} onChange={(modelperformance) => { setRows({ ...rows, modelperformance }); changed(); }} />
        ) : (
          <DriftEditor rows={rows.drift_detection} onChange={(drift_detection) => { setRows({ ...rows, drift_detection }); changed(); }} />
        )}
        <div data-testid="metadata-problems">
          <Problems problems={serverProblems.length ? serverProblems : liveProblems} />
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={state === "saving" || liveProblems.length > 0}>{state === "saving" ? "Saving…" : `Save ${title.toLowerCase()}`}</Button>
          {state === "saved" ? <span className="text-sm text-emerald-700">Saved.</span> : null}
        </div>
      </form>
    </Card>
  );
}
