"use client";

import { useActionState } from "react";
import { Button, Input } from "@/components/ui";
import type { GoldSettings } from "@/lib/tasks/gold-store";
import { saveGoldSettingsAction, type GoldSettingsState } from "./actions";

/** The workspace's gold rate and rule; read-only for those who cannot manage the workspace. */
export function GoldSettingsForm({ settings, canManage }: { settings: GoldSettings; canManage: boolean }) {
  const [state, action, pending] = useActionState<GoldSettingsState, FormData>(saveGoldSettingsAction, null);
  return (
    <form action={action} className="grid max-w-2xl gap-4 sm:grid-cols-3" data-testid="gold-settings">
      <label className="text-sm text-slate-700">
        Gold share of each cruncher&apos;s tasks (%)
        <Input name="rate" type="number" min={0} max={50} step={1} defaultValue={Math.round(settings.rate * 100)} disabled={!canManage} required />
      </label>
      <label className="text-sm text-slate-700">
        Pause crunchers below this gold accuracy (%; 0 = never)
        <Input name="minAccuracy" type="number" min={0} max={99} step={1} defaultValue={Math.round(settings.minAccuracy * 100)} disabled={!canManage} required />
      </label>
      <label className="text-sm text-slate-700">
        …after this many gold answers
        <Input name="minAnswers" type="number" min={1} max={1000} step={1} defaultValue={settings.minAnswers} disabled={!canManage} required />
      </label>
      <p className="text-xs text-slate-500 sm:col-span-3">
        A cruncher is paused when even the upper end of their accuracy&apos;s 95% interval is below the threshold, so a few unlucky answers do not pause a good cruncher.
      </p>
      {canManage ? (
        <div className="flex items-center gap-3 sm:col-span-3">
          <Button type="submit" disabled={pending}>Save</Button>
          {state ? <span role="status" className={state.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>{state.message}</span> : null}
        </div>
      ) : null}
    </form>
  );
}
