import { z } from "zod";

// The deployment page's operations-log filter, as its query string carries it (?source=&q=&from=&to=):
// parsed once for the page route and the export route, bounded so a client cannot make a query costly.

export const OPERATION_SOURCES = ["predict", "external"] as const;
export type OperationSource = (typeof OPERATION_SOURCES)[number];

export interface OperationsFilter {
  source?: OperationSource;
  /** Case-insensitive substring of the operation's input or output, as JSON text. */
  text?: string;
  /** Inclusive lower bound of created_at. */
  from?: Date;
  /** Exclusive upper bound of created_at. */
  to?: Date;
}

export const MAX_FILTER_TEXT = 200;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/** 2026-02-30 parses (as March 2nd); a day that does not round-trip does not exist. */
const realDay = (day: string) => new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

/**
 * An instant with its zone (2026-12-07T10:00:00Z, …+01:00) or a UTC day (2026-12-07). As an upper
 * bound a day means its end, so from=to=2026-12-07 is that whole day.
 */
const instant = (name: string, dayEnds = false) =>
  z
    .string()
    .trim()
    .max(40, { error: `${name} is too long.` })
    .refine((s) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(s) && Number.isFinite(Date.parse(s)) && realDay(s.slice(0, 10)), {
      error: `${name} must be a date (YYYY-MM-DD) or a time with its zone (YYYY-MM-DDTHH:MM:SSZ).`,
    })
    .transform((s) => new Date(Date.parse(s) + (dayEnds && DAY.test(s) ? DAY_MS : 0)));

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** The filter's query fields; add them to a route's query with `filteredQuery`. */
export const operationsFilterFields = {
  source: z.preprocess(blankToUndefined, z.enum(OPERATION_SOURCES, { error: "source is predict or external." }).optional()),
  q: z.preprocess(blankToUndefined, z.string().max(MAX_FILTER_TEXT, { error: `q has at most ${MAX_FILTER_TEXT} characters.` }).optional()),
  from: z.preprocess(blankToUndefined, instant("from").optional()),
  to: z.preprocess(blankToUndefined, instant("to", true).optional()),
};

const fromBeforeTo = ({ from, to }: { from?: Date; to?: Date }) => !from || !to || from.getTime() < to.getTime();

/** A route's query with the filter's fields (and their check that from comes before to). */
export function filteredQuery<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...operationsFilterFields, ...shape })
    .refine((f) => fromBeforeTo(f as { from?: Date; to?: Date }), { error: "from must be before to.", path: ["from"] });
}

export const operationsFilterQuery = filteredQuery({});

export type OperationsFilterQuery = z.infer<typeof operationsFilterQuery>;

/** The parsed query as the store's filter. */
export const operationsFilterOf = (query: Pick<OperationsFilterQuery, "source" | "q" | "from" | "to">): OperationsFilter => ({ source: query.source, text: query.q, from: query.from, to: query.to });

export const isFiltered = (filter: OperationsFilter): boolean => Boolean(filter.source || filter.text || filter.from || filter.to);

/** The filter as a query string for the page and export routes (empty parts left out). */
export function operationsFilterParams(filter: { source?: string; text?: string; from?: string; to?: string }): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.source) params.set("source", filter.source);
  if (filter.text) params.set("q", filter.text);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  return params;
}
