import type { ReactNode } from "react";

/** A key as the shortcut hints show it. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="inline-flex min-w-[1.5rem] items-center justify-center rounded border border-slate-300 border-b-2 bg-white px-1.5 py-0.5 font-mono text-[11px] font-semibold text-slate-700">
      {children}
    </kbd>
  );
}
