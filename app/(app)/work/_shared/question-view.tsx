import type { ReactNode } from "react";
import type { ParamsByType, RequestType } from "@/lib/tasks/request-types";
import { AttachmentList, AttachmentView } from "./attachment-view";
import { Kbd } from "./kbd";

type AnyParams = ParamsByType[RequestType];

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p className="flex flex-wrap gap-x-2 text-sm">
      <span className="text-slate-500">{label}</span>
      <span className="text-slate-800">{children}</span>
    </p>
  );
}

function ChoicesShown({ params }: { params: ParamsByType["multiple-choice"] }) {
  const max = params.max_answers || params.choices.length;
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500">
        {max === 1 ? "One answer" : `${params.min_answers} to ${max} answers`} from:
      </p>
      <ol className="grid gap-1.5 sm:grid-cols-2">
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

function ScaleShown({ params }: { params: ParamsByType["rating"] }) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="text-slate-600">{params.rating_min}{params.label_min ? ` · ${params.label_min}` : ""}</span>
      <span className="h-1.5 flex-1 rounded-full bg-gradient-to-r from-slate-200 to-indigo-400" aria-hidden />
      <span className="text-slate-600">{params.label_max ? `${params.label_max} · ` : ""}{params.rating_max}</span>
      <span className="text-xs text-slate-400">step {params.rating_step}</span>
    </div>
  );
}

/** What the answer page asked for, beyond the instruction: choices, scale, validation, marks. */
function AskedFor({ type, params }: { type: RequestType; params: AnyParams }) {
  switch (type) {
    case "multiple-choice":
      return <ChoicesShown params={params as ParamsByType["multiple-choice"]} />;
    case "rating":
      return <ScaleShown params={params as ParamsByType["rating"]} />;
    case "free-text": {
      const validation = (params as ParamsByType["free-text"]).validation;
      return <Detail label="Answer">{validation === "number" ? "a number" : validation === "url" ? "a URL" : "free text"}</Detail>;
    }
    case "image":
    case "video":
    case "audio":
      return <Detail label="Answer">an uploaded {type === "audio" ? "audio file" : type}</Detail>;
    default: {
      const p = params as ParamsByType["annotations-with-rating"];
      const max = p.max_annotations ? `at most ${p.max_annotations}` : "no maximum";
      return (
        <div className="space-y-3">
          <Detail label="Marks">{p.annotations_type === "rectangle" ? "rectangles" : p.attachments_type === "audio" ? "moments" : "points"}, at least {p.min_annotations}, {max}</Detail>
          {p.per_annotation ? (
            <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
              <p className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">For each mark</p>
              <p className="mb-2 text-sm font-medium text-slate-900">{p.per_annotation.instruction}</p>
              <AskedFor type={type.replace("annotations-with-", "") as RequestType} params={{ ...p.per_annotation, attachments: [], attachments_type: "text" } as unknown as AnyParams} />
            </div>
          ) : null}
        </div>
      );
    }
  }
}

/**
 * The question as the cruncher saw it: instruction, attachments by their type, and what was asked
 * for. The review page shows it; the work page builds the interactive version from the same parts.
 */
export function QuestionView({ type, params }: { type: RequestType; params: AnyParams }) {
  return (
    <div className="space-y-4">
      <p className="whitespace-pre-wrap text-base font-medium leading-snug text-slate-900">{params.instruction}</p>
      {params.attachments.length ? <AttachmentList kind={params.attachments_type} values={params.attachments} /> : null}
      <AskedFor type={type} params={params} />
    </div>
  );
}
