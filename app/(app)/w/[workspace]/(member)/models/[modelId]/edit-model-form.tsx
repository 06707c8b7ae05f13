"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Card } from "@/components/ui";
import { updateModelAction } from "../actions";
import { ModelFields, Problems, tagsOf, type ModelFieldValues } from "../model-fields";

/** Name, kind and tags of the model, saved through the same validation as PATCH /model/{id}. */
export function EditModelForm({ modelId, initial }: { modelId: string; initial: ModelFieldValues }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState("saving");
    const result = await updateModelAction(modelId, { modelname: values.modelname, modelkind: values.modelkind, modeltags: tagsOf(values.tags) });
    setProblems(result.ok ? [] : result.problems);
    setState(result.ok ? "saved" : "idle");
    if (result.ok) router.refresh();
  }

  return (
    <Card className="p-5">
      <form className="space-y-4" onSubmit={(e) => void submit(e)}>
        <h2 className="text-sm font-semibold text-slate-900">Name, kind and tags</h2>
        <ModelFields values={values} onChange={(v) => { setValues(v); setState("idle"); }} />
        <Problems problems={problems} />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={state === "saving"}>{state === "saving" ? "Saving…" : "Save"}</Button>
          {state === "saved" ? <span role="status" className="text-sm text-emerald-700">Saved.</span> : null}
        </div>
      </form>
    </Card>
  );
}
