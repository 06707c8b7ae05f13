"use client";

import { Input, Select } from "@/components/ui";
import { EMPTY_FEATURE, FEATURE_TYPES, type FeatureRow } from "@/lib/models/metadata-rows";
import { RowField, RowList, type Keyed } from "./metadata-row-list";

/** The model's columns in order: name, continuous or categorical, input or target, units. */
export function FeatureEditor({ rows, onChange }: { rows: Keyed<FeatureRow>[]; onChange: (rows: Keyed<FeatureRow>[]) => void }) {
  return (
    <RowList
      label="feature"
      rows={rows}
      onChange={onChange}
      empty={EMPTY_FEATURE}
      renderRow={(row, update, i) => (
        <div className="grid grid-cols-2 gap-2 @md:grid-cols-3 @2xl:grid-cols-[minmax(0,2fr)_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1fr)]">
          <RowField label="Name" className="col-span-2 @md:col-span-3 @2xl:col-span-1">
            <Input aria-label={`Feature ${i + 1} name`} value={row.feature_name} maxLength={1000} onChange={(e) => update({ feature_name: e.target.value })} placeholder="e.g. age" />
          </RowField>
          <RowField label="Type">
            <Select aria-label={`Feature ${i + 1} type`} value={row.type} onChange={(e) => update({ type: e.target.value as FeatureRow["type"] })}>
              {FEATURE_TYPES.map(([value, name]) => <option key={value} value={value}>{name}</option>)}
              <option value="">not set</option>
            </Select>
          </RowField>
          <RowField label="Role">
            <Select aria-label={`Feature ${i + 1} role`} value={row.kind} onChange={(e) => update({ kind: e.target.value as FeatureRow["kind"] })}>
              <option value="0">input</option>
              <option value="1">target</option>
            </Select>
          </RowField>
          <RowField label="Units" className="col-span-2 @md:col-span-1">
            <Input aria-label={`Feature ${i + 1} units`} value={row.units} maxLength={200} onChange={(e) => update({ units: e.target.value })} placeholder="optional" />
          </RowField>
        </div>
      )}
    />
  );
}
