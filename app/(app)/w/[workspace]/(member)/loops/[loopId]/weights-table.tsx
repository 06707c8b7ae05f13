import type { LoopDashboard } from "@/lib/loops/dashboard";
import { Breakable } from "@/components/breakable";

const SHOWN = 50;

/** What a column adds to its feature's name: "= basic" for a category, ".len" for a list's length; nothing when it is the feature itself. */
function columnPart(feature: string, column: string): string | null {
  if (column === feature) return null;
  const rest = column.startsWith(feature) ? column.slice(feature.length) : column;
  return rest.startsWith("=") ? `= ${rest.slice(1)}` : rest;
}

/** The model's weights, largest first: one line each, the feature's name wrapping rather than widening the page. */
export function WeightsTable({ weights }: { weights: LoopDashboard["weights"] }) {
  const perClass = weights.some((w) => w.class !== undefined);
  const toward = weights.find((w) => w.toward !== undefined)?.toward;
  return (
    <>
      <table className="w-full table-fixed text-sm" data-testid="weights-table">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-2 pr-3">Feature</th>
            {perClass ? <th className="w-20 py-2 pr-3 sm:w-32">Class</th> : null}
            <th className="w-20 py-2 text-right sm:w-28" title={toward !== undefined ? `Log-odds toward ${toward}` : undefined}>
              {toward !== undefined ? <>Weight <span className="normal-case">→ {toward}</span></> : "Weight"}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {weights.slice(0, SHOWN).map((w, i) => {
            const part = columnPart(w.feature, w.column);
            return (
              <tr key={i}>
                <td className="break-words py-1.5 pr-3 align-top" title={w.column}>
                  <span className="font-medium"><Breakable text={w.feature} /></span>
                  {part ? <span className="ml-1 font-mono text-xs text-slate-600">{part}</span> : null}
                </td>
                {perClass ? <td className="break-words py-1.5 pr-3 align-top">{w.class}</td> : null}
                <td className="py-1.5 text-right align-top tabular-nums">{w.weight.toFixed(4)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {weights.length > SHOWN ? <p className="mt-3 text-xs text-slate-500">The largest {SHOWN} of {weights.length} weights.</p> : null}
    </>
  );
}
