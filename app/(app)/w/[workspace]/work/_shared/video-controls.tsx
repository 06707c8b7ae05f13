"use client";

import { useEffect, useState } from "react";
import { formatSeconds } from "./marks";

/**
 * Play and seek under a video whose surface takes the clicks (marks), so the native controls,
 * which would sit under the overlay, are replaced by these.
 */
export function VideoControls({ video, time, duration }: { video: HTMLVideoElement | null; time: number; duration: number }) {
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!video) return;
    const sync = () => setPlaying(!video.paused);
    video.addEventListener("play", sync);
    video.addEventListener("pause", sync);
    return () => {
      video.removeEventListener("play", sync);
      video.removeEventListener("pause", sync);
    };
  }, [video]);
  return (
    <div className="flex items-center gap-3 rounded-b-md border border-t-0 border-slate-200 bg-slate-50 px-3 py-2">
      <button type="button" className="rounded bg-slate-800 px-2.5 py-1 text-xs font-semibold text-white" onClick={() => (video?.paused ? void video.play() : video?.pause())}>
        {playing ? "Pause" : "Play"}
      </button>
      <input
        type="range"
        aria-label="Position in the video"
        min={0}
        max={duration || 0}
        step={0.1}
        value={time}
        onChange={(e) => video && (video.currentTime = Number(e.target.value))}
        className="flex-1 accent-indigo-600"
      />
      <span className="whitespace-nowrap text-right font-mono text-xs tabular-nums text-slate-600">
        {formatSeconds(time)} / {formatSeconds(duration || 0)}
      </span>
    </div>
  );
}
