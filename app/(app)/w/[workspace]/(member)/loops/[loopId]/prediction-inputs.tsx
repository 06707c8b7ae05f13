import { Breakable } from "@/components/breakable";

const FIRST = 6;

const show = (value: unknown) => (value === undefined ? "missing" : typeof value === "string" ? value : JSON.stringify(value));

function Rows({ fields, input }: { fields: string[]; input: Record<string, unknown> }) {
  return (
    <>
      {fields.map((field) => (
        <div key={field} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-2 py-0.5">
          <dt className="break-words text-slate-500"><Breakable text={field} /></dt>
          <dd className={input[field] === undefined ? "text-slate-400" : "break-words font-mono text-slate-800"}>{show(input[field])}</dd>
        </div>
      ))}
    </>
  );
}

/** A prediction's inputs as name and value, in the schema's order; past the first few, behind "All inputs". */
export function PredictionInputs({ fields, input }: { fields: string[]; input: Record<string, unknown> }) {
  const extra = Object.keys(input).filter((k) => !fields.includes(k));
  const ordered = [...fields, ...extra];
  return (
    <div className="text-xs" data-testid="prediction-inputs">
      <dl>
        <Rows fields={ordered.slice(0, FIRST)} input={input} />
      </dl>
      {ordered.length > FIRST ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-indigo-700 hover:underline">All {ordered.length} inputs</summary>
          <dl className="mt-1">
            <Rows fields={ordered.slice(FIRST)} input={input} />
          </dl>
        </details>
      ) : null}
    </div>
  );
}
