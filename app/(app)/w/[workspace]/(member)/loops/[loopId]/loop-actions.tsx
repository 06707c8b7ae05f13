"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { sessionFetch, SessionRouteError, withWorkspaceQuery } from "@/components/session-fetch";
import { useToast } from "@/components/toast";
import { Button, Field, Input, Select } from "@/components/ui";
import { useWorkspaceRouter } from "@/components/workspace-link";

/** The learner settings the reset dialog offers to change (the others are kept as stored). */
export interface EditableSettings {
  optimizer: "adagrad" | "sgd";
  learning_rate: number;
  intercept_learning_rate: number;
  l2: number;
  clip: number | null;
  reset_on_drift: boolean;
}

const problemText = (error: unknown) => (error instanceof SessionRouteError ? error.problems.join(" ") : "Not done.");

/** The loop page's actions: rename, reset (with new settings if wanted), download the model, delete to the trash. */
export function LoopActions({ loopId, name, defined, canWrite, settings }: { loopId: string; name: string; defined: boolean; canWrite: boolean; settings: (EditableSettings & Record<string, unknown>) | null }) {
  const router = useRouter();
  const workspaceRouter = useWorkspaceRouter();
  const confirm = useConfirm();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [newName, setNewName] = useState(name);
  const resetDialog = useRef<HTMLDialogElement>(null);

  async function run(call: () => Promise<unknown>, done: string, after: () => void) {
    setError(null);
    try {
      await call();
      toast(done);
      after();
    } catch (e) {
      setError(problemText(e));
    }
  }

  const rename = () => run(() => sessionFetch(`/api/loops/${loopId}`, { method: "PATCH", json: { name: newName } }), "Loop renamed", () => {
    setRenaming(false);
    router.refresh();
  });
  const remove = async () => {
    const body = "The API stops answering for it at once. It can be restored, model and all, from the Trash page for 30 days.";
    if (!(await confirm({ title: `Delete loop ${name}?`, body, confirmLabel: "Move to the trash", tone: "danger" }))) return;
    void run(() => sessionFetch(`/api/loops/${loopId}`, { method: "DELETE" }), `Loop ${name} moved to the trash`, () => workspaceRouter.push("/trash"));
  };

  return (
    <div className="flex max-w-full flex-col items-stretch gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2 sm:justify-end">
        {defined ? (
          <a href={withWorkspaceQuery(`/api/loops/${loopId}/model`)} download className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50" data-testid="loop-download">
            Download model
          </a>
        ) : null}
        {canWrite ? (
          <>
            <Button variant="secondary" onClick={() => setRenaming((v) => !v)} data-testid="loop-rename">Rename</Button>
            {defined ? <Button variant="secondary" onClick={() => resetDialog.current?.showModal()} data-testid="loop-reset">Reset…</Button> : null}
            <Button variant="danger" onClick={() => void remove()} data-testid="loop-delete">Delete</Button>
          </>
        ) : null}
      </div>
      {renaming ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <Input aria-label="New name" value={newName} maxLength={200} onChange={(e) => setNewName(e.target.value)} className="w-60 max-w-full" data-testid="loop-name-input" />
          <Button type="submit">Save</Button>
        </form>
      ) : null}
      {error ? <p className="text-sm text-red-600" role="alert">{error}</p> : null}
      {settings ? (
        <ResetDialog
          dialog={resetDialog}
          loopId={loopId}
          settings={settings}
          onDone={() => {
            toast("Loop reset: it learns from scratch");
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}

function ResetDialog({ dialog, loopId, settings, onDone }: { dialog: React.RefObject<HTMLDialogElement | null>; loopId: string; settings: EditableSettings; onDone: () => void }) {
  const [form, setForm] = useState(() => ({ ...settings, clip: settings.clip === null ? "" : String(settings.clip) }));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const number = (key: "learning_rate" | "intercept_learning_rate" | "l2") => (
    <Field label={key.replace(/_/g, " ")}>
      <Input type="number" step="any" value={String(form[key])} onChange={(e) => setForm({ ...form, [key]: e.target.value === "" ? Number.NaN : Number(e.target.value) })} />
    </Field>
  );

  async function reset() {
    setPending(true);
    setError(null);
    try {
      const changed = { ...form, clip: form.clip === "" ? null : Number(form.clip) };
      await sessionFetch(`/api/loops/${loopId}/reset`, { method: "POST", json: { settings: changed } });
      dialog.current?.close();
      onDone();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <dialog ref={dialog} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/50" data-testid="reset-dialog">
      <form
        method="dialog"
        className="space-y-4 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          void reset();
        }}
      >
        <h2 className="text-lg font-semibold">Reset this loop?</h2>
        <p className="text-sm text-slate-600">
          The model forgets every example it learned: predictions start again from scratch, and the metrics and recent predictions are cleared. The
          definition, the loop&apos;s id and its keys stay. Settings apply to the fresh model only, so they can be changed here.
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="optimizer">
            <Select value={form.optimizer} onChange={(e) => setForm({ ...form, optimizer: e.target.value as EditableSettings["optimizer"] })}>
              <option value="adagrad">adagrad</option>
              <option value="sgd">sgd</option>
            </Select>
          </Field>
          {number("learning_rate")}
          {number("intercept_learning_rate")}
          {number("l2")}
          <Field label="clip (empty: none)">
            <Input type="number" step="any" value={form.clip} onChange={(e) => setForm({ ...form, clip: e.target.value })} />
          </Field>
          <label className="flex items-center gap-2 self-end text-sm">
            <input type="checkbox" checked={form.reset_on_drift} onChange={(e) => setForm({ ...form, reset_on_drift: e.target.checked })} /> reset on drift
          </label>
        </div>
        {error ? <p className="text-sm text-red-600" role="alert">{error}</p> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={pending} data-testid="reset-confirm">{pending ? "Resetting…" : "Reset the model"}</Button>
        </div>
      </form>
    </dialog>
  );
}
