import type { ComponentType, ReactNode } from "react";
import type { ParamsByType, RequestType } from "@/lib/tasks/request-types";
import { ChoicesAskedFor, FileAskedFor, FreeTextAskedFor, MarksAskedFor, ScaleAskedFor } from "./_shared/asked-for";
import { AnnotationAnswer } from "./answers/annotation-answer";
import { MediaUploadAnswer } from "./answers/media-upload-answer";
import { FreeTextAnswer, MultipleChoiceAnswer, RatingAnswer } from "./answers/plain-answers";
import type { AnswerProps } from "./answers/types";

/** How the pages show one request type: the cruncher's answer page, and what was asked for (beyond instruction and attachments). */
export interface RequestView<T extends RequestType> {
  AnswerPage: ComponentType<AnswerProps<T>>;
  AskedFor?: (props: { params: ParamsByType[T] }) => ReactNode;
}

// The lib/tasks/types modules hold everything else about a type; this is the pages' part.
export const REQUEST_VIEWS: { [T in RequestType]: RequestView<T> } = {
  "multiple-choice": { AnswerPage: MultipleChoiceAnswer, AskedFor: ChoicesAskedFor },
  "free-text": { AnswerPage: FreeTextAnswer, AskedFor: FreeTextAskedFor },
  rating: { AnswerPage: RatingAnswer, AskedFor: ScaleAskedFor },
  image: { AnswerPage: MediaUploadAnswer, AskedFor: () => <FileAskedFor type="image" /> },
  video: { AnswerPage: MediaUploadAnswer, AskedFor: () => <FileAskedFor type="video" /> },
  audio: { AnswerPage: MediaUploadAnswer, AskedFor: () => <FileAskedFor type="audio" /> },
  annotations: { AnswerPage: AnnotationAnswer, AskedFor: ({ params }) => <MarksAskedFor params={params} /> },
  "annotations-with-multiple-choice": {
    AnswerPage: AnnotationAnswer,
    AskedFor: ({ params: p }) => <MarksAskedFor params={p} perMark={{ instruction: p.per_annotation.instruction, question: <ChoicesAskedFor params={p.per_annotation} /> }} />,
  },
  "annotations-with-free-text": {
    AnswerPage: AnnotationAnswer,
    AskedFor: ({ params: p }) => <MarksAskedFor params={p} perMark={{ instruction: p.per_annotation.instruction, question: <FreeTextAskedFor params={p.per_annotation} /> }} />,
  },
  "annotations-with-rating": {
    AnswerPage: AnnotationAnswer,
    AskedFor: ({ params: p }) => <MarksAskedFor params={p} perMark={{ instruction: p.per_annotation.instruction, question: <ScaleAskedFor params={p.per_annotation} /> }} />,
  },
};

/** The view of a type known only at run time (TypeScript cannot pair a union's type with its params). */
export const requestViewOf = <T extends RequestType>(type: T) => REQUEST_VIEWS[type] as unknown as RequestView<RequestType>;
