"use client";

import { useState } from "react";
import { cx } from "@/components/ui";
import type { Annotation } from "@/lib/tasks/types/annotation-marks";
import type { ContentType } from "@/lib/tasks/types/shared-fields";
import { AnnotationCanvas, type CanvasMark, type SurfaceKind } from "../../../work/_shared/annotation-canvas";
import { colorAt, formatSeconds } from "../../../work/_shared/marks";

export interface MarkLayer {
  id: string;
  /** "Final response" or the cruncher's letter and id. */
  label: string;
  /** Prefix of each mark's number: "" for the response, "A", "B"… for crunchers. */
  tag: string;
  color: string;
  /** Colour each mark like the numbered answer lists do (the final response), instead of the layer's colour. */
  colorByMark?: boolean;
  marks: Annotation[];
}

type Numbered = Annotation & { number: number };

function AudioTimeline({ src, layers }: { src: string; layers: { layer: MarkLayer; marks: Numbered[] }[] }) {
  const span = Math.max(1, ...layers.flatMap(({ marks }) => marks.map((m) => m.t ?? 0))) * 1.05;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <audio src={src} controls preload="metadata" className="w-full" />
      {layers.map(({ layer, marks }) => (
        <div key={layer.id} className="relative h-7 rounded bg-slate-100" aria-label={`Marks of ${layer.label}`}>
          {marks.map((m) => (
            <span key={m.number} title={formatSeconds(m.t ?? 0)} className="absolute top-0.5 flex h-6 min-w-6 -translate-x-1/2 items-center justify-center rounded-full px-1 text-[10px] font-bold text-white" style={{ left: `${((m.t ?? 0) / span) * 100}%`, background: layer.color }}>
              {layer.tag}{m.number}
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}

/**
 * The marks drawn where they were made (attachment pixels, whatever size the page shows it at):
 * the final response and each cruncher's answer as layers that can be shown or hidden.
 */
export function AnnotationReview({ kind, attachments, layers }: { kind: ContentType; attachments: string[]; layers: MarkLayer[] }) {
  const [shown, setShown] = useState<Set<string>>(() => new Set(layers.slice(0, 1).map((l) => l.id)));
  const visible = layers.filter((l) => shown.has(l.id));
  const toggle = (id: string) => setShown((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Layers">
        {layers.map((layer) => (
          <label key={layer.id} className={cx("inline-flex cursor-pointer items-center gap-2 rounded-full border px-3 py-1 text-sm", shown.has(layer.id) ? "border-slate-300 bg-white" : "border-slate-200 bg-slate-50 text-slate-400")}>
            <input type="checkbox" className="sr-only" checked={shown.has(layer.id)} onChange={() => toggle(layer.id)} />
            <span className="h-3 w-3 rounded-full" style={{ background: layer.color, opacity: shown.has(layer.id) ? 1 : 0.3 }} aria-hidden />
            {layer.label} <span className="text-xs text-slate-400">({layer.marks.length})</span>
          </label>
        ))}
      </div>
      {attachments.map((src, index) => {
        // Marks keep their number in the whole answer, as the answer lists show it.
        const on = visible.map((layer) => ({ layer, marks: layer.marks.map((m, i) => ({ ...m, number: i + 1 })).filter((m) => (m.attachment_index ?? 0) === index) }));
        return (
          <figure key={index} className="space-y-1.5" data-testid="annotation-review">
            {attachments.length > 1 ? <figcaption className="text-xs font-medium uppercase tracking-wide text-slate-500">Attachment {index + 1}</figcaption> : null}
            {kind === "audio" ? (
              <AudioTimeline src={src} layers={on} />
            ) : (
              <AnnotationCanvas
                kind={kind as SurfaceKind}
                src={src}
                marks={on.flatMap(({ layer, marks }) => marks.map(({ number, ...m }): CanvasMark => ({ ...m, key: `${layer.id}-${number}`, label: `${layer.tag}${number}`, color: layer.colorByMark ? colorAt(number - 1) : layer.color })))}
              />
            )}
          </figure>
        );
      })}
    </div>
  );
}
