"use client";

import { useState, type FormEvent } from "react";
import { Button, Input, Select } from "@/components/ui";
import type { FieldType } from "@/lib/loops/types";
import { tryPredictionAction, type TryPredictionState } from "../actions";
import { ContributionsChart } from "./contributions-chart";
import { Breakable } from "@/components/breakable";

/** Turns a form value into the JSON value the schema expects; "" means missing. */
function toValue(type: FieldType, raw: string): unknown {
  if (raw === "") return undefined;
  if (type === "integer" || type === "float") return Number(raw);
  if (type === "boolean") return raw === "true";
  if (type === "array" || type === "object") {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

const format = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(1) : v.toFixed(4));

export function TryPrediction({ loopId, schema }: { loopId: string; schema: Record<string, FieldType> }) {
  const [result, setResult] = useState<TryPredictionState | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input: Record<string, unknown> = {};
    for (const [field, type] of Object.entries(schema)) {
      const value = toValue(type, String(form.get(field) ?? ""));
      if (value !== undefined) input[field] = value;
    }
    setPending(true);
    setResult(await tryPredictionAction(loopId, input));
    setPending(false);
  }

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <form onSubmit={onSubmit} className="space-y-3">
        {Object.entries(schema).map(([field, type]) => (
          <div key={field} className="grid grid-cols-1 gap-1 sm:grid-cols-[10rem_minmax(0,1fr)] sm:items-center sm:gap-3">
            <label htmlFor={`try-${field}`} className="break-words text-sm font-medium text-slate-700" title={`${field} (${type})`}>
              <Breakable text={field} /> <span className="text-xs font-normal text-slate-400">{type}</span>
            </label>
            {type === "boolean" ? (
              <Select id={`try-${field}`} name={field} defaultValue="">
                <option value="">(missing)</option>
                <option value="true">true</option>
                <option value="false">false</option>
              </Select>
            ) : (
              <Input
                id={`try-${field}`}
                name={field}
                type={type === "integer" || type === "float" ? "number" : "text"}
                step={type === "float" ? "any" : undefined}
                placeholder={type === "array" ? '["a", "b"]' : type === "object" ? '{"city": "Paris"}' : "(missing)"}
              />
            )}
          </div>
        ))}
        <Button type="submit" disabled={pending}>{pending ? "Predicting…" : "Predict"}</Button>
      </form>
      <div data-testid="try-result">
        {result && !result.ok ? (
          <ul role="alert" className="list-disc rounded-md bg-red-50 py-2 pl-8 text-sm text-red-700">
            {result.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        {result?.ok ? (
          <div className="space-y-3">
            <p className="text-sm">
              <span className="text-slate-500">{result.outputName}:</span>{" "}
              <span className="font-mono text-base font-semibold" data-testid="try-value">{JSON.stringify(result.prediction.value)}</span>{" "}
              <span className="text-xs text-slate-500">({result.prediction.explanation.status.replace("_", " ")})</span>
            </p>
            {result.prediction.probabilities ? (
              <p className="text-xs text-slate-600">
                {Object.entries(result.prediction.probabilities)
                  .map(([label, p]) => `${label}: ${(p * 100).toFixed(1)}%`)
                  .join(" · ")}
              </p>
            ) : null}
            <p className="text-xs text-slate-500">
              baseline {format(result.prediction.explanation.baseline)} + contributions = {format(result.prediction.explanation.margin)} ({result.prediction.explanation.units.replace("_", " ")})
            </p>
            <ContributionsChart contributors={result.prediction.explanation.top_contributors} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
