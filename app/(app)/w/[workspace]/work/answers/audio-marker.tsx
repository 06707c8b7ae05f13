"use client";

import { useState } from "react";
import { Kbd } from "../_shared/kbd";
import { colorAt, formatSeconds } from "../_shared/marks";

/**
 * Audio is annotated in time only: play it and add a mark at the current moment (button or M).
 * The marks appear on a timeline under the player; click one to select it.
 */
export function AudioMarker({
  src,
  marks,
  onMark,
  onSelect,
  audioRef,
}: {
  src: string;
  marks: { id: number; t?: number; number: number; selected: boolean }[];
  onMark: (t: number) => void;
  onSelect: (id: number) => void;
  audioRef: (element: HTMLAudioElement | null) => void;
}) {
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const span = duration || Math.max(1, ...marks.map((m) => m.t ?? 0));
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <audio
        ref={audioRef}
        src={src}
        controls
        preload="metadata"
        className="w-full"
        onLoadedMetadata={(e) => setDuration(e.currentTarget.duration || 0)}
        onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
      />
      <div className="relative h-8 rounded bg-slate-100" aria-label="Timeline of marks">
        <div className="absolute inset-y-0 w-px bg-slate-500" style={{ left: `${(time / span) * 100}%` }} />
        {marks.map((m) => (
          <button
            key={m.id}
            type="button"
            onClick={() => onSelect(m.id)}
            title={`Mark ${m.number} at ${formatSeconds(m.t ?? 0)}`}
            className="absolute top-1 flex h-6 w-6 -translate-x-1/2 items-center justify-center rounded-full text-[11px] font-bold text-white ring-2"
            style={{ left: `${((m.t ?? 0) / span) * 100}%`, background: colorAt(m.number - 1), boxShadow: m.selected ? "0 0 0 3px #1e1b4b" : undefined }}
          >
            {m.number}
          </button>
        ))}
      </div>
      <button type="button" onClick={() => onMark(Math.round(time * 10) / 10)} className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
        Add a mark at {formatSeconds(time)} <Kbd>M</Kbd>
      </button>
    </div>
  );
}
