"use client";

import { useState, type FormEvent } from "react";
import { SessionRouteError, sessionFetch } from "@/components/session-fetch";
import { Button, Input, cx } from "@/components/ui";
import type { PlaygroundFeature } from "@/lib/models/deployments/dashboard";
import type { PredictionBody } from "@/lib/models/deployments/predict";
import type { InputRow, InputValue } from "@/lib/models/sklearn/types";

export type PlaygroundResult = { ok: true; body: PredictionBody; input: InputRow | null } | { ok: false; problems: string[] };

/** A form value as JSON: a number when it reads as one, else the text (categorical columns). */
function valueOf(raw: string): InputValue {
  const n = Number(raw);
  return raw.trim() !== "" && Number.isFinite(n) ? n : raw;
}

/**
 * Inputs generated from the deployment's features (one per column, in the model's order), or the raw
 * JSON body as the API takes it. Calls the same predict as the API, so each call is an operation.
 */
export function PredictPlayground({ deploymentId, features, exampleRow, onResult }: { deploymentId: string; features: PlaygroundFeature[]; exampleRow: InputRow | null; onResult: (result: PlaygroundResult) => void }) {
  const [mode, setMode] = useState<"form" | "json">("form");
  const [values, setValues] = useState<string[]>(() => features.map((_, j) => (exampleRow?.[j] !== undefined ? String(exampleRow[j]) : "")));
  const [explain, setExplain] = useState(true);
  const [jsonText, setJsonText] = useState("");
  const [pending, setPending] = useState(false);
  const formBody = () => JSON.stringify({ data: values.map(valueOf), explain });

  function switchTo(next: "form" | "json") {
    if (next === "json") setJsonText(JSON.stringify({ data: values.map(valueOf), explain }, null, 2));
    setMode(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = mode === "form" ? formBody() : jsonText;
    setPending(true);
    try {
      // The raw text is sent as typed, so the JSON tab shows the API's own answer to malformed bodies.
      const answer = await sessionFetch<PredictionBody>(`/api/deployments/${encodeURIComponent(deploymentId)}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body });
      let first: InputRow | null = mode === "form" ? values.map(valueOf) : null;
      if (mode === "json") {
        const data = (JSON.parse(body) as { data?: unknown }).data;
        first = Array.isArray(data) && !Array.isArray(data[0]) && typeof data[0] !== "object" ? (data as InputRow) : null;
      }
      onResult({ ok: true, body: answer, input: first });
    } catch (error) {
      onResult({ ok: false, problems: error instanceof SessionRouteError ? error.problems : [(error as Error).message] });
    }
    setPending(false);
  }

  const tab = (name: "form" | "json", label: string) => (
    <button type="button" onClick={() => switchTo(name)} className={cx("rounded-md px-3 py-1.5 text-sm", mode === name ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-600 hover:bg-slate-50")} aria-pressed={mode === name}>
      {label}
    </button>
  );

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4">
      <div className="flex gap-1">{tab("form", "Inputs")}{tab("json", "JSON")}</div>
      {mode === "form" ? (
        <div className="grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-2">
          {features.map((f, j) => (
            <label key={f.name} className="block min-w-0 space-y-1">
              <span className="block truncate text-sm font-medium text-slate-700" title={f.name}>
                {f.name} {f.type ? <span className="text-xs font-normal text-slate-400">{f.type}</span> : null}
              </span>
              <Input
                value={values[j] ?? ""}
                inputMode={f.type === "cat" ? "text" : "decimal"}
                onChange={(e) => setValues((v) => v.map((old, k) => (k === j ? e.target.value : old)))}
                placeholder={f.type === "cat" ? "category" : "number"}
              />
            </label>
          ))}
        </div>
      ) : (
        <textarea
          aria-label="Request body"
          value={jsonText}
          onChange={(e) => setJsonText(e.target.value)}
          rows={8}
          spellCheck={false}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
        />
      )}
      <div className="flex items-center gap-4">
        {mode === "form" ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={explain} onChange={(e) => setExplain(e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
            Explain (SHAP)
          </label>
        ) : null}
        <Button type="submit" disabled={pending}>{pending ? "Predicting…" : "Predict"}</Button>
      </div>
    </form>
  );
}
