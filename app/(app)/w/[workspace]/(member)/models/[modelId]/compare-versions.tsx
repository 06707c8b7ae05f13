"use client";

import { useState } from "react";
import { Card, ScrollX, Select, cx } from "@/components/ui";

/** One version as the comparison needs it (plain JSON from the page). */
export interface ComparedVersion {
  version: number;
  aliases: string[];
  estimator: string | null;
  sklearnVersion: string | null;
  format: string | null;
  nFeatures: number | null;
  classes: string | null;
  featureNames: string[] | null;
  servable: string;
  size: string;
  sha256: string;
  uploaded: string;
  origin: string;
  metrics: Record<string, number> | null;
  inputs: string | null;
}

function Row({ label, a, b }: { label: string; a: string; b: string }) {
  const differs = a !== b;
  return (
    <tr className={cx(differs && "bg-amber-50/60")}>
      <th scope="row" className="whitespace-nowrap px-3 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-slate-500">{label}</th>
      <td className="break-all px-3 py-1.5 font-mono text-xs">{a}</td>
      <td className="break-all px-3 py-1.5 font-mono text-xs">{b}</td>
    </tr>
  );
}

const show = (v: unknown): string => (v === null || v === undefined || v === "" ? "—" : String(v));

/** Two versions side by side (estimator, inputs, files, training metrics); rows that differ are marked. */
export function CompareVersions({ versions }: { versions: ComparedVersion[] }) {
  const [left, setLeft] = useState(versions.at(-2)?.version ?? versions[0]!.version);
  const [right, setRight] = useState(versions.at(-1)!.version);
  const a = versions.find((v) => v.version === left) ?? versions[0]!;
  const b = versions.find((v) => v.version === right) ?? versions.at(-1)!;
  const metricNames = [...new Set([...Object.keys(a.metrics ?? {}), ...Object.keys(b.metrics ?? {})])];
  const namesA = new Set(a.featureNames ?? []);
  const namesB = new Set(b.featureNames ?? []);
  const onlyA = [...namesA].filter((n) => !namesB.has(n));
  const onlyB = [...namesB].filter((n) => !namesA.has(n));
  const picker = (value: number, set: (v: number) => void, label: string) => (
    <Select aria-label={label} value={value} onChange={(e) => set(Number(e.target.value))} className="w-32">
      {versions.map((v) => (
        <option key={v.version} value={v.version}>
          v{v.version}
          {v.aliases.length ? ` (${v.aliases.join(", ")})` : ""}
        </option>
      ))}
    </Select>
  );
  return (
    <Card className="p-4">
      <h2 className="text-sm font-semibold text-slate-900">Compare versions</h2>
      <ScrollX className="mt-3">
        <table className="w-full min-w-[28rem] text-sm" data-testid="version-comparison">
          <thead>
            <tr>
              <th />
              <th className="px-3 pb-2 text-left">{picker(left, setLeft, "First version")}</th>
              <th className="px-3 pb-2 text-left">{picker(right, setRight, "Second version")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <Row label="Estimator" a={show(a.estimator)} b={show(b.estimator)} />
            <Row label="scikit-learn" a={show(a.sklearnVersion)} b={show(b.sklearnVersion)} />
            <Row label="Servable" a={a.servable} b={b.servable} />
            <Row label="Inputs" a={show(a.nFeatures)} b={show(b.nFeatures)} />
            <Row label="Classes" a={show(a.classes)} b={show(b.classes)} />
            {onlyA.length || onlyB.length ? <Row label="Features only here" a={onlyA.join(", ") || "—"} b={onlyB.join(", ") || "—"} /> : null}
            <Row label="Origin" a={a.origin} b={b.origin} />
            <Row label="Data and code" a={show(a.inputs)} b={show(b.inputs)} />
            {metricNames.map((m) => (
              <Row key={m} label={m} a={show(a.metrics?.[m] !== undefined ? Number(a.metrics[m]!.toPrecision(6)) : null)} b={show(b.metrics?.[m] !== undefined ? Number(b.metrics[m]!.toPrecision(6)) : null)} />
            ))}
            <Row label="Format" a={show(a.format)} b={show(b.format)} />
            <Row label="Size" a={a.size} b={b.size} />
            <Row label="sha256" a={a.sha256.slice(0, 16)} b={b.sha256.slice(0, 16)} />
            <Row label="Uploaded" a={a.uploaded} b={b.uploaded} />
          </tbody>
        </table>
      </ScrollX>
    </Card>
  );
}
