"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { cx } from "@/components/ui";

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden>
      {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
    </svg>
  );
}

/**
 * The shell's layout: a 240 px sidebar from the lg breakpoint up; below it a top bar whose menu
 * button slides the same sidebar in over the page. The menu closes on navigation, Escape or a tap
 * outside it.
 */
export function ResponsiveShell({ brand, navTop, topActions, nav, footer, children }: { brand: ReactNode; navTop?: ReactNode; topActions?: ReactNode; nav: ReactNode; footer: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  // Open for the page it was opened on: navigating anywhere closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const close = () => setOpenOn(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpenOn(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  const menuButton = (
    <button
      type="button"
      aria-label={open ? "Close menu" : "Open menu"}
      aria-expanded={open}
      aria-controls="app-nav"
      onClick={() => setOpenOn(open ? null : pathname)}
      className="inline-flex h-11 w-11 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 lg:hidden"
    >
      <MenuIcon open={open} />
    </button>
  );

  return (
    <div className="min-h-screen lg:flex">
      <header className="sticky top-0 z-30 flex h-14 items-center justify-between border-b border-slate-200 bg-white/95 pl-1 pr-2 backdrop-blur lg:hidden" data-testid="top-bar">
        {brand}
        <div className="flex items-center">
          {topActions}
          {menuButton}
        </div>
      </header>
      {open ? <div className="fixed inset-0 z-40 bg-black/40 lg:hidden" onClick={close} aria-hidden /> : null}
      <aside
        id="app-nav"
        className={cx(
          "fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col overflow-y-auto border-r border-slate-200 bg-white px-3 py-5 shadow-xl transition-transform duration-200",
          "lg:sticky lg:top-0 lg:z-auto lg:h-screen lg:w-60 lg:max-w-none lg:shrink-0 lg:translate-x-0 lg:shadow-none lg:transition-none",
          open ? "translate-x-0" : "-translate-x-full max-lg:invisible",
        )}
      >
        <div className="mb-6 flex items-center justify-between">
          {brand}
          {open ? menuButton : null}
        </div>
        {navTop ? <div className="mb-4" data-slot="nav-top">{navTop}</div> : null}
        {nav}
        <div className="mt-auto pt-6">{footer}</div>
      </aside>
      <main className="min-w-0 flex-1 px-4 py-5 sm:px-6 lg:px-10 lg:py-8">{children}</main>
    </div>
  );
}
