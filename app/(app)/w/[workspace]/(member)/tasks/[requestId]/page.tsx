import type { Metadata } from "next";
import Link from "@/components/workspace-link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/auth";
import { Badge, cx, PageHeader, Section, ScrollX } from "@/components/ui";
import { getDb } from "@/db/client";
import { requestObjectOf } from "@/lib/tasks/request-view";
import { isAnnotationType, requestTypeLabel } from "@/lib/tasks/request-types";
import { findTaskRequest, reviewAnswers } from "@/lib/tasks/review";
import type { Annotation } from "@/lib/tasks/types/annotation-marks";
import { listWebhookAttempts } from "@/lib/tasks/webhooks";
import { AnswerView } from "../../../work/_shared/answer-view";
import { colorAt } from "../../../work/_shared/marks";
import { QuestionView } from "../../../work/_shared/question-view";
import { formatDuration, STATUS_TONE } from "../format";
import { AnnotationReview, type MarkLayer } from "./annotation-review";
import { LiveStatus } from "./live-status";
import { AbortButton, ResendWebhookButton } from "./request-actions";
import { cruncherNames } from "@/lib/tasks/cruncher-names";
import { WebhookAttempts } from "./webhook-attempts";
import { cruncherQuality } from "@/lib/tasks/cruncher-quality";
import { CruncherQualityTable } from "../cruncher-quality-table";
import { Time } from "@/components/time";

export const metadata: Metadata = { title: "Request" };

/** Crunchers are lettered in the order they answered, so the table and the drawing match. */
const letterOf = (i: number) => String.fromCharCode(65 + (i % 26));

export default async function RequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  const { account, workspace } = await requireWorkspace("read");
  const db = getDb();
  const request = await findTaskRequest(db, workspace.id, (await params).requestId);
  if (!request) notFound();
  const { type, params: p, response } = request;
  const answers = reviewAnswers(request);
  const [attempts, names, quality] = await Promise.all([
    request.hookUrl ? listWebhookAttempts(db, workspace.id, request.id) : [],
    cruncherNames(db, answers.map((a) => a.cruncherId)),
    answers.length && request.mode === "live" ? cruncherQuality(db, workspace.id, answers.map((a) => a.cruncherId)) : null,
  ]);
  const confidence = p.confidence;
  const consensus = request.maxCrunchers > 1 || confidence !== undefined;
  const responseHint = request.gold
    ? "A gold question: every cruncher it is mixed in for answers once and is scored against the known answer; it never completes."
    : confidence?.strategy === "dawid-skene"
      ? `Dawid–Skene: complete once the chosen answer's probability reaches ${confidence.min_confidence}, one more cruncher at a time up to ${confidence.max_crunchers}.${request.consensus?.probability != null ? ` Now ${Math.round(request.consensus.probability * 1000) / 10}% after ${request.consensus.answers} answer(s).` : ""}`
      : consensus
        ? `Majority: ${request.minAgreements} of up to ${request.maxCrunchers} crunchers must agree.`
        : "The first cruncher's answer.";

  const layers: MarkLayer[] = isAnnotationType(type)
    ? [
        ...(request.status === "complete" && response ? [{ id: "response", label: "Final response", tag: "", color: "#0f172a", colorByMark: true, marks: response as Annotation[] }] : []),
        ...answers.map((a, i) => ({ id: a.cruncherId, label: `Cruncher ${letterOf(i)}`, tag: letterOf(i), color: colorAt(i), marks: a.answer as Annotation[] })),
      ]
    : [];

  return (
    <div className="space-y-6">
      <PageHeader
        title={requestTypeLabel(request.type)}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONE[request.status]}><span data-testid="request-status">{request.status}</span></Badge>
            <Badge tone={request.mode === "live" ? "indigo" : "slate"}>{request.mode}</Badge>
            {request.archivedAt ? <Badge tone="slate"><span data-testid="request-archived">archived</span></Badge> : null}
            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{request.id}</code>
            {request.batch ? (
              <Link href={`/tasks?${new URLSearchParams({ ...(request.mode === "test" ? { mode: "test" } : {}), batch: request.batch, archived: "true" })}`} className="text-indigo-700 hover:underline" data-testid="request-batch">
                batch <span className="font-mono">{request.batch}</span>
              </Link>
            ) : null}
            <span>created <Time value={request.createdAt} style="seconds" /></span>
            {request.completedAt ? <span>{request.status} after {formatDuration(request.completedAt.getTime() - request.createdAt.getTime())}</span> : null}
          </span>
        }
        actions={request.status === "pending" ? <AbortButton requestId={request.id} /> : null}
      />
      {request.status === "pending" && !request.gold ? (
        <LiveStatus requestId={request.id} initial={{ status: request.status, answers: answers.length }} maxCrunchers={Math.max(request.maxCrunchers, confidence?.max_crunchers ?? 0)} minAgreements={request.minAgreements} />
      ) : null}

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Section title="Question" hint="As the crunchers saw it.">
          <QuestionView type={type} params={p} />
        </Section>
        <Section title="Response" hint={responseHint}>
          {request.status === "complete" ? (
            response === null ? (
              <p className="text-sm text-slate-700">Complete without agreement: {answers.length} crunchers answered and {confidence?.strategy === "dawid-skene" ? "no answer reached the required probability" : `no ${request.minAgreements} agreed`}, so the response is <code>null</code>.</p>
            ) : (
              <div data-testid="final-response"><AnswerView type={type} params={p} answer={response} /></div>
            )
          ) : request.status === "aborted" ? (
            <p className="text-sm text-slate-600">Aborted before it was answered.</p>
          ) : request.gold ? (
            <div data-testid="gold-answer"><p className="mb-2 text-xs font-semibold uppercase tracking-wide text-amber-700">Known answer</p><AnswerView type={type} params={p} answer={p.gold as never} /></div>
          ) : (
            <p className="text-sm text-slate-600">Not answered yet.</p>
          )}
        </Section>
      </div>

      {layers.length ? (
        <Section title="Marks over the attachment" hint="Drawn in the attachment's own pixels, where they were made. Show or hide each cruncher's marks.">
          <AnnotationReview kind={p.attachments_type} attachments={p.attachments} layers={layers} />
        </Section>
      ) : null}

      <Section title="Answers by cruncher" hint={answers.length ? "raw_responses: each cruncher's answer in the order they arrived; those that agree with the final response are highlighted." : undefined}>
        {answers.length ? (
          <ScrollX>
            <table className="min-w-full text-sm" data-testid="raw-responses">
              <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                <tr><th className="py-2 pr-4">Cruncher</th><th className="py-2 pr-4">Answer</th><th className="py-2 pr-4">Answered</th><th className="py-2">Agreement</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {answers.map((a, i) => (
                  <tr key={a.cruncherId} data-testid="raw-response" data-agrees={a.agreesWithResponse === null ? "unknown" : String(a.agreesWithResponse)} className={cx(a.agreesWithResponse && "bg-emerald-50/70")}>
                    <td className="py-2.5 pr-4 align-top">
                      <span className="mr-2 inline-flex h-5 w-5 items-center justify-center rounded-full text-[11px] font-bold text-white" style={{ background: colorAt(i) }}>{letterOf(i)}</span>
                      {names.get(a.cruncherId) ? <span className="mr-2 font-medium text-slate-800" data-testid="cruncher-name">{names.get(a.cruncherId)}</span> : null}
                      <code className="font-mono text-xs text-slate-600">{a.cruncherId}</code>
                    </td>
                    <td className="py-2.5 pr-4 align-top"><AnswerView type={type} params={p} answer={a.answer} /></td>
                    <td className="whitespace-nowrap py-2.5 pr-4 align-top text-slate-600"><Time value={a.answeredAt} style="seconds" /></td>
                    <td className="py-2.5 align-top">
                      {a.agreesWithResponse === null ? <span className="text-slate-400">—</span> : a.agreesWithResponse ? <Badge tone="green">agrees</Badge> : <Badge tone="red">differs</Badge>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
        ) : (
          <p className="text-sm text-slate-500">No answers yet.</p>
        )}
      </Section>

      {quality?.crunchers.length ? (
        <Section title="These crunchers' quality" hint="Across the workspace's live tasks: gold accuracy with its 95% interval, agreement with final answers, pace." actions={<Link href="/tasks/crunchers" className="text-sm text-indigo-600 hover:underline">All crunchers →</Link>}>
          <CruncherQualityTable crunchers={quality.crunchers} names={names} />
        </Section>
      ) : null}

      {request.hookUrl ? (
        <Section title="Webhook deliveries" hint={<>POSTed to <code className="break-all font-mono text-xs">{request.hookUrl}</code>, signed with your webhook secret.</>} actions={request.status === "complete" ? <ResendWebhookButton requestId={request.id} /> : null}>
          <WebhookAttempts attempts={attempts} pending={request.status === "pending"} />
        </Section>
      ) : null}

      <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <summary className="cursor-pointer font-medium text-slate-700">Request object, as GET /v1/requests/{"{id}"} returns it</summary>
        <pre className="mt-3 overflow-x-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-xs leading-relaxed text-slate-100">{JSON.stringify(requestObjectOf(request), null, 2)}</pre>
      </details>
      <Link href="/tasks" className="text-sm text-indigo-600 hover:underline">← All requests</Link>
    </div>
  );
}
