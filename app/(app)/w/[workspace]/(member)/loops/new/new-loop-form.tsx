"use client";

import { useWorkspaceRouter } from "@/components/workspace-link";
import { useMemo, useState } from "react";
import { Button, Card, Code, Input, Select, cx } from "@/components/ui";
import { parseDefinition } from "@/lib/loops/definition";
import { FIELD_TYPES, type FieldType, type TaskType } from "@/lib/loops/types";
import { createLoopAction } from "../actions";
import { SchemaImportPanel } from "./schema-import-panel";
import { plainProblem } from "@/lib/plain-problem";

interface FieldRow {
  key: number;
  name: string;
  type: FieldType;
}

const OUTPUT_TYPES: Record<TaskType, FieldType[]> = { classification: ["string", "integer", "boolean"], regression: ["float", "integer"] };

export function NewLoopForm() {
  const router = useWorkspaceRouter();
  const [name, setName] = useState("");
  const [taskType, setTaskType] = useState<TaskType>("classification");
  const [fields, setFields] = useState<FieldRow[]>([{ key: 1, name: "", type: "string" }]);
  const [output, setOutput] = useState<{ name: string; type: FieldType }>({ name: "", type: "string" });
  const [touched, setTouched] = useState(false);
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const [pending, setPending] = useState(false);

  const body = useMemo(
    () => ({
      name,
      task_type: taskType,
      input_schema: Object.fromEntries(fields.map((f) => [f.name.trim(), f.type])),
      output_schema: { [output.name.trim()]: output.type },
    }),
    [name, taskType, fields, output],
  );
  // The API's own validation, run as you type.
  const check = parseDefinition(body);
  const duplicate = new Set(fields.map((f) => f.name.trim())).size !== fields.length ? ["input_schema: two fields have the same name"] : [];
  const problems = [...(check.ok ? [] : check.problems), ...duplicate];

  async function submit(defineLater: boolean) {
    setTouched(true);
    if (!defineLater && problems.length) return;
    setPending(true);
    const result = await createLoopAction(body, defineLater);
    setPending(false);
    if (result.ok) router.push(`/loops/${result.loopId}`);
    else setServerProblems(result.problems);
  }

  const shown = touched ? [...problems, ...serverProblems].map(plainProblem) : [];
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Card className="space-y-6 p-6">
        <div className="space-y-1.5">
          <label htmlFor="loop-name" className="block text-sm font-medium text-slate-700">Name</label>
          <Input id="loop-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Customer recommendation" />
        </div>

        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Task</legend>
          <div className="mt-2 grid grid-cols-2 gap-2">
            {(["classification", "regression"] as const).map((t) => (
              <label key={t} className={cx("cursor-pointer rounded-md border px-3 py-2 text-sm", taskType === t ? "border-indigo-500 bg-indigo-50" : "border-slate-300")}>
                <input
                  type="radio"
                  className="sr-only"
                  name="task_type"
                  checked={taskType === t}
                  onChange={() => {
                    setTaskType(t);
                    setOutput((o) => ({ ...o, type: OUTPUT_TYPES[t][0]! }));
                  }}
                />
                <span className="font-medium">{t}</span>
                <span className="block text-xs text-slate-500">{t === "classification" ? "Predict a label (string, integer or boolean)" : "Predict a number"}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <SchemaImportPanel
          onImport={(inputs, imported) => {
            setFields(inputs.map((f, i) => ({ key: Date.now() + i, name: f.name, type: f.type })));
            if (imported) {
              // A float target means regression; anything else is a label to classify.
              const task: TaskType = imported.type === "float" ? "regression" : "classification";
              setTaskType(task);
              setOutput({ name: imported.name, type: OUTPUT_TYPES[task].includes(imported.type) ? imported.type : OUTPUT_TYPES[task][0]! });
            }
          }}
        />

        <div>
          <div className="flex items-center justify-between">
            <span className="text-sm font-medium text-slate-700">Input fields</span>
            <Button type="button" variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setFields((f) => [...f, { key: Date.now(), name: "", type: "float" }])}>
              Add field
            </Button>
          </div>
          <div className="mt-2 space-y-2">
            {fields.map((field, i) => (
              <div key={field.key} className="flex gap-2">
                <Input
                  aria-label={`Input field ${i + 1} name`}
                  value={field.name}
                  placeholder="field name"
                  onChange={(e) => setFields((all) => all.map((f) => (f.key === field.key ? { ...f, name: e.target.value } : f)))}
                />
                <Select
                  aria-label={`Input field ${i + 1} type`}
                  className="w-36"
                  value={field.type}
                  onChange={(e) => setFields((all) => all.map((f) => (f.key === field.key ? { ...f, type: e.target.value as FieldType } : f)))}
                >
                  {FIELD_TYPES.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </Select>
                <Button type="button" variant="secondary" aria-label={`Remove input field ${i + 1}`} onClick={() => setFields((all) => all.filter((f) => f.key !== field.key))}>
                  ×
                </Button>
              </div>
            ))}
          </div>
        </div>

        <div>
          <span className="text-sm font-medium text-slate-700">Output field</span>
          <div className="mt-2 flex gap-2">
            <Input aria-label="Output field name" value={output.name} placeholder="what to predict" onChange={(e) => setOutput((o) => ({ ...o, name: e.target.value }))} />
            <Select aria-label="Output field type" className="w-36" value={output.type} onChange={(e) => setOutput((o) => ({ ...o, type: e.target.value as FieldType }))}>
              {OUTPUT_TYPES[taskType].map((t) => (
                <option key={t}>{t}</option>
              ))}
            </Select>
          </div>
        </div>

        {shown.length ? (
          <ul role="alert" className="list-disc space-y-1 rounded-md bg-red-50 py-2 pl-8 pr-3 text-sm text-red-700">
            {shown.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}

        <div className="flex flex-wrap gap-3">
          <Button type="button" disabled={pending} onClick={() => void submit(false)}>{pending ? "Creating…" : "Create loop"}</Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => void submit(true)} title="Create the loop by name now and send its definition through POST /definitions/ with x-loop-id">
            Create, define through the API
          </Button>
        </div>
      </Card>
      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-700">The same definition through the API</p>
        <Code>{`POST /definitions/\n${JSON.stringify(body, null, 2)}`}</Code>
      </div>
    </div>
  );
}
