import type { ReactNode } from "react";
import type { MediaRequestType, ParamsByType } from "@/lib/tasks/request-types";
import { AttachmentView } from "./attachment-view";
import { Kbd } from "./kbd";

// What a request asked for beyond its instruction and attachments, per type (REQUEST_VIEWS lists
// them): the review page shows it beside the answers.

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p className="flex flex-wrap gap-x-2 text-sm">
      <span className="text-slate-500">{label}</span>
      <span className="text-slate-800">{children}</span>
    </p>
  );
}

type ChoiceQuestion = Pick<ParamsByType["multiple-choice"], "choices" | "choices_type" | "min_answers" | "max_answers">;
type RatingQuestion = Pick<ParamsByType["rating"], "rating_min" | "rating_max" | "rating_step" | "label_min" | "label_max">;
type FreeTextQuestion = Pick<ParamsByType["free-text"], "validation">;

export function ChoicesAskedFor({ params }: { params: ChoiceQuestion }) {
  const max = params.max_answers || params.choices.length;
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500">
        {max === 1 ? "One answer" : `${params.min_answers} to ${max} answers`} from:
      </p>
      <ol className="grid grid-cols-1 gap-1.5 sm:grid-cols-2">
        {params.choices.map((choice, i) => (
          <li key={choice} className="flex items-start gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
            {i < 10 ? <Kbd>{i === 9 ? 0 : i + 1}</Kbd> : null}
            {params.choices_type === "text" ? <span className="break-words">{choice}</span> : <AttachmentView kind={params.choices_type} value={choice} compact />}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ScaleAskedFor({ params }: { params: RatingQuestion }) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="text-slate-600">{params.rating_min}{params.label_min ? ` · ${params.label_min}` : ""}</span>
      <span className="h-1.5 flex-1 rounded-full bg-gradient-to-r from-slate-200 to-indigo-400" aria-hidden />
      <span className="text-slate-600">{params.label_max ? `${params.label_max} · ` : ""}{params.rating_max}</span>
      <span className="text-xs text-slate-400">step {params.rating_step}</span>
    </div>
  );
}

export function FreeTextAskedFor({ params }: { params: FreeTextQuestion }) {
  const { validation } = params;
  return <Detail label="Answer">{validation === "number" ? "a number" : validation === "url" ? "a URL" : "free text"}</Detail>;
}

export function FileAskedFor({ type }: { type: MediaRequestType }) {
  return <Detail label="Answer">an uploaded {type === "audio" ? "audio file" : type}</Detail>;
}

type MarksQuestion = Pick<ParamsByType["annotations"], "annotations_type" | "attachments_type" | "min_annotations" | "max_annotations">;

/** The marks asked for; the annotations-with-* types add the question asked for each mark. */
export function MarksAskedFor({ params, perMark }: { params: MarksQuestion; perMark?: { instruction: string; question: ReactNode } }) {
  const max = params.max_annotations ? `at most ${params.max_annotations}` : "no maximum";
  return (
    <div className="space-y-3">
      <Detail label="Marks">{params.annotations_type === "rectangle" ? "rectangles" : params.attachments_type === "audio" ? "moments" : "points"}, at least {params.min_annotations}, {max}</Detail>
      {perMark ? (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
          <p className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">For each mark</p>
          <p className="mb-2 text-sm font-medium text-slate-900">{perMark.instruction}</p>
          {perMark.question}
        </div>
      ) : null}
    </div>
  );
}
