"use client";

import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import { cx } from "@/components/ui";

type Tone = "success" | "error" | "info";
interface Toast {
  id: number;
  message: string;
  tone: Tone;
}

type Show = (message: string, tone?: Tone) => void;
const ToastContext = createContext<Show | null>(null);

/** How long a toast stays; errors stay until dismissed. */
const TOAST_MS = 4000;

/** Short notes that an action finished ("Key revoked"), at the bottom of the screen, read out by screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback<Show>(
    (message, tone = "success") => {
      const id = next.current++;
      setToasts((all) => [...all.slice(-2), { id, message, tone }]);
      if (tone !== "error") setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-[60] flex flex-col items-center gap-2 px-4 sm:items-end">
        {toasts.map((t) => (
          <div
            key={t.id}
            role={t.tone === "error" ? "alert" : "status"}
            data-testid="toast"
            className={cx(
              "pointer-events-auto flex max-w-sm items-start gap-3 rounded-md px-4 py-3 text-sm shadow-lg ring-1",
              t.tone === "error" ? "bg-red-50 text-red-800 ring-red-200" : t.tone === "info" ? "bg-white text-slate-800 ring-slate-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200",
            )}
          >
            <span className="min-w-0 flex-1 break-words">{t.message}</span>
            <button type="button" aria-label="Dismiss" className="-my-1 -mr-2 rounded px-2 py-1 text-current/70 hover:text-current" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** `toast("Key revoked")`; outside a provider (e.g. a test render) it does nothing. */
export function useToast(): Show {
  return useContext(ToastContext) ?? (() => undefined);
}
