"use client";

import { useWorkspaceRouter } from "@/components/workspace-link";
import { useState, type FormEvent } from "react";
import { Button, Card } from "@/components/ui";
import { registerModelAction } from "../actions";
import { ModelFields, Problems, tagsOf, type ModelFieldValues } from "../model-fields";

export function RegisterModelForm() {
  const router = useWorkspaceRouter();
  const [values, setValues] = useState<ModelFieldValues>({ modelname: "", modelkind: "", tags: "" });
  const [problems, setProblems] = useState<string[]>([]);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await registerModelAction({ modelname: values.modelname, modelkind: values.modelkind, modeltags: tagsOf(values.tags) });
    if (result.ok) {
      router.push(`/models/${result.modelId}`);
      return;
    }
    setPending(false);
    setProblems(result.problems);
  }

  return (
    <Card className="max-w-xl p-6">
      <form className="space-y-5" onSubmit={(e) => void submit(e)}>
        <ModelFields values={values} onChange={setValues} />
        <Problems problems={problems} />
        <Button type="submit" disabled={pending}>{pending ? "Registering…" : "Register model"}</Button>
      </form>
    </Card>
  );
}
