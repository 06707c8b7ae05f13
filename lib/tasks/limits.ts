/** Bounds the document leaves open, chosen so one request fits one worker page. */
export const LIMITS = {
  instructionChars: 10_000,
  attachments: 100,
  attachmentChars: 100_000,
  choices: 100,
  choiceChars: 2_000,
  labelChars: 200,
  /** A free-text answer. */
  answerChars: 10_000,
  /** Hard cap on annotations per answer (also bounds the agreement matching). */
  annotations: 500,
  excludeCrunchers: 1_000,
  cruncherIdChars: 200,
  /** confidence.max_crunchers ceiling. */
  crunchers: 25,
  urlChars: 2_048,
  /** rating_max − rating_min over rating_step, so the scale stays a usable slider. */
  ratingSteps: 1_000_000,
  /** A batch name (params.batch). */
  batchChars: 100,
  /** One of responseTitles (at most `annotations` of them). */
  responseTitleChars: 200,
} as const;
