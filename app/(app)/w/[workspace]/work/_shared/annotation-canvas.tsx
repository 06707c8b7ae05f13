"use client";

import { useCallback, useEffect, useRef, useState, type PointerEvent, type ReactNode } from "react";
import { naturalPoint, rectangleBetween, type MarkPosition, type Size } from "./marks";
import { VideoControls } from "./video-controls";
import { ZoomControls } from "./zoom-controls";

export interface CanvasMark extends MarkPosition {
  key: string;
  label: string;
  color: string;
  selected?: boolean;
  onSelect?: () => void;
}

export interface DrawOptions {
  shape: "point" | "rectangle";
  onAdd: (mark: MarkPosition) => void;
  onEmptyClick?: () => void;
}

export type SurfaceKind = "image" | "video" | "text" | "website";

/** Text and websites have no pixel size of their own; they are laid out in a box of fixed width. */
const TEXT_WIDTH = 720;
const WEBSITE_SIZE: Size = { width: 1024, height: 640 };
/** A drag shorter than this (screen pixels) is a click. */
const DRAG_THRESHOLD = 4;

function Overlay({ natural, shown, marks, draw, time, onPinch }: { natural: Size; shown: number; marks: CanvasMark[]; draw?: DrawOptions; time: number | null; onPinch?: (ratio: number, done: boolean) => void }) {
  const svg = useRef<SVGSVGElement>(null);
  // Two fingers down: a pinch (zoom), never a mark.
  const fingers = useRef(new Map<number, { x: number; y: number }>());
  const pinchFrom = useRef<number | null>(null);
  const spread = () => {
    const [a, b] = [...fingers.current.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };
  const [drag, setDrag] = useState<{ start: { x: number; y: number }; end: { x: number; y: number }; screen: { x: number; y: number }; moved: boolean } | null>(null);
  const unit = natural.width / Math.max(shown, 1); // attachment pixels per screen pixel

  function at(event: PointerEvent) {
    return naturalPoint(event.clientX, event.clientY, svg.current!.getBoundingClientRect(), natural);
  }
  function down(event: PointerEvent<SVGSVGElement>) {
    if (event.pointerType === "touch") fingers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (onPinch && fingers.current.size === 2) {
      setDrag(null);
      pinchFrom.current = spread();
      return;
    }
    if (!draw || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const p = at(event);
    setDrag({ start: p, end: p, screen: { x: event.clientX, y: event.clientY }, moved: false });
  }
  function move(event: PointerEvent<SVGSVGElement>) {
    if (fingers.current.has(event.pointerId)) fingers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pinchFrom.current !== null) {
      if (pinchFrom.current > 0 && fingers.current.size === 2) onPinch?.(spread() / pinchFrom.current, false);
      return;
    }
    if (!drag) return;
    const moved = drag.moved || Math.hypot(event.clientX - drag.screen.x, event.clientY - drag.screen.y) >= DRAG_THRESHOLD;
    setDrag({ ...drag, end: at(event), moved });
  }
  function lift(event: PointerEvent<SVGSVGElement>) {
    fingers.current.delete(event.pointerId);
    if (pinchFrom.current === null) return false;
    if (fingers.current.size === 0) {
      pinchFrom.current = null;
      onPinch?.(1, true);
    }
    return true;
  }
  function up(event: PointerEvent<SVGSVGElement>) {
    if (lift(event)) return;
    if (!drag || !draw) return;
    const end = at(event);
    setDrag(null);
    const t = time === null ? {} : { t: Math.round(time * 10) / 10 };
    if (draw.shape === "point") draw.onAdd({ ...drag.start, ...t });
    else if (drag.moved) {
      const r = rectangleBetween(drag.start, end);
      if (r.x2 > r.x && r.y2 > r.y) draw.onAdd({ ...r, ...t });
    } else draw.onEmptyClick?.();
  }

  const draft = drag && draw?.shape === "rectangle" && drag.moved ? rectangleBetween(drag.start, drag.end) : null;
  return (
    <svg
      ref={svg}
      viewBox={`0 0 ${natural.width} ${natural.height}`}
      preserveAspectRatio="none"
      className={`absolute inset-0 h-full w-full ${draw ? "cursor-crosshair touch-none" : ""}`}
      data-testid="annotation-surface"
      data-natural-width={natural.width}
      data-natural-height={natural.height}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={(event) => {
        lift(event);
        setDrag(null);
      }}
    >
      {marks.map((m) => {
        const faded = time !== null && m.t !== undefined && Math.abs(m.t - time) > 1;
        const stroke = m.selected ? 3.5 : 2.25;
        const select = m.onSelect
          ? (e: PointerEvent) => {
              e.stopPropagation();
              m.onSelect!();
            }
          : undefined;
        if (m.x === undefined || m.y === undefined) return null;
        // Labels sit above and right of a point (clear of its dot) or on a rectangle's top-left corner.
        const point = m.x2 === undefined;
        const labelX = m.x + (point ? 10 : 2) * unit;
        const labelY = m.y - (point ? 8 : 5) * unit;
        return (
          <g key={m.key} opacity={faded ? 0.35 : 1} onPointerDown={select} className={m.onSelect ? "cursor-pointer" : undefined} data-testid="mark" data-label={m.label}>
            {m.x2 !== undefined && m.y2 !== undefined ? (
              <rect x={m.x} y={m.y} width={m.x2 - m.x} height={m.y2 - m.y} fill={m.color} fillOpacity={m.selected ? 0.22 : 0.12} stroke={m.color} strokeWidth={stroke} vectorEffect="non-scaling-stroke" />
            ) : (
              <circle cx={m.x} cy={m.y} r={(m.selected ? 8 : 6) * unit} fill={m.color} fillOpacity={0.85} stroke="white" strokeWidth={2} vectorEffect="non-scaling-stroke" />
            )}
            <text x={labelX} y={labelY} fontSize={13 * unit} fontWeight={700} fill={m.color} stroke="white" strokeWidth={3 * unit} paintOrder="stroke" pointerEvents="none">
              {m.label}
            </text>
          </g>
        );
      })}
      {draft ? (
        <rect x={draft.x} y={draft.y} width={draft.x2 - draft.x} height={draft.y2 - draft.y} fill="none" stroke="#0f172a" strokeDasharray="6 4" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
      ) : null}
    </svg>
  );
}

/**
 * An attachment with marks drawn over it, in the attachment's own pixels (an SVG whose viewBox is
 * the natural size, laid over the element as shown). With `draw`, clicks add points and drags add
 * rectangles; on a video each mark also takes the current time. Read-only on the review page.
 */
export function AnnotationCanvas({ kind, src, marks, draw, onTime, children }: { kind: SurfaceKind; src: string; marks: CanvasMark[]; draw?: DrawOptions; onTime?: (t: number) => void; children?: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState<Size | null>(kind === "website" ? WEBSITE_SIZE : null);
  const [shown, setShown] = useState(0);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [browsing, setBrowsing] = useState(false);
  // Marking on the work page can zoom into pictures and videos; "Move" lets a finger scroll them.
  const zoomable = draw !== undefined && (kind === "image" || kind === "video");
  const [zoom, setZoom] = useState(1);
  const [moving, setMoving] = useState(false);
  const pinchStart = useRef<number | null>(null);
  /** Pinching scales the zoom from where the pinch began, between 100% and 400%. */
  const pinch = (ratio: number, done: boolean) => {
    if (done) {
      pinchStart.current = null;
      return;
    }
    pinchStart.current ??= zoom;
    const next = Math.min(4, Math.max(1, Math.round(pinchStart.current * ratio * 20) / 20));
    setZoom(next);
    if (next === 1) setMoving(false);
  };

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      setShown(element.clientWidth);
      if (kind === "text") setNatural({ width: element.clientWidth, height: element.clientHeight });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [kind]);

  const probing = useRef(false);
  // A server-rendered element may finish loading before React attaches onLoad, so refs measure too.
  const measureImage = useCallback((img: HTMLImageElement | null) => {
    if (img?.complete && img.naturalWidth) setNatural({ width: img.naturalWidth, height: img.naturalHeight });
  }, []);
  const measureVideo = useCallback((v: HTMLVideoElement | null) => {
    if (!v || v.readyState < 1) return;
    setNatural({ width: v.videoWidth || v.clientWidth, height: v.videoHeight || v.clientHeight });
    // Recorded WebM often declares no duration; seeking far ahead makes the browser find it.
    if (v.duration === Infinity) {
      probing.current = true;
      v.currentTime = Number.MAX_SAFE_INTEGER;
    } else setDuration(v.duration || 0);
  }, []);
  const videoRef = useCallback(
    (v: HTMLVideoElement | null) => {
      setVideo(v);
      measureVideo(v);
    },
    [measureVideo],
  );

  // Shown as wide as the column allows and no taller than part of the screen, at its own aspect
  // ratio (small attachments are enlarged): the overlay then maps exactly onto the picture.
  const fitted = (vh: number) => (natural ? { width: `min(100%, calc(${vh}vh * ${natural.width / natural.height}))` } : undefined);
  const fit = fitted(kind === "video" ? 60 : 70);
  const boxStyle =
    kind === "text"
      ? { width: TEXT_WIDTH, maxWidth: "none" }
      : kind === "website"
        ? { ...WEBSITE_SIZE, maxWidth: "none" }
        : zoom > 1 && fit
          ? { width: `calc(${fit.width} * ${zoom})`, maxWidth: "none" }
          : fit;
  const drawing = moving && zoom > 1 ? undefined : draw;

  const overlay = natural && !(kind === "website" && browsing) ? <Overlay natural={natural} shown={shown} marks={marks} draw={drawing} time={kind === "video" ? time : null} onPinch={zoomable ? pinch : undefined} /> : null;
  return (
    <div className="space-y-2">
      {kind === "website" ? (
        <div className="flex items-center gap-2 text-xs">
          <button type="button" onClick={() => setBrowsing((b) => !b)} className="rounded border border-slate-300 bg-white px-2 py-1 font-medium text-slate-700 hover:bg-slate-50">
            {browsing ? "Back to marking" : "Browse the site (marking paused)"}
          </button>
          <a href={src} target="_blank" rel="noopener noreferrer" className="font-medium text-indigo-600 hover:underline">Open in a new tab ↗</a>
        </div>
      ) : null}
      {zoomable && natural ? <ZoomControls zoom={zoom} onZoom={(z) => (setZoom(z), z === 1 && setMoving(false))} moving={moving} onMoving={setMoving} /> : null}
      <div className={kind === "text" || kind === "website" ? "overflow-x-auto" : zoom > 1 ? "max-h-[75vh] overflow-auto overscroll-contain rounded-md" : undefined} data-testid={zoomable ? "zoom-viewport" : undefined}>
        <div ref={box} className="relative inline-block max-w-full select-none align-top" style={boxStyle}>
          {kind === "image" ? (
            // The image is shown no wider than the page; the overlay maps back to its natural pixels.
            <img src={src} alt="" draggable={false} ref={measureImage} className={natural ? "block h-auto w-full rounded-md border border-slate-200" : "block max-w-full rounded-md border border-slate-200"} onLoad={(e) => measureImage(e.currentTarget)} />
          ) : kind === "video" ? (
            <video
              ref={videoRef}
              src={src}
              preload="metadata"
              className={natural ? "block h-auto w-full rounded-t-md bg-black" : "block max-w-full rounded-t-md bg-black"}
              onLoadedMetadata={(e) => measureVideo(e.currentTarget)}
              onDurationChange={(e) => {
                const v = e.currentTarget;
                if (!Number.isFinite(v.duration)) return;
                if (probing.current) {
                  probing.current = false;
                  v.currentTime = 0;
                }
                setDuration(v.duration);
              }}
              onTimeUpdate={(e) => {
                setTime(e.currentTarget.currentTime);
                onTime?.(e.currentTarget.currentTime);
              }}
            />
          ) : kind === "text" ? (
            <div className="whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-white p-5 text-[15px] leading-7 text-slate-800">{src}</div>
          ) : (
            <iframe src={src} title={`Website: ${src}`} className="block h-full w-full rounded-md border border-slate-200" sandbox="allow-scripts allow-same-origin allow-forms" referrerPolicy="no-referrer" />
          )}
          {overlay}
          {children}
        </div>
      </div>
      {kind === "video" ? <VideoControls video={video} time={time} duration={duration} /> : null}
    </div>
  );
}
