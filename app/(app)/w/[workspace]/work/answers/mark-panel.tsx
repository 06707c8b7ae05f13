"use client";

import { cx } from "@/components/ui";
import type { AnnotationRequestType, PerAnnotationParams } from "@/lib/tasks/request-types";
import { colorAt, describeMark, formatSeconds, type MarkPosition } from "../_shared/marks";
import { ChoiceList, RatingSlider, TextAnswerInput, toggleChoice } from "./controls";

export interface DraftMark extends MarkPosition {
  id: number;
  attachment_index?: number;
  response?: unknown;
}

export type SubQuestion =
  | { type: "annotations-with-multiple-choice"; params: PerAnnotationParams["annotations-with-multiple-choice"] }
  | { type: "annotations-with-free-text"; params: PerAnnotationParams["annotations-with-free-text"] }
  | { type: "annotations-with-rating"; params: PerAnnotationParams["annotations-with-rating"] };

export function subQuestionOf(type: AnnotationRequestType, params: { per_annotation?: unknown }): SubQuestion | null {
  return type === "annotations" ? null : ({ type, params: params.per_annotation } as SubQuestion);
}

function summary(sub: SubQuestion | null, response: unknown): string | null {
  if (!sub) return null;
  if (response === undefined || (Array.isArray(response) && !response.length) || response === "") return null;
  return Array.isArray(response) ? response.join(", ") : String(response);
}

/** The requester's title of mark `index` (responseTitles[i]), else "Mark i+1". */
export const markTitle = (titles: readonly string[] | undefined, index: number) => titles?.[index]?.trim() || `Mark ${index + 1}`;

/** The marks made so far: select one to answer its question, delete with × (or Delete). */
export function MarkList({
  marks,
  selected,
  sub,
  several,
  titles,
  onSelect,
  onDelete,
}: {
  marks: DraftMark[];
  selected: number | null;
  sub: SubQuestion | null;
  several: boolean;
  /** The request's responseTitles, when it gives them. */
  titles?: readonly string[];
  onSelect: (id: number) => void;
  onDelete: (id: number) => void;
}) {
  if (!marks.length) return <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-500">No marks yet.</p>;
  return (
    <ol className="space-y-1.5" aria-label="Marks" data-testid="mark-list">
      {marks.map((m, i) => {
        const answered = summary(sub, m.response);
        return (
          <li key={m.id} className={cx("flex items-center gap-2 rounded-md border px-2 py-1.5 text-sm", m.id === selected ? "border-indigo-400 bg-indigo-50" : "border-slate-200 bg-white")}>
            <button type="button" onClick={() => onSelect(m.id)} className="flex min-w-0 flex-1 items-center gap-2 text-left" aria-pressed={m.id === selected}>
              <span className="flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-[11px] font-bold text-white" style={{ background: colorAt(i) }}>{i + 1}</span>
              <span className="min-w-0 flex-1">
                {titles?.[i]?.trim() ? <span className="block truncate text-xs font-medium text-slate-900" data-testid="mark-title">{titles[i]}</span> : null}
                <span className="block truncate font-mono text-xs text-slate-600">
                  {several ? `#${(m.attachment_index ?? 0) + 1} ` : ""}
                  {describeMark(m)}
                </span>
                {sub ? <span className={cx("block truncate text-xs", answered ? "text-slate-800" : "font-medium text-amber-700")}>{answered ?? "needs an answer"}</span> : null}
              </span>
            </button>
            <button type="button" onClick={() => onDelete(m.id)} aria-label={`Delete mark ${i + 1}`} className="rounded px-1.5 text-lg leading-none text-slate-400 hover:bg-red-50 hover:text-red-600">×</button>
          </li>
        );
      })}
    </ol>
  );
}

/** The selected mark: its time (video, audio) and the per-annotation question. */
export function MarkPanel({
  mark,
  title,
  sub,
  timed,
  onResponse,
  onTime,
}: {
  mark: DraftMark;
  /** The panel's heading: the request's responseTitles[i], else "Mark i+1" (markTitle). */
  title: string;
  sub: SubQuestion | null;
  timed: boolean;
  onResponse: (value: unknown) => void;
  onTime: (t: number) => void;
}) {
  return (
    <div className="space-y-4 rounded-lg border border-indigo-200 bg-white p-4 shadow-sm" data-testid="mark-panel">
      <h3 className="break-words text-sm font-semibold text-slate-900" data-testid="mark-panel-title">{title}</h3>
      {timed ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Time (s)
          <input
            type="number"
            min={0}
            step={0.1}
            value={mark.t ?? 0}
            onChange={(e) => onTime(Math.max(0, Number(e.target.value) || 0))}
            className="w-24 rounded-md border border-slate-300 px-2 py-1 font-mono text-sm"
          />
          <span className="font-mono text-xs text-slate-500">{formatSeconds(mark.t ?? 0)}</span>
        </label>
      ) : null}
      {sub ? <SubQuestionControl key={mark.id} sub={sub} value={mark.response} onChange={onResponse} /> : null}
    </div>
  );
}

function SubQuestionControl({ sub, value, onChange }: { sub: SubQuestion; value: unknown; onChange: (v: unknown) => void }) {
  const instruction = <p className="text-sm font-medium text-slate-900">{sub.params.instruction}</p>;
  switch (sub.type) {
    case "annotations-with-multiple-choice": {
      const picked = (value as string[] | undefined) ?? [];
      return (
        <div className="space-y-2">
          {instruction}
          <ChoiceList rules={sub.params} kind={sub.params.choices_type} picked={picked} onPick={(i) => onChange(toggleChoice(sub.params, picked, i).picked)} label={sub.params.instruction} />
        </div>
      );
    }
    case "annotations-with-free-text":
      return (
        <div className="space-y-2">
          {instruction}
          <TextAnswerInput rules={sub.params} value={(value as string | undefined) ?? ""} onChange={onChange} label="Answer for this mark" autoFocus />
        </div>
      );
    case "annotations-with-rating":
      return (
        <div className="space-y-2">
          {instruction}
          <RatingSlider rules={sub.params} labelMin={sub.params.label_min} labelMax={sub.params.label_max} value={value as number | undefined} onChange={onChange} label="Rating for this mark" autoFocus />
        </div>
      );
  }
}
