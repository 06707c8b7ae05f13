"use client";

import dynamic from "next/dynamic";
import { cx } from "@/components/ui";
import Link from "@/components/workspace-link";

export type DocsFamily = "all" | "loops" | "models" | "tasks";

const FAMILIES: [DocsFamily, string][] = [
  ["all", "All"],
  ["loops", "Loops"],
  ["models", "Models"],
  ["tasks", "Tasks"],
];

// The reference viewer is large (Vue inside): loaded on this page only, in the browser only.
const ScalarReference = dynamic(() => import("./scalar-reference"), {
  ssr: false,
  loading: () => (
    <p role="status" className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-500">
      Loading the reference…
    </p>
  ),
});

/** The family tabs (links, so a family has its own URL) and the reference of the one chosen. */
export function ApiReference({ family }: { family: DocsFamily }) {
  return (
    <div className="min-w-0 space-y-4">
      <nav aria-label="API family" className="flex flex-wrap gap-1">
        {FAMILIES.map(([value, label]) => (
          <Link
            key={value}
            href={value === "all" ? "/docs" : `/docs?family=${value}`}
            aria-current={family === value ? "page" : undefined}
            className={cx("min-h-9 rounded-md px-3 py-2 text-sm font-medium", family === value ? "bg-indigo-600 text-white" : "text-slate-600 hover:bg-slate-100")}
          >
            {label}
          </Link>
        ))}
      </nav>
      <div data-testid="api-reference" className="min-w-0 overflow-clip rounded-lg border border-slate-200 bg-white shadow-sm">
        <ScalarReference key={family} url={family === "all" ? "/openapi.json" : `/openapi.json?family=${family}`} />
      </div>
    </div>
  );
}
