import type { ReactNode } from "react";
import { Card, Code } from "./ui";

/** What a page will hold and how to get there, shown until it holds something. */
export function EmptyState({ title, description, steps, example, action }: { title: string; description: ReactNode; steps?: ReactNode[]; example?: string; action?: ReactNode }) {
  return (
    <Card className="px-4 py-8 sm:px-8 sm:py-10">
      <div className="mx-auto max-w-2xl">
        <div className="mx-auto mb-4 flex h-12 w-12 items-center justify-center rounded-full bg-indigo-50 text-indigo-600" aria-hidden>
          <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="1.8">
            <path d="M12 5v14M5 12h14" strokeLinecap="round" />
          </svg>
        </div>
        <h2 className="text-center text-lg font-semibold text-slate-900">{title}</h2>
        <p className="mt-2 text-center text-sm text-slate-600">{description}</p>
        {steps?.length ? (
          <ol className="mt-6 space-y-2 text-sm text-slate-700">
            {steps.map((step, i) => (
              <li key={i} className="flex gap-3">
                <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">{i + 1}</span>
                <span className="min-w-0 break-words pt-0.5">{step}</span>
              </li>
            ))}
          </ol>
        ) : null}
        {example ? <div className="mt-6"><Code>{example}</Code></div> : null}
        {action ? <div className="mt-6 flex justify-center">{action}</div> : null}
      </div>
    </Card>
  );
}
