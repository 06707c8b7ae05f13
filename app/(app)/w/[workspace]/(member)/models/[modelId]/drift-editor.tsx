"use client";

import { Select } from "@/components/ui";
import { DRIFT_METHODS, EMPTY_DRIFT, type DriftRow } from "@/lib/models/metadata-rows";
import { RowField, RowList, type Keyed } from "./metadata-row-list";

/** Drift detection settings: whether checks run, and the test each uses (with what it catches). */
export function DriftEditor({ rows, onChange }: { rows: Keyed<DriftRow>[]; onChange: (rows: Keyed<DriftRow>[]) => void }) {
  return (
    <RowList
      label="drift setting"
      rows={rows}
      onChange={onChange}
      empty={EMPTY_DRIFT}
      max={10}
      renderRow={(row, update, i) => {
        const method = DRIFT_METHODS.find(([value]) => value === row.method);
        return (
          <div className="space-y-2">
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" aria-label={`Drift setting ${i + 1} on`} checked={row.on} onChange={(e) => update({ on: e.target.checked })} className="h-4 w-4 rounded border-slate-300" />
              Detect drift <span className="text-xs text-slate-500">(is_true: deployments compare recent inputs with the training data)</span>
            </label>
            <RowField label="Method">
              <Select aria-label={`Drift setting ${i + 1} method`} value={row.method} onChange={(e) => update({ method: e.target.value as DriftRow["method"] })}>
                {DRIFT_METHODS.map(([value, name]) => <option key={value} value={value}>{name}</option>)}
              </Select>
            </RowField>
            {method ? <p className="text-xs text-slate-500">{method[2]}</p> : null}
          </div>
        );
      }}
    />
  );
}
