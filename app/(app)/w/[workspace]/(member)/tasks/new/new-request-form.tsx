"use client";

import Link from "@/components/workspace-link";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { SessionRouteError, sessionFetch } from "@/components/session-fetch";
import { Badge, Button, Card, Field, Input, Select } from "@/components/ui";
import { describeDetail } from "@/lib/http/errors";
import type { RequestObject } from "@/lib/tasks/request-object";
import { parseRequestBody, REQUEST_TYPES, requestTypeLabel, type RequestType } from "@/lib/tasks/request-types";
import { AnswerView } from "../../../work/_shared/answer-view";
import { QUESTION_FORMS, type QuestionFields } from "./question-fields";
import { EMPTY_FORM, perMarkTypeOf, requestBodyOf, type RequestForm } from "./request-body";
import { ContentTypeSelect, Lines, type ErrorAt } from "./request-fields";
import { plainMessage, plainProblem } from "@/lib/plain-problem";

type Sent = { state: "idle" } | { state: "sending"; since: number } | { state: "done"; request: RequestObject; waited: boolean } | { state: "failed"; message: string };

/**
 * "New request": every request type, checked as it is typed by the API's own parser, sent through a
 * session route that stores it exactly as POST /v1/requests/<type> does; "Block until answered"
 * waits up to 60 s for the answer, like ?block=60.
 */
export function NewRequestForm() {
  const [form, setForm] = useState<RequestForm>(EMPTY_FORM);
  const [showProblems, setShowProblems] = useState(false);
  const [sent, setSent] = useState<Sent>({ state: "idle" });
  const [now, setNow] = useState(Date.now());
  const set = (patch: Partial<RequestForm>) => setForm((f) => ({ ...f, ...patch }));
  const setSub = (patch: Partial<QuestionFields & { instruction: string }>) => setForm((f) => ({ ...f, sub: { ...f.sub, ...patch } }));

  const body = useMemo(() => requestBodyOf(form), [form]);
  const parsed = useMemo(() => parseRequestBody(form.type, body), [form.type, body]);
  const problems = showProblems && !parsed.ok ? parsed.errors : [];
  const errorAt: ErrorAt = (...path) => {
    const key = path.join(".");
    const hits = problems.filter((p) => p.path.slice(0, path.length).join(".") === key);
    if (!hits.length) return undefined;
    return hits.map((p) => (typeof p.path[path.length] === "number" ? `Line ${(p.path[path.length] as number) + 1}: ${plainMessage(p.message)}` : plainMessage(p.message))).join(" ");
  };

  useEffect(() => {
    if (sent.state !== "sending") return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [sent.state]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setShowProblems(true);
    if (!parsed.ok) return;
    setSent({ state: "sending", since: Date.now() });
    try {
      const reply = await sessionFetch<{ request: RequestObject }>("/api/tasks", { method: "POST", json: { mode: form.mode, type: form.type, body, block: form.block } });
      setSent({ state: "done", request: reply.request, waited: form.block });
    } catch (error) {
      setSent({ state: "failed", message: error instanceof SessionRouteError ? error.problems.join(" ") : "The request could not be sent; check the connection." });
    }
  }

  const t = form.type;
  const question = QUESTION_FORMS[t];
  const annotated = t.startsWith("annotations");
  const perMarkType = perMarkTypeOf(t);
  const perMark = perMarkType ? QUESTION_FORMS[perMarkType] : undefined;
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card className="space-y-5 p-6">
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field label="Type">
            <Select value={t} onChange={(e) => set({ type: e.target.value as RequestType })}>
              {REQUEST_TYPES.map((type) => <option key={type} value={type}>{requestTypeLabel(type)} ({type})</option>)}
            </Select>
          </Field>
          <Field label="Space" hint={form.mode === "test" ? "Answered by a simulated cruncher within a second." : "Answered by people in the Work area."}>
            <Select value={form.mode} onChange={(e) => set({ mode: e.target.value === "live" ? "live" : "test" })}>
              <option value="test">test (staging)</option>
              <option value="live">live</option>
            </Select>
          </Field>
        </div>
        <Field label="Instruction" error={errorAt("instruction")}>
          <Lines name="instruction" value={form.instruction} onChange={(instruction) => set({ instruction })} rows={2} placeholder="Does the image contain violent content?" />
        </Field>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,3fr)]">
          <Field label="Attachments are" error={errorAt("attachments_type")}>
            <ContentTypeSelect name="attachments_type" value={form.attachments_type} onChange={(attachments_type) => set({ attachments_type })} />
          </Field>
          <Field label="Attachments (one per line)" error={errorAt("attachments")} hint={form.attachments_type === "text" ? "Plain text; dial:+123456789 for a phone call." : "http(s) URLs."}>
            <Lines name="attachments" value={form.attachments} onChange={(attachments) => set({ attachments })} />
          </Field>
        </div>
        {question ? <question.Inputs fields={form} set={set} errorAt={errorAt} prefix={[]} /> : null}
        {annotated ? (
          <div className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
              <Field label="Marks are" error={errorAt("annotations_type")}>
                <Select value={form.annotations_type} onChange={(e) => set({ annotations_type: e.target.value === "rectangle" ? "rectangle" : "point" })}>
                  <option value="point">points</option>
                  <option value="rectangle">rectangles</option>
                </Select>
              </Field>
              <Field label="Min marks" error={errorAt("min_annotations")} hint="default 1">
                <Input inputMode="numeric" value={form.min_annotations} onChange={(e) => set({ min_annotations: e.target.value })} />
              </Field>
              <Field label="Max marks" error={errorAt("max_annotations")} hint="0 = no limit">
                <Input inputMode="numeric" value={form.max_annotations} onChange={(e) => set({ max_annotations: e.target.value })} />
              </Field>
            </div>
            {perMark ? (
              <>
                <Field label="Question for each mark" error={errorAt("per_annotation", "instruction")}>
                  <Input value={form.sub.instruction} onChange={(e) => setSub({ instruction: e.target.value })} placeholder="How aggressive is the cat?" />
                </Field>
                <perMark.Inputs fields={form.sub} set={setSub} errorAt={errorAt} prefix={["per_annotation"]} />
              </>
            ) : null}
          </div>
        ) : null}
      </Card>

      <Card className="space-y-4 p-6">
        <h2 className="text-sm font-semibold text-slate-900">Delivery</h2>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={form.useConfidence} onChange={(e) => set({ useConfidence: e.target.checked })} className="h-4 w-4 accent-indigo-600" />
          Majority vote (confidence)
        </label>
        {form.useConfidence ? (
          <div className="grid max-w-md grid-cols-2 gap-3">
            <Field label="Must agree" error={errorAt("confidence", "min_agreements")}>
              <Input inputMode="numeric" value={form.min_agreements} onChange={(e) => set({ min_agreements: e.target.value })} />
            </Field>
            <Field label="Of at most" error={errorAt("confidence", "max_crunchers")} hint="crunchers">
              <Input inputMode="numeric" value={form.max_crunchers} onChange={(e) => set({ max_crunchers: e.target.value })} />
            </Field>
          </div>
        ) : null}
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field label="Webhook URL (optional)" error={errorAt("hook_url")}>
            <Input value={form.hook_url} onChange={(e) => set({ hook_url: e.target.value })} placeholder="https://example.com/hooks/tasks" />
          </Field>
          <Field label="Exclude crunchers (optional)" error={errorAt("exclude_crunchers")} hint="Cruncher ids, separated by spaces or commas.">
            <Input value={form.exclude_crunchers} onChange={(e) => set({ exclude_crunchers: e.target.value })} />
          </Field>
        </div>
      </Card>

      {problems.length ? (
        <ul role="alert" className="list-disc space-y-1 rounded-md bg-red-50 py-2 pl-8 pr-3 text-sm text-red-700" data-testid="request-problems">
          {problems.map((p, i) => <li key={i}>{plainProblem(describeDetail(p))}</li>)}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={sent.state === "sending"}>{sent.state === "sending" ? "Sending…" : "Send request"}</Button>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={form.block} onChange={(e) => set({ block: e.target.checked })} className="h-4 w-4 accent-indigo-600" />
          Block until answered (up to 60 s)
        </label>
        {sent.state === "sending" && form.block ? <span className="text-sm text-slate-500" role="status">Waiting for an answer… {Math.round((now - sent.since) / 1000)} s</span> : null}
      </div>
      {sent.state === "failed" ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{sent.message}</p> : null}
      {sent.state === "done" ? <SentRequest request={sent.request} waited={sent.waited} /> : null}
    </form>
  );
}

function SentRequest({ request, waited }: { request: RequestObject; waited: boolean }) {
  const tone = request.status === "complete" ? "green" : request.status === "pending" ? "amber" : "slate";
  return (
    <Card className="space-y-3 p-6" >
      <div className="flex flex-wrap items-center gap-3" data-testid="sent-request">
        <Badge tone={tone}>{request.status}</Badge>
        <code className="font-mono text-xs text-slate-500">{request.id}</code>
        <Link href={`/tasks/${request.id}`} className="text-sm font-medium text-indigo-600 hover:underline">Open the request →</Link>
      </div>
      {request.status === "complete" ? (
        <div className="text-sm">
          <span className="mr-2 text-slate-500">Response:</span>
          <AnswerView type={request.type} params={request as never} answer={(request.response ?? null) as never} />
        </div>
      ) : request.status === "pending" ? (
        <p className="text-sm text-slate-600">
          {waited ? "Not answered within the wait; it stays in the queue." : "Sent: it waits in the queue for a cruncher."} Its page shows the answer when it comes.
        </p>
      ) : null}
    </Card>
  );
}
