"use client";

import { Input, Select } from "@/components/ui";
import { EMPTY_HYPERPARAMETER, type HyperparameterRow, type HyperparameterValueType } from "@/lib/models/metadata-rows";
import { RowField, RowList, type Keyed } from "./metadata-row-list";

/** Name and typed value of each hyperparameter the model was trained with. */
export function HyperparameterEditor({ rows, onChange }: { rows: Keyed<HyperparameterRow>[]; onChange: (rows: Keyed<HyperparameterRow>[]) => void }) {
  return (
    <RowList
      label="hyperparameter"
      rows={rows}
      onChange={onChange}
      empty={EMPTY_HYPERPARAMETER}
      renderRow={(row, update, i) => (
        <div className="grid grid-cols-2 gap-2 @2xl:grid-cols-[minmax(0,1.5fr)_minmax(0,1fr)_minmax(0,1.5fr)]">
          <RowField label="Parameter" className="col-span-2 @2xl:col-span-1">
            <Input aria-label={`Hyperparameter ${i + 1} name`} value={row.parameter} maxLength={200} onChange={(e) => update({ parameter: e.target.value })} placeholder="e.g. alpha" />
          </RowField>
          <RowField label="Type">
            <Select
              aria-label={`Hyperparameter ${i + 1} type`}
              value={row.valueType}
              onChange={(e) => {
                const valueType = e.target.value as HyperparameterValueType;
                update({ valueType, value: valueType === "boolean" ? (row.value === "true" ? "true" : "false") : valueType === "null" ? "" : row.value });
              }}
            >
              <option value="number">number</option>
              <option value="string">text</option>
              <option value="boolean">true/false</option>
              <option value="null">none</option>
            </Select>
          </RowField>
          <RowField label="Value">
            {row.valueType === "boolean" ? (
              <Select aria-label={`Hyperparameter ${i + 1} value`} value={row.value} onChange={(e) => update({ value: e.target.value })}>
                <option value="true">true</option>
                <option value="false">false</option>
              </Select>
            ) : (
              <Input
                aria-label={`Hyperparameter ${i + 1} value`}
                value={row.value}
                disabled={row.valueType === "null"}
                inputMode={row.valueType === "number" ? "decimal" : undefined}
                maxLength={10_000}
                onChange={(e) => update({ value: e.target.value })}
                placeholder={row.valueType === "null" ? "null" : row.valueType === "number" ? "e.g. 0.5" : ""}
              />
            )}
          </RowField>
        </div>
      )}
    />
  );
}
