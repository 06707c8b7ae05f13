import type { ParamsByType, RequestType } from "@/lib/tasks/request-types";
import { requestViewOf } from "../request-views";
import { AttachmentList } from "./attachment-view";

type AnyParams = ParamsByType[RequestType];

/**
 * The question as the cruncher saw it: instruction, attachments by their type, and what was asked
 * for. The review page shows it; the work page builds the interactive version from the same parts.
 */
export function QuestionView({ type, params }: { type: RequestType; params: AnyParams }) {
  const { AskedFor } = requestViewOf(type);
  return (
    <div className="space-y-4">
      <p className="whitespace-pre-wrap text-base font-medium leading-snug text-slate-900">{params.instruction}</p>
      {params.attachments.length ? <AttachmentList kind={params.attachments_type} values={params.attachments} /> : null}
      {AskedFor ? <AskedFor params={params} /> : null}
    </div>
  );
}
