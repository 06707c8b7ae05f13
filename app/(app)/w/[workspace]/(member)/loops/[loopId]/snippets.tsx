"use client";

import { useState } from "react";
import { Code, cx } from "@/components/ui";

/** Ready-to-paste client code with this app's URL, the loop id and the user name filled in. */
export function Snippets({ baseUrl, loopId, username, example, outputName }: { baseUrl: string; loopId: string; username: string; example: Record<string, unknown>; outputName: string }) {
  const [tab, setTab] = useState<"curl" | "python" | "typescript">("curl");
  const body = JSON.stringify({ data: example });
  const snippets = {
    curl: `curl -X POST ${baseUrl}/predict/ \\
  -H "X-api-key: $LOOP_API_KEY" \\
  -H "X-username: ${username}" \\
  -H "x-loop-id: ${loopId}" \\
  -H "Content-Type: application/json" \\
  -d '${body}'`,
    python: `import os, requests

headers = {
    "X-api-key": os.environ["LOOP_API_KEY"],
    "X-username": "${username}",
    "x-loop-id": "${loopId}",
}
res = requests.post("${baseUrl}/predict/", headers=headers, json=${body})
prediction = res.json()["predictions"][0]
print(prediction["${outputName}"], prediction["explanation"]["top_contributors"])`,
    typescript: `const res = await fetch("${baseUrl}/predict/", {
  method: "POST",
  headers: {
    "X-api-key": process.env.LOOP_API_KEY!,
    "X-username": "${username}",
    "x-loop-id": "${loopId}",
    "Content-Type": "application/json",
  },
  body: JSON.stringify(${body}),
});
const { predictions } = await res.json();
console.log(predictions[0]["${outputName}"], predictions[0].explanation.top_contributors);`,
  };
  return (
    <div>
      <div className="mb-2 flex gap-1" role="tablist">
        {(["curl", "python", "typescript"] as const).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} onClick={() => setTab(t)} className={cx("rounded-md px-3 py-1 text-xs font-medium", tab === t ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100")}>
            {t === "curl" ? "curl" : t === "python" ? "Python" : "TypeScript"}
          </button>
        ))}
      </div>
      <Code>{snippets[tab]}</Code>
    </div>
  );
}
