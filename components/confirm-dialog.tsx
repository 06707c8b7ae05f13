"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui";

export interface ConfirmOptions {
  title: string;
  /** What happens, in a sentence or two. */
  body?: ReactNode;
  confirmLabel?: string;
  /** "danger" for what cannot be undone. */
  tone?: "primary" | "danger";
}

type Ask = (options: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<Ask | null>(null);

/**
 * Confirmations in the app's own style: a modal <dialog> (focus kept inside, Escape cancels) instead
 * of the browser's confirm(), which phones show as a bare system sheet.
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<{ options: ConfirmOptions; resolve: (ok: boolean) => void } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const ask = useCallback<Ask>((options) => new Promise((resolve) => setPending({ options, resolve })), []);
  const settle = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };

  useEffect(() => {
    if (pending && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [pending]);

  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      {pending ? (
        <dialog
          ref={dialog}
          aria-labelledby="confirm-title"
          onCancel={(event) => {
            event.preventDefault();
            settle(false);
          }}
          className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/50"
        >
          <form
            method="dialog"
            className="p-5"
            onSubmit={(event) => {
              event.preventDefault();
              settle(true);
            }}
          >
            <h2 id="confirm-title" className="text-base font-semibold">{pending.options.title}</h2>
            {pending.options.body ? <div className="mt-2 text-sm text-slate-600">{pending.options.body}</div> : null}
            <div className="mt-5 flex flex-wrap justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => settle(false)}>
                Cancel
              </Button>
              <Button type="submit" variant={pending.options.tone === "danger" ? "danger" : "primary"} autoFocus>
                {pending.options.confirmLabel ?? "Confirm"}
              </Button>
            </div>
          </form>
        </dialog>
      ) : null}
    </ConfirmContext.Provider>
  );
}

/** `await confirm({title, body})` → true when the person confirmed. */
export function useConfirm(): Ask {
  const ask = useContext(ConfirmContext);
  if (!ask) throw new Error("useConfirm needs a ConfirmProvider above it.");
  return ask;
}
