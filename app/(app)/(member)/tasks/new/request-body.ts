import type { RequestType } from "@/lib/tasks/request-types";
import type { ContentType } from "@/lib/tasks/types/shared-fields";

/** The fields of the plain question types; per_annotation uses the same ones. */
export interface PlainFields {
  choices_type: ContentType;
  choices: string;
  min_answers: string;
  max_answers: string;
  validation: "" | "number" | "url";
  rating_min: string;
  rating_max: string;
  rating_step: string;
  label_min: string;
  label_max: string;
}

export interface RequestForm extends PlainFields {
  type: RequestType;
  mode: "live" | "test";
  instruction: string;
  attachments_type: ContentType;
  attachments: string;
  annotations_type: "point" | "rectangle";
  min_annotations: string;
  max_annotations: string;
  sub: PlainFields & { instruction: string };
  useConfidence: boolean;
  min_agreements: string;
  max_crunchers: string;
  hook_url: string;
  exclude_crunchers: string;
  block: boolean;
}

const PLAIN: PlainFields = {
  choices_type: "text",
  choices: "",
  min_answers: "",
  max_answers: "",
  validation: "",
  rating_min: "",
  rating_max: "",
  rating_step: "",
  label_min: "",
  label_max: "",
};

export const EMPTY_FORM: RequestForm = {
  ...PLAIN,
  type: "multiple-choice",
  mode: "test",
  instruction: "",
  attachments_type: "text",
  attachments: "",
  annotations_type: "point",
  min_annotations: "",
  max_annotations: "",
  sub: { ...PLAIN, instruction: "" },
  useConfidence: false,
  min_agreements: "2",
  max_crunchers: "3",
  hook_url: "",
  exclude_crunchers: "",
  block: true,
};

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

/** Empty means "use the default"; anything else is sent as a number when it is one, else as typed (and reported). */
function numberField(out: Record<string, unknown>, name: string, text: string) {
  const trimmed = text.trim();
  if (!trimmed) return;
  out[name] = Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

function textField(out: Record<string, unknown>, name: string, text: string) {
  if (text.trim()) out[name] = text.trim();
}

function plainBody(kind: "multiple-choice" | "free-text" | "rating", f: PlainFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (kind === "multiple-choice") {
    out.choices_type = f.choices_type;
    out.choices = lines(f.choices);
    numberField(out, "min_answers", f.min_answers);
    numberField(out, "max_answers", f.max_answers);
  } else if (kind === "free-text") {
    if (f.validation) out.validation = f.validation;
  } else {
    for (const name of ["rating_min", "rating_max", "rating_step"] as const) numberField(out, name, f[name]);
    textField(out, "label_min", f.label_min);
    textField(out, "label_max", f.label_max);
  }
  return out;
}

/** The JSON body POST /v1/requests/<type> would get for this form. */
export function requestBodyOf(form: RequestForm): Record<string, unknown> {
  const body: Record<string, unknown> = { instruction: form.instruction, attachments_type: form.attachments_type, attachments: lines(form.attachments) };
  const t = form.type;
  if (t === "multiple-choice" || t === "free-text" || t === "rating") Object.assign(body, plainBody(t, form));
  if (t.startsWith("annotations")) {
    body.annotations_type = form.annotations_type;
    numberField(body, "min_annotations", form.min_annotations);
    numberField(body, "max_annotations", form.max_annotations);
    if (t !== "annotations") {
      const kind = t.replace("annotations-with-", "") as "multiple-choice" | "free-text" | "rating";
      body.per_annotation = { instruction: form.sub.instruction, ...plainBody(kind, form.sub) };
    }
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
