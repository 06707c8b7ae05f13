"use client";

import { useId } from "react";
import { Input, Select } from "@/components/ui";
import { COMMON_METRICS, EMPTY_THRESHOLD, type ThresholdRow } from "@/lib/models/metadata-rows";
import { RowField, RowList, type Keyed } from "./metadata-row-list";

/** Performance thresholds a retrained version must reach to be promoted: metric, direction, value. */
export function ThresholdEditor({ rows, onChange }: { rows: Keyed<ThresholdRow>[]; onChange: (rows: Keyed<ThresholdRow>[]) => void }) {
  const metrics = useId();
  return (
    <>
      <datalist id={metrics}>
        {COMMON_METRICS.map((m) => <option key={m} value={m} />)}
      </datalist>
      <RowList
        label="threshold"
        rows={rows}
        onChange={onChange}
        empty={EMPTY_THRESHOLD}
        max={100}
        renderRow={(row, update, i) => (
          <div className="grid grid-cols-2 gap-2 @2xl:grid-cols-[minmax(0,1.5fr)_minmax(0,1.3fr)_minmax(0,1fr)]">
            <RowField label="Metric" className="col-span-2 @2xl:col-span-1">
              <Input aria-label={`Threshold ${i + 1} metric`} list={metrics} value={row.metric} maxLength={200} onChange={(e) => update({ metric: e.target.value })} placeholder="e.g. r2" />
            </RowField>
            <RowField label="Better when">
              <Select aria-label={`Threshold ${i + 1} order`} value={row.order} onChange={(e) => update({ order: e.target.value as ThresholdRow["order"] })}>
                <option value="higher">higher</option>
                <option value="lower">lower</option>
                <option value="">not set</option>
              </Select>
            </RowField>
            <RowField label="Threshold">
              <Input aria-label={`Threshold ${i + 1} value`} inputMode="decimal" value={row.threshold} maxLength={200} onChange={(e) => update({ threshold: e.target.value })} placeholder="e.g. 0.8" />
            </RowField>
          </div>
        )}
      />
      <p className="text-xs text-slate-500">Matched by name with metrics.json of a training run. Without a direction and a threshold, an entry promotes nothing.</p>
    </>
  );
}
