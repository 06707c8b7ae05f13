"use client";

import { useEffect, useState } from "react";


/** Copies through the Clipboard API, or a hidden text area where that is unavailable (plain http). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the text area
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  return ok;
}

/** A small "Copy" button that says "Copied" for a moment after it worked. */
export function CopyButton({ text, label = "Copy", className, tone = "light" }: { text: string; label?: string; className?: string; tone?: "light" | "dark" }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 1800);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      onClick={() => void copyText(text).then((ok) => setState(ok ? "copied" : "failed"))}
      className={[
        "inline-flex min-h-8 items-center rounded-md px-2.5 py-1 text-xs font-medium transition focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500",
        tone === "dark" ? "bg-slate-700 text-slate-100 hover:bg-slate-600" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
        className,
      ]
        .filter(Boolean)
        .join(" ")}
      aria-live="polite"
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Press Ctrl+C" : label}
    </button>
  );
}
