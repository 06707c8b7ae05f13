"use client";

import { cx } from "@/components/ui";

export const ZOOM_STEPS = [1, 1.5, 2, 3, 4] as const;

const button = "inline-flex h-9 min-w-9 items-center justify-center rounded-md border border-slate-300 bg-white px-2 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40";

/**
 * Zoom in and out of an attachment to mark small things, and switch between drawing and moving
 * around (on a touch screen a finger either draws or scrolls the zoomed picture).
 */
export function ZoomControls({ zoom, onZoom, moving, onMoving }: { zoom: number; onZoom: (z: number) => void; moving: boolean; onMoving: (m: boolean) => void }) {
  const at = ZOOM_STEPS.findIndex((z) => z >= zoom);
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs" role="toolbar" aria-label="Zoom">
      <button type="button" className={button} aria-label="Zoom out" disabled={at <= 0} onClick={() => onZoom(ZOOM_STEPS[Math.max(0, at - 1)]!)} data-own-enter="">
        −
      </button>
      <span className="w-12 text-center tabular-nums text-slate-600" data-testid="zoom-level">{Math.round(zoom * 100)}%</span>
      <button type="button" className={button} aria-label="Zoom in" disabled={at >= ZOOM_STEPS.length - 1} onClick={() => onZoom(ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, at + 1)]!)} data-own-enter="">
        +
      </button>
      {zoom > 1 ? (
        <>
          <button type="button" className={button} onClick={() => onZoom(1)} data-own-enter="">
            Fit
          </button>
          <span className="ml-1 inline-flex rounded-md bg-slate-100 p-0.5" role="group" aria-label="Finger or mouse">
            {([false, true] as const).map((m) => (
              <button
                key={String(m)}
                type="button"
                aria-pressed={moving === m}
                onClick={() => onMoving(m)}
                data-own-enter=""
                className={cx("h-8 rounded px-2.5 font-medium", moving === m ? "bg-white text-slate-900 shadow-sm" : "text-slate-600")}
              >
                {m ? "Move" : "Draw"}
              </button>
            ))}
          </span>
        </>
      ) : null}
    </div>
  );
}
