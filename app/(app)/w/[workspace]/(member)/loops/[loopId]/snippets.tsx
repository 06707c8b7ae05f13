"use client";

import { useState } from "react";
import { CopyButton } from "@/components/copy-button";
import { cx } from "@/components/ui";
import { clientSnippet, LOOPS_KEY_VARIABLE, type SnippetCall, type SnippetInput, type SnippetLanguage } from "@/lib/loops/client-snippets";

const LANGUAGES: [SnippetLanguage, string][] = [
  ["curl", "curl"],
  ["python", "Python"],
  ["typescript", "TypeScript"],
];
const CALLS: { call: SnippetCall; title: string; hint: string }[] = [
  { call: "train", title: "Train", hint: "POST /train/ with labelled rows: the inputs and the output. The model learns from each one." },
  { call: "predict", title: "Predict", hint: "POST /predict/ with the inputs: the answer and what drove it. Never changes the model." },
];

/** Ready-to-paste client code for /train/ and /predict/ with this app's URL, the loop id and the user name filled in. */
export function Snippets(props: SnippetInput) {
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
        <p className="text-xs text-slate-500">
          The key goes in <code className="rounded bg-slate-100 px-1 font-mono">{LOOPS_KEY_VARIABLE}</code>: export it from Generate API Key or the API keys page.
        </p>
      </div>
      {CALLS.map(({ call, title, hint }) => {
        const code = clientSnippet(language, call, props);
        return (
          <div key={call} data-testid={`snippet-${call}`}>
            <div className="mb-1.5 flex items-end justify-between gap-3">
              <div className="min-w-0">
                <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
                <p className="text-xs text-slate-500">{hint}</p>
              </div>
              <CopyButton text={code} label={`Copy ${title.toLowerCase()} code`} className="shrink-0" />
            </div>
            <pre className="max-h-96 max-w-full overflow-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-xs leading-relaxed text-slate-100">{code}</pre>
          </div>
        );
      })}
    </div>
  );
}
