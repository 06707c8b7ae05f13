"use client";

import { useState, type FormEvent } from "react";
import { Button, Card, Code, Field, Input, Select } from "@/components/ui";
import { createKeyAction, type CreateKeyState } from "./actions";

type Scope = "loops" | "models" | "tasks";

const HEADER_HINT: Record<Scope, string> = {
  loops: "X-api-key + X-username (+ x-loop-id)",
  models: "X-api-key or Authorization: Bearer",
  tasks: "X-Heat-API-Key or HTTP Basic (key as user name)",
};

export function CreateKeyForm({ defaultScope, defaultLoopId }: { defaultScope?: string; defaultLoopId?: string }) {
  const [scope, setScope] = useState<Scope>(defaultScope === "models" || defaultScope === "tasks" ? defaultScope : "loops");
  const [result, setResult] = useState<CreateKeyState | null>(null);
  const [pending, setPending] = useState(false);
  const [copied, setCopied] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    setPending(true);
    setCopied(false);
    try {
      const created = await createKeyAction({
        name: String(form.get("name") ?? ""),
        scope,
        mode: form.get("mode") === "test" ? "test" : "live",
        loopId: String(form.get("loopId") ?? "").trim() || undefined,
        role: (form.get("role") as "admin" | "member" | "viewer" | null) ?? "member",
        expiresInDays: Number(form.get("expires")) || undefined,
      });
      setResult(created);
      if (created.ok) element.reset();
    } catch {
      setResult({ ok: false, errors: { form: "The key could not be created; try again." } });
    } finally {
      setPending(false);
    }
  }

  const errors = result && !result.ok ? result.errors : {};
  return (
    <Card className="mb-6 p-6">
      <h2 className="text-base font-semibold">Generate a key</h2>
      <form onSubmit={onSubmit} noValidate className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-3 md:items-start">
        <Field label="Name" error={errors.name}>
          <Input name="name" placeholder="e.g. production backend" />
        </Field>
        <Field label="Scope" error={errors.scope} hint={HEADER_HINT[scope]}>
          <Select name="scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            <option value="loops">loops</option>
            <option value="models">models</option>
            <option value="tasks">tasks</option>
          </Select>
        </Field>
        {scope === "tasks" ? (
          <Field label="Mode" error={errors.mode} hint="Test keys run in staging, answered by a simulated cruncher.">
            <Select name="mode" defaultValue="live">
              <option value="live">live</option>
              <option value="test">test (test_…)</option>
            </Select>
          </Field>
        ) : scope === "loops" ? (
          <Field label="Bound to loop (optional)" error={errors.loopId} hint="Leave empty for all loops.">
            <Input name="loopId" defaultValue={defaultLoopId} placeholder="loop id" />
          </Field>
        ) : (
          <div />
        )}
        <Field label="Can" error={errors.role} hint="Never more than your own role in the workspace.">
          <Select name="role" defaultValue="member">
            <option value="member">read and write (member)</option>
            <option value="viewer">only read (viewer)</option>
            <option value="admin">administer (admin)</option>
          </Select>
        </Field>
        <Field label="Expires" error={errors.expiresInDays}>
          <Select name="expires" defaultValue="">
            <option value="">never</option>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
          </Select>
        </Field>
        <Button type="submit" disabled={pending} className="md:mt-6">{pending ? "Generating…" : "Generate key"}</Button>
      </form>
      {errors.form ? <p role="alert" className="mt-3 text-sm text-red-600">{errors.form}</p> : null}
      {result?.ok ? (
        <div className="mt-5 rounded-md border border-amber-300 bg-amber-50 p-4" data-testid="new-key">
          <p className="text-sm font-medium text-amber-900">Copy this key now. It will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code className="flex-1 overflow-x-auto rounded bg-white px-3 py-2 font-mono text-sm" data-testid="new-key-secret">{result.secret}</code>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(result.secret).then(() => setCopied(true));
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <div className="mt-3">
            <Code>{`curl ${typeof window === "undefined" ? "" : window.location.origin}/healthz/${scope} -H "${scope === "tasks" ? "X-Heat-API-Key" : "X-api-key"}: ${result.secret}"${scope === "loops" ? ' -H "X-username: <your username>"' : ""}`}</Code>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
