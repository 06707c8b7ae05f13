"use client";

import { useState } from "react";
import Link from "@/components/workspace-link";
import { sessionFetch, SessionRouteError } from "@/components/session-fetch";
import { Badge, Button, Card, Input, Select } from "@/components/ui";
import { BULK_CHUNK_ROWS, MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS } from "@/lib/tasks/bulk/limits";
import { LIMITS } from "@/lib/tasks/limits";
import { formatOf, parseUpload, type UploadRow } from "@/lib/tasks/bulk/parse-upload";
import { newUploadId } from "@/lib/tasks/bulk/upload-id";
import { REQUEST_TYPES, requestTypeLabel, type RequestType } from "@/lib/tasks/request-types";

interface Problem {
  path: (string | number)[];
  message: string;
}

const PREVIEW_ROWS = 20;
const LISTED_PROBLEMS = 100;

const describe = (p: Problem) => (p.path.length ? `${p.path.join(".")}: ${p.message}` : p.message);

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Phase =
  | { step: "idle" }
  | { step: "checking"; done: number }
  | { step: "checked" }
  | { step: "creating"; done: number }
  | { step: "created"; created: number; replayed: number; batch: string };

/** Pick a type and a file; the rows are read here, checked by the server, previewed, then created in chunks. */
export function UploadForm() {
  const [type, setType] = useState<RequestType>("multiple-choice");
  const [mode, setMode] = useState<"live" | "test">("live");
  const [fileName, setFileName] = useState<string | null>(null);
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [upload, setUpload] = useState<string>("");
  /** The batch every row joins: the name typed here, else the upload's id. */
  const [batchName, setBatchName] = useState("");
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [error, setError] = useState<string | null>(null);

  const valid = rows.filter((r) => r.body && r.problems.length === 0);
  const failing = rows.filter((r) => r.problems.length > 0);
  const busy = phase.step === "checking" || phase.step === "creating";

  async function read(file: File, forType: RequestType) {
    setError(null);
    setRows([]);
    setPhase({ step: "idle" });
    setFileName(file.name);
    const format = formatOf(file.name);
    if (!format) return setError("Choose a .csv or .jsonl file.");
    if (file.size > MAX_UPLOAD_BYTES) return setError(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
    const parsed = parseUpload(await file.text(), format, forType);
    if (!parsed.ok) return setError(parsed.message);
    setUpload(newUploadId());
    await check(parsed.rows, forType);
  }

  async function check(all: UploadRow[], forType: RequestType) {
    const checked = all.map((r) => ({ ...r, problems: [...r.problems] }));
    const readable = checked.filter((r) => r.body);
    setPhase({ step: "checking", done: 0 });
    try {
      let done = 0;
      for (const chunk of chunks(readable, BULK_CHUNK_ROWS)) {
        const answer = await sessionFetch<{ problems: { index: number; errors: Problem[] }[] }>("/api/tasks/bulk/validate", {
          method: "POST",
          json: { type: forType, rows: chunk.map((r) => r.body) },
        });
        for (const p of answer.problems) chunk[p.index]!.problems.push(...p.errors.map(describe));
        done += chunk.length;
        setPhase({ step: "checking", done });
      }
      setRows(checked);
      setPhase({ step: "checked" });
    } catch (e) {
      setRows(checked);
      setPhase({ step: "idle" });
      setError(e instanceof SessionRouteError ? e.problems.join(" ") : "The rows could not be checked; try again.");
    }
  }

  async function create() {
    setError(null);
    setPhase({ step: "creating", done: 0 });
    let created = 0;
    let replayed = 0;
    let done = 0;
    const batch = batchName.trim() || upload;
    try {
      for (const chunk of chunks(valid, BULK_CHUNK_ROWS)) {
        const answer = await sessionFetch<{ created: number; replayed: number }>("/api/tasks/bulk/create", {
          method: "POST",
          json: { mode, type, upload, batch, rows: chunk.map((r) => ({ line: r.line, body: r.body })) },
        });
        created += answer.created;
        replayed += answer.replayed;
        done += chunk.length;
        setPhase({ step: "creating", done });
      }
      setPhase({ step: "created", created, replayed, batch });
    } catch (e) {
      setPhase({ step: "checked" });
      setError(`${e instanceof SessionRouteError ? e.problems.join(" ") : "The requests could not be created."} ${done ? `${done} were created; creating again continues without duplicating them.` : ""}`.trim());
    }
  }

  const total = phase.step === "checking" ? rows.length || MAX_UPLOAD_ROWS : valid.length;
  const progress = phase.step === "checking" || phase.step === "creating" ? phase.done : 0;

  return (
    <div className="space-y-6">
      <Card className="space-y-4 p-5">
        <div className="flex flex-wrap items-end gap-4">
          <label className="space-y-1 text-sm font-medium text-slate-700">
            <span className="block">Request type</span>
            <Select
              name="type"
              value={type}
              disabled={busy}
              onChange={(e) => {
                setType(e.target.value as RequestType);
                setRows([]);
                setFileName(null);
                setPhase({ step: "idle" });
              }}
              className="w-64"
            >
              {REQUEST_TYPES.map((t) => <option key={t} value={t}>{requestTypeLabel(t)}</option>)}
            </Select>
          </label>
          <label className="space-y-1 text-sm font-medium text-slate-700">
            <span className="block">Space</span>
            <Select name="mode" value={mode} disabled={busy} onChange={(e) => setMode(e.target.value === "test" ? "test" : "live")} className="w-40">
              <option value="live">Live</option>
              <option value="test">Test (simulated)</option>
            </Select>
          </label>
          <label className="space-y-1 text-sm font-medium text-slate-700">
            <span className="block">Batch (optional)</span>
            <Input
              name="batch"
              value={batchName}
              maxLength={LIMITS.batchChars}
              disabled={busy}
              placeholder="the upload's id"
              onChange={(e) => setBatchName(e.target.value)}
              className="w-64"
              data-testid="upload-batch"
            />
          </label>
        </div>
        <label
          className="block cursor-pointer rounded-lg border-2 border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600 hover:border-indigo-400"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            const file = e.dataTransfer.files[0];
            if (file && !busy) void read(file, type);
          }}
        >
          <span className="block font-medium text-slate-800">{fileName ?? "Drop a .csv or .jsonl file here, or choose one"}</span>
          <span className="mt-1 block text-xs text-slate-500">
            Up to {MAX_UPLOAD_BYTES / 1024 / 1024} MB and {MAX_UPLOAD_ROWS.toLocaleString("en-GB")} requests. CSV: a header row naming the parameters (instruction, attachments, choices… lists separated by | or written as JSON; a.b for nested ones; gold for the known answer). JSONL: one request body per line, as the API takes it.
          </span>
          <input
            type="file"
            accept=".csv,.jsonl,.ndjson,text/csv"
            className="sr-only"
            data-testid="upload-file"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void read(file, type);
              e.target.value = "";
            }}
          />
        </label>
      </Card>

      {error ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">{error}</p> : null}

      {busy ? (
        <div className="space-y-1" data-testid="upload-progress">
          <p className="text-sm text-slate-600">{phase.step === "checking" ? "Checking rows…" : "Creating requests…"} {progress.toLocaleString("en-GB")} / {total.toLocaleString("en-GB")}</p>
          <div className="h-2 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={progress}>
            <div className="h-full bg-indigo-600 transition-all" style={{ width: `${total ? Math.round((progress / total) * 100) : 0}%` }} />
          </div>
        </div>
      ) : null}

      {rows.length && phase.step !== "checking" ? (
        <>
          <p className="text-sm text-slate-700" data-testid="upload-summary">
            {rows.length.toLocaleString("en-GB")} rows: {valid.length.toLocaleString("en-GB")} ready
            {valid.some((r) => r.body?.gold !== undefined) ? ` (${valid.filter((r) => r.body?.gold !== undefined).length} gold)` : ""}, {failing.length.toLocaleString("en-GB")} with problems.
          </p>
          <Card className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr><th className="px-4 py-2">Line</th><th className="px-4 py-2">Instruction</th><th className="px-4 py-2">Gold</th><th className="px-4 py-2">Check</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.slice(0, PREVIEW_ROWS).map((r) => (
                  <tr key={r.line} data-testid="upload-row">
                    <td className="px-4 py-2 tabular-nums text-slate-500">{r.line}</td>
                    <td className="max-w-md truncate px-4 py-2 text-slate-800">{typeof r.body?.instruction === "string" ? r.body.instruction : "—"}</td>
                    <td className="px-4 py-2">{r.body?.gold !== undefined ? <Badge tone="amber">{JSON.stringify(r.body.gold)}</Badge> : null}</td>
                    <td className="px-4 py-2">{r.problems.length ? <Badge tone="red">{r.problems.length} problem{r.problems.length > 1 ? "s" : ""}</Badge> : <Badge tone="green">ok</Badge>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length > PREVIEW_ROWS ? <p className="px-4 py-2 text-xs text-slate-500">The first {PREVIEW_ROWS} of {rows.length.toLocaleString("en-GB")} rows.</p> : null}
          </Card>
          {failing.length ? (
            <section className="space-y-2" data-testid="upload-problems">
              <h2 className="text-sm font-semibold text-slate-800">Rows with problems (left out when the others are created)</h2>
              <ul className="space-y-1 text-sm text-red-800">
                {failing.slice(0, LISTED_PROBLEMS).map((r) => (
                  <li key={r.line}>Line {r.line}: {r.problems.join("; ")}</li>
                ))}
              </ul>
              {failing.length > LISTED_PROBLEMS ? <p className="text-xs text-slate-500">…and {failing.length - LISTED_PROBLEMS} more rows.</p> : null}
            </section>
          ) : null}
          {phase.step === "created" ? (
            <p className="rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-800" role="status" data-testid="upload-done">
              Created {phase.created.toLocaleString("en-GB")} requests{phase.replayed ? ` (${phase.replayed} were already created)` : ""}. <Link href={`/tasks?${new URLSearchParams({ ...(mode === "test" ? { mode } : {}), batch: phase.batch })}`} className="font-medium underline">See them on the Tasks page</Link>
            </p>
          ) : (
            <Button type="button" onClick={() => void create()} disabled={busy || valid.length === 0}>
              Create {valid.length.toLocaleString("en-GB")} request{valid.length === 1 ? "" : "s"}
            </Button>
          )}
        </>
      ) : null}
    </div>
  );
}
