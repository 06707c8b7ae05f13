"use client";

import { useState } from "react";
import { choiceIndexOfKey, isTyping, useShortcuts } from "../use-shortcuts";
import { ChoiceList, choiceLimits, RatingSlider, TextAnswerInput, toggleChoice } from "./controls";
import type { AnswerProps } from "./types";

export function MultipleChoiceAnswer({ task, onChange }: AnswerProps<"multiple-choice">) {
  const rules = task.params;
  const [picked, setPicked] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  function pick(index: number) {
    const next = toggleChoice(rules, picked, index);
    setNote(next.refused ?? null);
    setPicked(next.picked);
    onChange(next.picked);
  }
  useShortcuts((event) => {
    const index = isTyping(event) ? null : choiceIndexOfKey(event.key);
    if (index === null || index >= rules.choices.length) return false;
    pick(index);
    return true;
  });
  return (
    <div className="space-y-3">
      {/* The requester's heading for the choices (responseTitles[0]). */}
      {rules.responseTitles?.[0]?.trim() ? <h3 className="break-words text-base font-semibold text-slate-900" data-testid="response-title">{rules.responseTitles[0]}</h3> : null}
      <p className="text-sm text-slate-600">{choiceLimits(rules).hint}</p>
      <ChoiceList rules={rules} kind={rules.choices_type} picked={picked} onPick={pick} label={rules.responseTitles?.[0]?.trim() || "Choices"} />
      {note ? <p role="status" className="text-sm text-amber-700">{note}</p> : null}
    </div>
  );
}

export function FreeTextAnswer({ task, onChange }: AnswerProps<"free-text">) {
  const [text, setText] = useState("");
  return (
    <TextAnswerInput
      rules={task.params}
      value={text}
      autoFocus
      label="Your answer"
      onChange={(v) => {
        setText(v);
        onChange(v);
      }}
    />
  );
}

export function RatingAnswer({ task, onChange }: AnswerProps<"rating">) {
  const [value, setValue] = useState<number | undefined>(undefined);
  const p = task.params;
  return (
    <RatingSlider
      rules={p}
      labelMin={p.label_min}
      labelMax={p.label_max}
      value={value}
      autoFocus
      label="Your rating"
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
    />
  );
}
