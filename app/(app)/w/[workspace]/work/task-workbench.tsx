"use client";

import { useState, type ReactNode } from "react";
import { Badge, Button, Card } from "@/components/ui";
import { validateAnswer } from "@/lib/tasks/answers";
import type { ApiErrorDetail } from "@/lib/http/errors";
import { isAnnotationType, isMediaType, requestTypeLabel, type RequestType } from "@/lib/tasks/request-types";
import { AttachmentList, WebsiteFrame } from "./_shared/attachment-view";
import { Kbd } from "./_shared/kbd";
import type { WorkTask } from "@/lib/tasks/work-task";
import { requestViewOf } from "./request-views";
import { isTyping, useShortcuts } from "./use-shortcuts";
import { ratingOfKey } from "./answers/controls";
import { submitAnswer } from "./work-api";
import { clearDraft } from "./work-drafts";

const FIRST_STEP: Partial<Record<RequestType, string>> = {
  "multiple-choice": "Pick an answer first.",
  "free-text": "Type an answer first.",
  rating: "Choose a value with the slider first.",
  image: "Upload a file first.",
  video: "Upload a file first.",
  audio: "Upload a file first.",
};

/** A validation problem in the cruncher's words: "Mark 2 · response: Required." */
export function describeProblem(type: RequestType, problem: ApiErrorDetail): string {
  if (problem.path.length === 0) return problem.type === "missing" || problem.type === "invalid_type" ? (FIRST_STEP[type] ?? problem.message) : problem.message;
  if (isAnnotationType(type) && typeof problem.path[0] === "number") {
    const rest = problem.path.slice(1);
    const what = rest[0] === "response" ? "its answer" : rest.join(".");
    return `Mark ${problem.path[0] + 1} · ${what}: ${problem.message === "Required." ? "needed." : problem.message}`;
  }
  return `${problem.path.join(".")}: ${problem.message}`;
}

function AnswerFor({ task, onChange, draftKey }: { task: WorkTask; onChange: (answer: unknown) => void; draftKey: string }) {
  const { AnswerPage } = requestViewOf(task.type);
  return <AnswerPage task={task} onChange={onChange} draftKey={draftKey} />;
}

function shortcutsOf(task: WorkTask): ReactNode[] {
  const keys: ReactNode[] = [];
  if (task.type === "multiple-choice") {
    const last = Math.min(task.params.choices.length, 10) % 10;
    keys.push(<><Kbd>1</Kbd>{last !== 1 ? <>–<Kbd>{last}</Kbd></> : null} choose</>);
  }
  if (task.type === "rating") {
    keys.push(<><Kbd>←</Kbd><Kbd>→</Kbd> adjust</>);
    if (ratingOfKey(task.params, String(task.params.rating_min)) !== null) keys.push(<><Kbd>{task.params.rating_min}</Kbd>… type a value</>);
  }
  if (task.type === "free-text" && !task.params.validation) keys.push(<><Kbd>Shift</Kbd>+<Kbd>Enter</Kbd> new line</>);
  if (isAnnotationType(task.type)) {
    keys.push(<><Kbd>Del</Kbd> delete mark</>, <><Kbd>Esc</Kbd> deselect</>);
    if (task.type === "annotations-with-multiple-choice") keys.push(<><Kbd>1</Kbd>… choose for the mark</>);
  }
  keys.push(<><Kbd>Enter</Kbd> submit</>, <><Kbd>S</Kbd> skip{task.type === "free-text" ? " (outside the text field)" : ""}</>);
  return keys;
}

/**
 * One leased task: the question, its attachments (websites beside it), the answer page of its type,
 * and submit / skip by button or keyboard. The draft is checked with the API's own validator before
 * it is sent, so mistakes are explained at once.
 */
export function TaskWorkbench({ task, draftKey, onAnswered, onSkip: skip, onGone }: { task: WorkTask; draftKey: string; onAnswered: () => void; onSkip: () => void; onGone: (message: string) => void }) {
  const [answer, setAnswer] = useState<unknown>(undefined);
  const [problems, setProblems] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const annotation = isAnnotationType(task.type);
  const websites = !annotation && task.params.attachments_type === "website" ? task.params.attachments : [];

  async function submit() {
    if (sending) return;
    const checked = validateAnswer(task.type, task.params as never, answer);
    // Typed text is already checked beside its field; the list would only repeat it.
    const explainedInline = task.type === "free-text" && typeof answer === "string" && answer.trim() !== "";
    if (!checked.ok) return setProblems(explainedInline ? [] : checked.errors.map((p) => describeProblem(task.type, p)));
    setSending(true);
    setProblems([]);
    try {
      const result = await submitAnswer(task.assignmentId, checked.answer);
      if (result.ok || result.gone) clearDraft(draftKey);
      if (result.ok) return onAnswered();
      if (result.gone) return onGone(result.message);
      setProblems(result.errors.length ? result.errors.map((p) => describeProblem(task.type, p)) : [result.message]);
    } catch {
      setProblems(["The answer could not be sent; check the connection and press Enter again."]);
    }
    setSending(false);
  }

  /** Skipping releases the task: its draft goes with it. */
  function onSkip() {
    clearDraft(draftKey);
    skip();
  }

  useShortcuts((event) => {
    const target = event.target as HTMLElement;
    if (event.key === "Enter") {
      if ((event.shiftKey && target.tagName === "TEXTAREA") || target.tagName === "A" || target.dataset.ownEnter !== undefined) return false;
      void submit();
      return true;
    }
    if (event.key.toLowerCase() === "s" && !event.shiftKey && !isTyping(event)) {
      onSkip();
      return true;
    }
    return false;
  });

  const question = (
    <Card className="p-6">
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <Badge tone="indigo">{requestTypeLabel(task.type)}</Badge>
        <span className="text-xs text-slate-500">Reserved for you while this page is open</span>
      </div>
      <h2 className="whitespace-pre-wrap text-lg font-semibold leading-snug text-slate-900" data-testid="task-instruction">{task.params.instruction}</h2>
      {!annotation && task.params.attachments_type !== "website" ? (
        <div className="mt-4">
          <AttachmentList kind={task.params.attachments_type} values={task.params.attachments} />
        </div>
      ) : null}
      <div className="mt-6">
        <AnswerFor task={task} onChange={setAnswer} draftKey={draftKey} />
      </div>
      {problems.length ? (
        <ul role="alert" className="mt-4 list-disc space-y-1 rounded-md bg-red-50 py-2 pl-8 pr-3 text-sm text-red-700">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      ) : null}
      <div className="mt-6 flex flex-wrap items-center justify-between gap-4 border-t border-slate-100 pt-4">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500 pointer-coarse:hidden" aria-label="Keyboard shortcuts">
          {shortcutsOf(task).map((k, i) => <li key={i} className="inline-flex items-center gap-1">{k}</li>)}
        </ul>
        <div className="flex gap-2 max-sm:w-full max-sm:[&>button]:flex-1 max-sm:[&>button]:py-2.5">
          <Button type="button" variant="secondary" onClick={onSkip} data-own-enter="">Skip</Button>
          <Button type="button" onClick={() => void submit()} disabled={sending || (isMediaType(task.type) && answer === undefined)}>
            {sending ? "Sending…" : "Submit"}
          </Button>
        </div>
      </div>
    </Card>
  );
  if (!websites.length) return question;
  return (
    <div className="grid grid-cols-1 items-start gap-5 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      {question}
      <div className="space-y-3 xl:sticky xl:top-4 xl:self-start">
        {websites.map((url, i) => <WebsiteFrame key={i} url={url} />)}
      </div>
    </div>
  );
}
