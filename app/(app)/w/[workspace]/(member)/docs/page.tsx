import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { DOCUMENTED_FAMILIES } from "@/lib/http/openapi";
import { ApiReference, type DocsFamily } from "./api-reference";

export const metadata: Metadata = { title: "API reference" };

const FAMILIES: readonly string[] = DOCUMENTED_FAMILIES.filter((f) => f !== "platform");

/** The OpenAPI description (/openapi.json) as a browsable reference, one family at a time or all. */
export default async function DocsPage({ searchParams }: { searchParams: Promise<{ family?: string }> }) {
  const { family } = await searchParams;
  const selected = (family && FAMILIES.includes(family) ? family : "all") as DocsFamily;
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Every route of the loops, models and tasks APIs: what it takes, what it answers and how it refuses, from{" "}
            <a href="/openapi.json" className="font-medium text-indigo-700 hover:underline">
              /openapi.json
            </a>
            . TypeScript programs can use the typed client in <code className="rounded bg-slate-100 px-1">lib/client</code> (<code className="rounded bg-slate-100 px-1">@crucible/client</code>).
          </>
        }
      />
      <ApiReference family={selected} />
    </>
  );
}
