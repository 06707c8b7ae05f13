import type { ReactNode } from "react";
import { Card, ScrollX } from "@/components/ui";

// Read-only views of the model's metadata lists (stored as validated by the models schemas).

const DRIFT_METHODS = ["mean shift", "MMD", "Kolmogorov–Smirnov"];

function text(value: unknown): string {
  return value === null || value === undefined ? "—" : String(value);
}

function Section({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  return (
    <Card className="overflow-hidden">
      <h2 className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm font-semibold text-slate-900">{title}</h2>
      {empty ? <p className="px-4 py-3 text-sm text-slate-500">None recorded.</p> : children}
    </Card>
  );
}

function Table({ head, rows }: { head: string[]; rows: ReactNode[][] }) {
  return (
    <ScrollX>
      <table className="min-w-full divide-y divide-slate-100 text-sm">
        <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>{head.map((h) => <th key={h} className="px-4 py-2">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((cells, i) => (
            <tr key={i}>{cells.map((c, j) => <td key={j} className="px-4 py-2">{c}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}

type Item = Record<string, unknown>;
const items = (list: unknown[]): Item[] => list.filter((x): x is Item => typeof x === "object" && x !== null);

export function FeatureList({ features }: { features: unknown[] }) {
  const rows = items(features);
  return (
    <Section title="Features" empty={!rows.length}>
      <Table head={["Name", "Type", "Role", "Units"]} rows={rows.map((f) => [<span key="n" className="font-mono text-xs">{text(f.feature_name)}</span>, f.type === "cat" ? "categorical" : "continuous", f.kind === 1 ? "target" : "input", text(f.units)])} />
    </Section>
  );
}

export function Hyperparameters({ parameters }: { parameters: unknown[] }) {
  const rows = items(parameters);
  return (
    <Section title="Hyperparameters" empty={!rows.length}>
      <Table head={["Parameter", "Value"]} rows={rows.map((p) => [<span key="p" className="font-mono text-xs">{text(p.parameter)}</span>, <span key="v" className="font-mono text-xs">{JSON.stringify(p.value)}</span>])} />
    </Section>
  );
}

export function PerformanceThresholds({ thresholds }: { thresholds: unknown[] }) {
  const rows = items(thresholds).sort((a, b) => Number(a.order) - Number(b.order));
  return (
    <Section title="Performance thresholds" empty={!rows.length}>
      <Table head={["Order", "Metric", "Threshold"]} rows={rows.map((p) => [text(p.order), text(p.metric), text(p.threshold)])} />
    </Section>
  );
}

export function DriftDetection({ settings }: { settings: unknown[] }) {
  const rows = items(settings);
  return (
    <Section title="Drift detection" empty={!rows.length}>
      <Table head={["Enabled", "Method"]} rows={rows.map((d) => [d.is_true === 1 ? "yes" : "no", DRIFT_METHODS[Number(d.method)] ?? text(d.method)])} />
    </Section>
  );
}
