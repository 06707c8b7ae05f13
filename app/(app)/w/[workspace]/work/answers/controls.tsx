"use client";

import { useId } from "react";
import { cx } from "@/components/ui";
import { validateFreeTextAnswer } from "@/lib/tasks/types/free-text";
import type { FreeTextRules } from "@/lib/tasks/types/free-text";
import type { ChoiceRules } from "@/lib/tasks/types/multiple-choice";
import type { RatingRules } from "@/lib/tasks/types/rating";
import type { ContentType } from "@/lib/tasks/types/shared-fields";
import { AttachmentView } from "../_shared/attachment-view";
import { Kbd } from "../_shared/kbd";

/**
 * The controls of the plain question types, controlled by their parent: the top-level answer pages
 * and the per-annotation panel use the same ones.
 */

export function choiceLimits(rules: ChoiceRules): { min: number; max: number; single: boolean; hint: string } {
  const max = Math.min(rules.max_answers || rules.choices.length, rules.choices.length);
  const min = rules.min_answers;
  const hint = max === 1 ? "Choose one." : min === max ? `Choose exactly ${min}.` : min === 0 ? `Choose up to ${max}, or none.` : `Choose ${min} to ${max}.`;
  return { min, max, single: max === 1, hint };
}

/** Picks choice `index`: a single-answer question replaces the pick; otherwise it toggles, up to max. */
export function toggleChoice(rules: ChoiceRules, picked: string[], index: number): { picked: string[]; refused?: string } {
  const choice = rules.choices[index];
  if (choice === undefined) return { picked };
  const { max, single } = choiceLimits(rules);
  if (picked.includes(choice)) return { picked: picked.filter((c) => c !== choice) };
  if (single) return { picked: [choice] };
  if (picked.length >= max) return { picked, refused: `At most ${max} answers; unselect one first.` };
  return { picked: rules.choices.filter((c) => c === choice || picked.includes(c)) };
}

export function ChoiceList({ rules, kind, picked, onPick, label }: { rules: ChoiceRules; kind: ContentType; picked: string[]; onPick: (index: number) => void; label: string }) {
  const { single } = choiceLimits(rules);
  const media = kind !== "text";
  return (
    <div role={single ? "radiogroup" : "group"} aria-label={label} className={cx("grid gap-2", media ? "sm:grid-cols-2" : "")}>
      {rules.choices.map((choice, i) => {
        const on = picked.includes(choice);
        return (
          <div key={choice} className={cx("rounded-lg border transition", on ? "border-indigo-500 bg-indigo-50 ring-1 ring-indigo-500" : "border-slate-200 bg-white hover:border-slate-300")}>
            <button
              type="button"
              role={single ? "radio" : "checkbox"}
              aria-checked={on}
              onClick={() => onPick(i)}
              className="flex w-full items-center gap-3 px-3 py-2.5 text-left text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
            >
              {i < 10 ? <Kbd>{i === 9 ? 0 : i + 1}</Kbd> : <span className="w-6" />}
              <span className={cx("flex h-4 w-4 shrink-0 items-center justify-center border", single ? "rounded-full" : "rounded", on ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300 bg-white")} aria-hidden>
                {on ? <svg viewBox="0 0 12 12" className="h-3 w-3" fill="none" stroke="currentColor" strokeWidth="2"><path d="M2.5 6.5l2.5 2.5 4.5-5" /></svg> : null}
              </span>
              <span className={cx("min-w-0 flex-1 break-words", on ? "font-medium text-indigo-900" : "text-slate-800")}>{media ? `Choice ${i + 1}` : choice}</span>
            </button>
            {media ? (
              <div className="px-3 pb-3">
                <AttachmentView kind={kind} value={choice} compact />
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** The value a number key picks on this scale ("3" → 3), or null when it is not one of its values. */
export function ratingOfKey(rules: RatingRules, key: string): number | null {
  if (!/^[0-9]$/.test(key)) return null;
  const n = Number(key);
  if (n < rules.rating_min || n > rules.rating_max) return null;
  const steps = (n - rules.rating_min) / rules.rating_step;
  return Math.abs(steps - Math.round(steps)) < 1e-9 ? n : null;
}

export function RatingSlider({ rules, labelMin, labelMax, value, onChange, label, autoFocus }: { rules: RatingRules; labelMin?: string; labelMax?: string; value: number | undefined; onChange: (v: number) => void; label: string; autoFocus?: boolean }) {
  const mid = rules.rating_min + Math.round((rules.rating_max - rules.rating_min) / rules.rating_step / 2) * rules.rating_step;
  const id = useId();
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">{label}</label>
        <span className={cx("text-2xl font-semibold tabular-nums", value === undefined ? "text-slate-300" : "text-indigo-700")} data-testid="rating-value">
          {value === undefined ? "—" : Number(value.toPrecision(12))}
        </span>
      </div>
      <input
        id={id}
        type="range"
        min={rules.rating_min}
        max={rules.rating_max}
        step={rules.rating_step}
        value={value ?? mid}
        autoFocus={autoFocus}
        onChange={(e) => onChange(Number(e.target.value))}
        onKeyDown={(e) => {
          const typed = ratingOfKey(rules, e.key);
          if (typed === null) return;
          e.preventDefault();
          e.stopPropagation();
          onChange(typed);
        }}
        aria-valuetext={value === undefined ? "no value chosen" : undefined}
        className={cx(
          "h-8 w-full rounded accent-indigo-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-300 focus-visible:ring-offset-2",
          // No value yet: no thumb pretending one was chosen at mid-range.
          value === undefined && "opacity-60 [&::-moz-range-thumb]:opacity-0 [&::-webkit-slider-thumb]:opacity-0",
        )}
      />
      <div className="flex justify-between gap-4 text-xs text-slate-500">
        <span><span className="font-mono">{rules.rating_min}</span>{labelMin ? ` · ${labelMin}` : ""}</span>
        <span className="text-right">{labelMax ? `${labelMax} · ` : ""}<span className="font-mono">{rules.rating_max}</span></span>
      </div>
      {value === undefined ? (
        <p className="text-xs text-slate-500">
          Tap or drag the slider, use ← →{ratingOfKey(rules, String(rules.rating_min)) !== null ? " or type a number" : ""} to choose a value (steps of {rules.rating_step}).
        </p>
      ) : null}
    </div>
  );
}

const VALIDATION_HINT = { number: "A number, e.g. 42 or -3.5", url: "A full address starting with https://" } as const;

/** Free text, checked as it is typed against the request's validation (number or url). */
export function TextAnswerInput({ rules, value, onChange, label, autoFocus }: { rules: FreeTextRules; value: string; onChange: (v: string) => void; label: string; autoFocus?: boolean }) {
  const id = useId();
  const checked = value.trim() ? validateFreeTextAnswer(rules, value) : null;
  const problem = checked && !checked.ok ? checked.errors[0]!.message : null;
  const shared = {
    id,
    value,
    autoFocus,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    "aria-invalid": problem ? true : undefined,
    "aria-describedby": `${id}-note`,
    className: cx("block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-1", problem ? "border-red-400 focus:border-red-500 focus:ring-red-500" : "border-slate-300 focus:border-indigo-500 focus:ring-indigo-500"),
  };
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      {rules.validation ? (
        <input {...shared} type="text" inputMode={rules.validation === "number" ? "decimal" : "url"} placeholder={VALIDATION_HINT[rules.validation]} autoComplete="off" />
      ) : (
        <textarea {...shared} rows={4} placeholder="Type your answer" />
      )}
      <p id={`${id}-note`} className={cx("text-xs", problem ? "text-red-600" : "text-slate-500")} role={problem ? "alert" : undefined}>
        {problem ?? (rules.validation ? VALIDATION_HINT[rules.validation] : "Shift+Enter starts a new line.")}
      </p>
    </div>
  );
}
