"use client";

import { useState, type ReactNode } from "react";
import { CopyButton } from "@/components/copy-button";
import { cx } from "@/components/ui";
import type { SnippetLanguage } from "@/lib/http/api-snippets";

const LANGUAGES: [SnippetLanguage, string][] = [
  ["curl", "curl"],
  ["python", "Python"],
  ["typescript", "TypeScript"],
];

export interface CodeSnippet {
  id: string;
  title: string;
  hint?: string;
  code: Record<SnippetLanguage, string>;
}

/** Client code for one or more calls, in the language chosen above them, each with a copy button. */
export function CodeSnippets({ snippets, note }: { snippets: CodeSnippet[]; note?: ReactNode }) {
  const [language, setLanguage] = useState<SnippetLanguage>("curl");
  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex gap-1" role="tablist" aria-label="Language">
          {LANGUAGES.map(([value, label]) => (
            <button
              key={value}
              type="button"
              role="tab"
              aria-selected={language === value}
              onClick={() => setLanguage(value)}
              className={cx("min-h-8 rounded-md px-3 py-1 text-xs font-medium", language === value ? "bg-indigo-600 text-white" : "text-slate-600 hover:bg-slate-100")}
            >
              {label}
            </button>
          ))}
        </div>
        {note ? <p className="text-xs text-slate-500">{note}</p> : null}
      </div>
      {snippets.map(({ id, title, hint, code }) => (
        <div key={id} data-testid={`snippet-${id}`}>
          <div className="mb-1.5 flex items-end justify-between gap-3">
            <div className="min-w-0">
              <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
              {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
            </div>
            <CopyButton text={code[language]} label={`Copy ${title.toLowerCase()} code`} className="shrink-0" />
          </div>
          <pre className="max-h-96 max-w-full overflow-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-xs leading-relaxed text-slate-100">{code[language]}</pre>
        </div>
      ))}
    </div>
  );
}
