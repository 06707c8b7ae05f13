"use client";

import { useState } from "react";
import { Button, Select } from "@/components/ui";
import { importSchema, MAX_IMPORT_CHARS, type ImportedField } from "@/lib/loops/schema-import";

/** Fills the form's fields from a CSV header with a few rows, or a JSON example; one column may become the output. */
export function SchemaImportPanel({ onImport }: { onImport: (inputs: ImportedField[], output: ImportedField | null) => void }) {
  const [text, setText] = useState("");
  const [outputName, setOutputName] = useState("");
  const result = text.trim() ? importSchema(text) : null;

  async function readFile(file: File) {
    // The header and the first rows are enough; a large file is not read whole.
    setText(await file.slice(0, MAX_IMPORT_CHARS).text());
  }

  return (
    <details className="rounded-md border border-slate-200 px-4 py-3" data-testid="schema-import">
      <summary className="cursor-pointer text-sm font-medium text-slate-700">Import fields from a CSV or JSON example</summary>
      <div className="mt-3 space-y-3">
        <p className="text-xs text-slate-500">Paste a CSV header with a few rows, or one JSON example (or an array of them). Names keep their order; types are read from the values.</p>
        <textarea
          aria-label="CSV or JSON example"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={4}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
          placeholder={"age,plan,monthly_spend,churned\n31,pro,12.5,false"}
        />
        <input
          type="file"
          accept=".csv,.json,.jsonl,text/csv,application/json"
          aria-label="Example file"
          className="block w-full text-xs text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-slate-700"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void readFile(file);
          }}
        />
        {result && !result.ok ? (
          <p role="alert" className="text-sm text-red-700">{result.problem}</p>
        ) : null}
        {result?.ok ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-600" data-testid="import-preview">
              {result.fields.length} fields from {result.rows} sample {result.rows === 1 ? "row" : "rows"}: {result.fields.map((f) => `${f.name} (${f.type})`).join(", ")}
            </p>
            <div className="flex flex-wrap items-end gap-3">
              <label className="space-y-1 text-sm">
                <span className="block font-medium text-slate-700">Output column</span>
                <Select aria-label="Output column" value={outputName} onChange={(e) => setOutputName(e.target.value)} className="w-56">
                  <option value="">none — all are inputs</option>
                  {result.fields.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.name}
                    </option>
                  ))}
                </Select>
              </label>
              <Button
                type="button"
                onClick={() => {
                  const output = result.fields.find((f) => f.name === outputName) ?? null;
                  onImport(result.fields.filter((f) => f !== output), output);
                }}
              >
                Use these fields
              </Button>
            </div>
          </div>
        ) : null}
      </div>
    </details>
  );
}
