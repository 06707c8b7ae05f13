"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sessionFetch } from "@/components/session-fetch";
import { Button, Card, Field, Input, Select } from "@/components/ui";
import type { RollOutcome } from "@/lib/models/deployments/rollout";

const NAMED = ["production", "candidate"];

interface AliasAnswer {
  name: string;
  version: number;
  rolls: RollOutcome[];
}

/** Points an alias (production, candidate or another name) at a version; deployments following it roll. */
export function AliasForm({ modelId, versions, aliases }: { modelId: string; versions: number[]; aliases: { name: string; version: number }[] }) {
  const router = useRouter();
  const current = new Map(aliases.map((a) => [a.name, a.version]));
  const [choice, setChoice] = useState("production");
  const [custom, setCustom] = useState("");
  const [version, setVersion] = useState(String(current.get("production") ?? versions.at(-1) ?? ""));
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [answer, setAnswer] = useState<AliasAnswer | null>(null);
  const name = choice === "custom" ? custom.trim() : choice;
  const others = aliases.filter((a) => !NAMED.includes(a.name)).map((a) => a.name);

  function pick(next: string) {
    setChoice(next);
    setAnswer(null);
    const at = current.get(next);
    if (at !== undefined) setVersion(String(at));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    try {
      const moved = await sessionFetch<AliasAnswer>(`/api/models/${modelId}/aliases/${encodeURIComponent(name)}`, { method: "PUT", json: { version: Number(version) } });
      setAnswer(moved);
      router.refresh();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <Card className="p-5">
      <form className="space-y-4" onSubmit={(e) => void submit(e)} data-testid="alias-form">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Aliases</h2>
          <p className="mt-1 text-xs text-slate-500">Deployments that follow an alias switch to its new version once it loads and predicts a sample row.</p>
        </div>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Alias">
            <Select value={choice} onChange={(e) => pick(e.target.value)}>
              {[...NAMED, ...others].map((a) => (
                <option key={a} value={a}>
                  {a}
                  {current.has(a) ? ` (now v${current.get(a)})` : ""}
                </option>
              ))}
              <option value="custom">another name…</option>
            </Select>
          </Field>
          <Field label="Version">
            <Select value={version} onChange={(e) => setVersion(e.target.value)}>
              {versions.map((v) => (
                <option key={v} value={v}>
                  v{v}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {choice === "custom" ? (
          <Field label="Alias name" hint="Starts with a letter; letters, digits, _ . - (up to 63).">
            <Input value={custom} onChange={(e) => setCustom(e.target.value)} maxLength={63} placeholder="staging" />
          </Field>
        ) : null}
        {problem ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
            {problem}
          </p>
        ) : null}
        {answer ? (
          <div role="status" className="space-y-1 text-sm">
            <p className="text-emerald-700">
              {answer.name} → v{answer.version}.
            </p>
            {answer.rolls.map((r) => (
              <p key={r.deploymentId} className={r.ok ? "text-slate-700" : "text-amber-800"}>
                {r.ok ? `Rolled ${r.deploymentId} to v${r.to}.` : `${r.deploymentId} keeps v${r.from}: ${r.reason}`}
              </p>
            ))}
          </div>
        ) : null}
        <Button type="submit" disabled={pending || !name || !version}>
          {pending ? "Setting…" : "Set alias"}
        </Button>
      </form>
    </Card>
  );
}
