"use client";

import { useEffect, useLayoutEffect, useRef } from "react";

/** True while the cruncher types into a field, where letters and digits are text, not shortcuts. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  if (target.tagName !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "range", "button", "submit", "file"].includes(type);
}

/**
 * A page-wide keydown handler that always sees the latest props (kept in a ref), so shortcut
 * components do not re-subscribe on every render. Return true when the key was handled.
 */
export function useShortcuts(handler: (event: KeyboardEvent) => boolean | void, enabled = true): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (latest.current(event)) event.preventDefault();
    };
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [enabled]);
}

/** The choice a digit key picks: 1–9, then 0 for the tenth. */
export function choiceIndexOfKey(key: string): number | null {
  if (!/^[0-9]$/.test(key)) return null;
  return key === "0" ? 9 : Number(key) - 1;
}
