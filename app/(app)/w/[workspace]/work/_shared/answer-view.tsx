import type { Answer, AnswerByType } from "@/lib/tasks/request-types";
import type { AnnotationWith } from "@/lib/tasks/types/annotation-marks";
import { isAnnotationType, isMediaType, type ParamsByType, type RequestType } from "@/lib/tasks/request-types";
import { AttachmentView } from "./attachment-view";
import { colorAt, describeMark } from "./marks";

function Choices({ picked, kind }: { picked: string[]; kind: ParamsByType["multiple-choice"]["choices_type"] }) {
  if (!picked.length) return <span className="text-sm text-slate-500">nothing chosen</span>;
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      {picked.map((choice) =>
        kind === "text" ? (
          <span key={choice} className="rounded-full bg-indigo-50 px-2.5 py-0.5 text-sm font-medium text-indigo-800 ring-1 ring-inset ring-indigo-600/20">{choice}</span>
        ) : (
          <AttachmentView key={choice} kind={kind} value={choice} compact />
        ),
      )}
    </span>
  );
}

/** A per-annotation answer, by the rule of its plain type. */
function SubAnswer({ type, value, params }: { type: RequestType; value: unknown; params: ParamsByType[RequestType] }) {
  if (type === "annotations-with-multiple-choice") {
    return <Choices picked={value as string[]} kind={(params as ParamsByType["annotations-with-multiple-choice"]).per_annotation.choices_type} />;
  }
  return <span className="font-medium text-slate-900">{String(value)}</span>;
}

/**
 * One answer (the final response or one cruncher's), read-only. Annotation answers are listed here;
 * the review page draws them over the attachment as well.
 */
export function AnswerView({ type, params, answer }: { type: RequestType; params: ParamsByType[RequestType]; answer: Answer | null }) {
  if (answer === null) return <span className="text-sm italic text-slate-500">none</span>;
  if (type === "multiple-choice") return <Choices picked={answer as string[]} kind={(params as ParamsByType["multiple-choice"]).choices_type} />;
  if (type === "free-text") return <span className="whitespace-pre-wrap break-words text-sm text-slate-900">{answer as string}</span>;
  if (type === "rating") {
    const p = params as ParamsByType["rating"];
    const value = answer as number;
    return (
      <span className="inline-flex items-center gap-2 text-sm">
        <span className="text-lg font-semibold tabular-nums text-indigo-700">{value}</span>
        <span className="text-slate-500">on {p.rating_min}–{p.rating_max}{p.label_min || p.label_max ? ` (${p.label_min ?? ""} → ${p.label_max ?? ""})` : ""}</span>
      </span>
    );
  }
  if (isMediaType(type as RequestType)) {
    const url = answer as string;
    return (
      <span className="flex flex-col items-start gap-1.5">
        <AttachmentView kind={type as "image" | "video" | "audio"} value={url} compact />
        <a href={url} target="_blank" rel="noopener noreferrer" className="break-all font-mono text-xs text-indigo-600 hover:underline" data-testid="media-answer-url">{url}</a>
      </span>
    );
  }
  if (isAnnotationType(type)) {
    const marks = answer as AnswerByType["annotations-with-rating"];
    const several = params.attachments.length > 1;
    if (!marks.length) return <span className="text-sm text-slate-500">no marks</span>;
    return (
      <ol className="space-y-1">
        {marks.map((m: AnnotationWith<unknown>, i) => (
          <li key={i} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="flex h-5 w-5 items-center justify-center rounded-full text-[11px] font-bold text-white" style={{ background: colorAt(i) }}>{i + 1}</span>
            <span className="font-mono text-xs text-slate-600">{several ? `#${(m.attachment_index ?? 0) + 1} ` : ""}{describeMark(m)}</span>
            {"response" in m ? <>→ <SubAnswer type={type} value={m.response} params={params} /></> : null}
          </li>
        ))}
      </ol>
    );
  }
  return <code className="text-xs">{JSON.stringify(answer)}</code>;
}
