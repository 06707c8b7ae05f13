"use client";

import { useEffect, useRef, useState } from "react";
import { LIMITS } from "@/lib/tasks/limits";
import type { AnnotationRequestType } from "@/lib/tasks/request-types";
import { AnnotationCanvas, type SurfaceKind } from "../_shared/annotation-canvas";
import { Kbd } from "../_shared/kbd";
import { colorAt, type MarkPosition } from "../_shared/marks";
import { choiceIndexOfKey, isTyping, useShortcuts } from "../use-shortcuts";
import { AudioMarker } from "./audio-marker";
import { toggleChoice } from "./controls";
import { MarkList, MarkPanel, markTitle, subQuestionOf, type DraftMark } from "./mark-panel";
import type { AnswerProps } from "./types";
import { clearDraft, loadDraft, saveDraft } from "../work-drafts";

/** The answer as the API returns it: document field order, no client-side ids. */
function toAnswer(marks: DraftMark[], withResponse: boolean): unknown[] {
  return marks.map(({ x, y, x2, y2, t, attachment_index, response }) => ({
    ...(x !== undefined ? { x, y } : {}),
    ...(x2 !== undefined ? { x2, y2 } : {}),
    ...(t !== undefined ? { t } : {}),
    ...(attachment_index !== undefined ? { attachment_index } : {}),
    ...(withResponse ? { response } : {}),
  }));
}

/** A stored draft, if it is a list of marks (anything else is ignored). */
function validDraft(value: unknown): DraftMark[] {
  if (!Array.isArray(value)) return [];
  return value.filter((m): m is DraftMark => typeof m === "object" && m !== null && typeof (m as DraftMark).id === "number");
}

/**
 * Annotations over one or more attachments: click for points, drag for rectangles (image, video,
 * text, website), or mark moments of audio. Marks are listed, selectable and deletable; min and max
 * are enforced; for the annotations-with-* types the selected mark's question is answered beside it.
 */
export function AnnotationAnswer({ task, onChange, draftKey }: AnswerProps<AnnotationRequestType>) {
  const p = task.params;
  const sub = subQuestionOf(task.type, p as { per_annotation?: unknown });
  const kind = p.attachments_type;
  const several = p.attachments.length > 1;
  /** The requester's title of each mark (responseTitles), in the order marks are made. */
  const titles = p.responseTitles;
  const max = p.max_annotations || LIMITS.annotations;
  // Marks drawn before a reload come back (this page renders only in the browser, after a lease).
  const [restored] = useState(() => validDraft(loadDraft<DraftMark[]>(draftKey)));
  const [marks, setMarks] = useState<DraftMark[]>(restored);
  const [selected, setSelected] = useState<number | null>(null);
  const [note, setNote] = useState<string | null>(restored.length ? `Your ${restored.length} unsent mark${restored.length === 1 ? " was" : "s were"} restored.` : null);
  const nextId = useRef(restored.reduce((n, m) => Math.max(n, m.id + 1), 1));

  useEffect(() => {
    if (restored.length) onChange(toAnswer(restored, sub !== null));
    // Once, for the restored draft; later changes report through update().
  }, []);
  const audios = useRef(new Map<number, HTMLAudioElement>());
  const activeAudio = useRef(0);

  // Undo and redo over what was drawn, moved, answered or deleted (the last 100 steps).
  const undoStack = useRef<DraftMark[][]>([]);
  const redoStack = useRef<DraftMark[][]>([]);
  const [, setHistoryVersion] = useState(0);
  /** Edits of one mark's answer in a row (a slider's steps, typing) undo as one step. */
  const lastEdit = useRef<string | null>(null);
  function update(next: DraftMark[], from: "edit" | "history" = "edit", editKey: string | null = null) {
    if (from === "edit" && (editKey === null || editKey !== lastEdit.current)) {
      undoStack.current = [...undoStack.current.slice(-99), marks];
      redoStack.current = [];
    }
    lastEdit.current = from === "edit" ? editKey : null;
    setHistoryVersion((v) => v + 1);
    setMarks(next);
    onChange(toAnswer(next, sub !== null));
    if (next.length) saveDraft(draftKey, next);
    else clearDraft(draftKey);
  }
  function add(attachmentIndex: number, position: MarkPosition) {
    if (marks.length >= max) {
      setNote(`This task takes at most ${max} mark${max === 1 ? "" : "s"}: delete one to add another.`);
      return;
    }
    setNote(null);
    const mark: DraftMark = { id: nextId.current++, ...position, ...(several ? { attachment_index: attachmentIndex } : {}) };
    update([...marks, mark]);
    setSelected(mark.id);
  }
  function change(id: number, patch: Partial<DraftMark>) {
    update(
      marks.map((m) => (m.id === id ? { ...m, ...patch } : m)),
      "edit",
      `${id}:${Object.keys(patch).join(",")}`,
    );
  }
  function remove(id: number) {
    setNote(null);
    update(marks.filter((m) => m.id !== id));
    if (selected === id) setSelected(null);
  }

  function undo() {
    const previous = undoStack.current.pop();
    if (!previous) return;
    redoStack.current.push(marks);
    setNote(null);
    update(previous, "history");
    if (selected !== null && !previous.some((m) => m.id === selected)) setSelected(null);
  }
  function redo() {
    const next = redoStack.current.pop();
    if (!next) return;
    undoStack.current.push(marks);
    update(next, "history");
  }

  const current = marks.find((m) => m.id === selected) ?? null;
  useShortcuts((event) => {
    if (isTyping(event)) return false;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
      if (event.shiftKey) redo();
      else undo();
      return true;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "y") {
      redo();
      return true;
    }
    if ((event.key === "Delete" || event.key === "Backspace") && current) {
      remove(current.id);
      return true;
    }
    if (event.key === "Escape") {
      setSelected(null);
      return true;
    }
    if ((event.key === "]" || event.key === "[") && marks.length) {
      const at = marks.findIndex((m) => m.id === selected);
      const step = event.key === "]" ? 1 : -1;
      setSelected(marks[(at + step + marks.length) % marks.length]!.id);
      return true;
    }
    if (kind === "audio" && event.key.toLowerCase() === "m") {
      const audio = audios.current.get(activeAudio.current);
      add(activeAudio.current, { t: Math.round((audio?.currentTime ?? 0) * 10) / 10 });
      return true;
    }
    const index = choiceIndexOfKey(event.key);
    if (index !== null && current && sub?.type === "annotations-with-multiple-choice" && index < sub.params.choices.length) {
      change(current.id, { response: toggleChoice(sub.params, (current.response as string[] | undefined) ?? [], index).picked });
      return true;
    }
    return false;
  });

  const range = max === LIMITS.annotations ? `at least ${p.min_annotations}` : p.min_annotations === max ? `exactly ${max}` : `${p.min_annotations} to ${max}`;
  return (
    <div className="grid grid-cols-1 gap-5 xl:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-4">
        {p.attachments.map((src, i) => (
          <figure key={i} className="space-y-1.5">
            {several ? <figcaption className="text-xs font-medium uppercase tracking-wide text-slate-500">Attachment {i + 1}</figcaption> : null}
            {kind === "audio" ? (
              <AudioMarker
                src={src}
                audioRef={(el) => {
                  if (el) {
                    audios.current.set(i, el);
                    el.onplay = () => (activeAudio.current = i);
                  } else audios.current.delete(i);
                }}
                marks={marks.flatMap((m, n) => ((m.attachment_index ?? 0) === i ? [{ id: m.id, t: m.t, number: n + 1, selected: m.id === selected }] : []))}
                onMark={(t) => add(i, { t })}
                onSelect={setSelected}
              />
            ) : (
              <AnnotationCanvas
                kind={kind as SurfaceKind}
                src={src}
                marks={marks.flatMap((m, n) =>
                  (m.attachment_index ?? 0) === i ? [{ ...m, key: String(m.id), label: String(n + 1), color: colorAt(n), selected: m.id === selected, onSelect: () => setSelected(m.id) }] : [],
                )}
                draw={{ shape: p.annotations_type, onAdd: (pos) => add(i, pos), onEmptyClick: () => setSelected(null) }}
              />
            )}
          </figure>
        ))}
      </div>
      <aside className="space-y-3">
        <div className="flex items-baseline justify-between">
          <h3 className="text-sm font-semibold text-slate-900">Marks</h3>
          <span className="text-xs text-slate-500" data-testid="mark-count">{marks.length} · {range}</span>
        </div>
        <div className="flex gap-2" role="toolbar" aria-label="History">
          <button type="button" onClick={undo} disabled={!undoStack.current.length} className="min-h-9 rounded-md border border-slate-300 px-3 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40" data-own-enter="">
            Undo
          </button>
          <button type="button" onClick={redo} disabled={!redoStack.current.length} className="min-h-9 rounded-md border border-slate-300 px-3 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40" data-own-enter="">
            Redo
          </button>
        </div>
        <p className="text-xs leading-relaxed text-slate-500">
          {kind === "audio" ? "Play the audio and add marks at the right moments." : p.annotations_type === "rectangle" ? "Drag over the attachment to draw a box." : "Tap or click the attachment to place a point."}{" "}
          {kind === "video" ? "Each mark takes the video's current time. " : ""}Select a mark to {sub ? "answer its question" : "review it"}; <Kbd>Del</Kbd> deletes it, <Kbd>[</Kbd> <Kbd>]</Kbd> move between marks, <Kbd>Ctrl Z</Kbd> undoes.
        </p>
        {note ? <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{note}</p> : null}
        {titles && marks.length < titles.length ? (
          <p className="text-sm text-slate-700" data-testid="next-mark-title">
            Next mark: <span className="font-medium text-slate-900">{titles[marks.length]}</span>
          </p>
        ) : null}
        <MarkList marks={marks} selected={selected} sub={sub} several={several} titles={titles} onSelect={setSelected} onDelete={remove} />
        {/* A plain mark on a picture has nothing more to answer: no empty panel for it. */}
        {current && (sub || kind === "video" || kind === "audio") ? (
          <MarkPanel
            mark={current}
            title={markTitle(titles, marks.indexOf(current))}
            sub={sub}
            timed={kind === "video" || kind === "audio"}
            onResponse={(response) => change(current.id, { response })}
            onTime={(t) => change(current.id, { t })}
          />
        ) : sub && marks.length ? (
          <p className="text-sm text-slate-500">Select a mark to answer: {sub.params.instruction}</p>
        ) : null}
      </aside>
    </div>
  );
}
