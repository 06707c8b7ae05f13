import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { renderTemplates } from "./go-template";

/** The chart of docs/deploy/helm/crucible, rendered here the way `helm template` would (go-template.ts). */
export const CHART_DIR = path.join(process.cwd(), "docs", "deploy", "helm", "crucible");

export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; annotations?: Record<string, string>; labels?: Record<string, string> }; [key: string]: unknown };

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Helm's merge of `--set`/`-f` values over the chart's: maps deep, everything else replaced. */
export function mergeValues(base: Plain, over: Plain): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = isPlain(value) && isPlain(out[key]) ? mergeValues(out[key], value) : value;
  return out;
}

export function chartValues(): Plain {
  return parse(readFileSync(path.join(CHART_DIR, "values.yaml"), "utf8")) as Plain;
}

/** Every rendered object, file by file, for a release called `release` in `namespace` with `values` over the chart's. */
export function renderChart(values: Plain = {}, release = "crucible", namespace = "default"): Manifest[] {
  const chart = parse(readFileSync(path.join(CHART_DIR, "Chart.yaml"), "utf8")) as { name: string; version: string; appVersion: string };
  const dir = path.join(CHART_DIR, "templates");
  const templates = Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), "utf8")]));
  const data = {
    Values: mergeValues(chartValues(), values),
    Release: { Name: release, Namespace: namespace, Service: "Helm" },
    Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion },
  };
  const manifests: Manifest[] = [];
  for (const [name, text] of Object.entries(renderTemplates(templates, data))) {
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length) throw new Error(`${name}: ${doc.errors[0]!.message}\n${text}`);
      const value = doc.toJS() as unknown;
      if (value !== null && value !== undefined) manifests.push(value as Manifest);
    }
  }
  return manifests;
}
