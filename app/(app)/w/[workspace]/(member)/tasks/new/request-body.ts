import type { RequestType } from "@/lib/tasks/request-types";
import type { ContentType } from "@/lib/tasks/types/shared-fields";
import { EMPTY_QUESTION, lines, numberField, QUESTION_FORMS, textField, type QuestionFields } from "./question-fields";

export interface RequestForm extends QuestionFields {
  type: RequestType;
  mode: "live" | "test";
  instruction: string;
  attachments_type: ContentType;
  attachments: string;
  annotations_type: "point" | "rectangle";
  min_annotations: string;
  max_annotations: string;
  sub: QuestionFields & { instruction: string };
  useConfidence: boolean;
  min_agreements: string;
  max_crunchers: string;
  hook_url: string;
  exclude_crunchers: string;
  block: boolean;
}

export const EMPTY_FORM: RequestForm = {
  ...EMPTY_QUESTION,
  type: "multiple-choice",
  mode: "test",
  instruction: "",
  attachments_type: "text",
  attachments: "",
  annotations_type: "point",
  min_annotations: "",
  max_annotations: "",
  sub: { ...EMPTY_QUESTION, instruction: "" },
  useConfidence: false,
  min_agreements: "2",
  max_crunchers: "3",
  hook_url: "",
  exclude_crunchers: "",
  block: true,
};

/** The plain type asked per mark by an annotations-with-* type ("annotations-with-rating" → "rating"). */
export const perMarkTypeOf = (type: RequestType) => (type.startsWith("annotations-with-") ? (type.slice("annotations-with-".length) as RequestType) : null);

/** The JSON body POST /v1/requests/<type> would get for this form. */
export function requestBodyOf(form: RequestForm): Record<string, unknown> {
  const body: Record<string, unknown> = { instruction: form.instruction, attachments_type: form.attachments_type, attachments: lines(form.attachments) };
  const t = form.type;
  Object.assign(body, QUESTION_FORMS[t]?.body(form));
  if (t.startsWith("annotations")) {
    body.annotations_type = form.annotations_type;
    numberField(body, "min_annotations", form.min_annotations);
    numberField(body, "max_annotations", form.max_annotations);
    const perMark = perMarkTypeOf(t);
    if (perMark) body.per_annotation = { instruction: form.sub.instruction, ...QUESTION_FORMS[perMark]?.body(form.sub) };
  }
  if (form.useConfidence) {
    const confidence: Record<string, unknown> = { strategy: "majority" };
    numberField(confidence, "min_agreements", form.min_agreements);
    numberField(confidence, "max_crunchers", form.max_crunchers);
    body.confidence = confidence;
  }
  textField(body, "hook_url", form.hook_url);
  const excluded = form.exclude_crunchers.split(/[\s,]+/).filter(Boolean);
  if (excluded.length) body.exclude_crunchers = excluded;
  return body;
}
