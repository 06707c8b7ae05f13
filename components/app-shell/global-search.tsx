"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { sessionFetch } from "@/components/session-fetch";
import { cx } from "@/components/ui";
import { useWorkspaceRouter } from "@/components/workspace-link";
import type { SearchHit, SearchKind } from "@/lib/search/store";

const OPEN_EVENT = "crucible:search";
const KIND_LABELS: Record<SearchKind, string> = { loop: "Loop", model: "Model", deployment: "Deployment", request: "Request" };
const hrefOf = (hit: SearchHit): string => `/${hit.kind === "request" ? "tasks" : `${hit.kind}s`}/${encodeURIComponent(hit.id)}`;

function SearchIcon() {
  return (
    <svg viewBox="0 0 20 20" className="h-4 w-4 shrink-0" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
      <circle cx="9" cy="9" r="6" />
      <path d="m14 14 4 4" strokeLinecap="round" />
    </svg>
  );
}

/** A button that opens the search (the sidebar's wide one, the phone top bar's icon). */
export function SearchButton({ compact = false }: { compact?: boolean }) {
  const open = () => window.dispatchEvent(new Event(OPEN_EVENT));
  return compact ? (
    <button type="button" aria-label="Search" onClick={open} className="inline-flex h-11 w-11 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 lg:hidden">
      <SearchIcon />
    </button>
  ) : (
    <button
      type="button"
      onClick={open}
      className="flex w-full items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-left text-sm text-slate-500 hover:border-slate-300"
    >
      <SearchIcon />
      <span className="flex-1">Search…</span>
      <kbd className="rounded border border-slate-200 px-1.5 text-[11px] font-medium text-slate-400">Ctrl K</kbd>
    </button>
  );
}

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * Find a loop, model, deployment or request of the open workspace by name or id: Ctrl/⌘ K or "/"
 * anywhere, arrows to choose, Enter to open.
 */
export function GlobalSearch() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useWorkspaceRouter();

  useEffect(() => {
    const show = () => setOpen(true);
    const onKey = (event: KeyboardEvent) => {
      if ((event.key === "k" || event.key === "K") && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        setOpen(true);
      } else if (event.key === "/" && !typing(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener(OPEN_EVENT, show);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener(OPEN_EVENT, show);
      window.removeEventListener("keydown", onKey);
    };
  }, []);

  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);

  // Search once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);

  const results = useQuery({
    queryKey: ["search", query],
    queryFn: () => sessionFetch<{ hits: SearchHit[] }>(`/api/search?q=${encodeURIComponent(query)}`),
    enabled: open && query.length > 0,
    staleTime: 5_000,
  });
  const hits = query ? (results.data?.hits ?? []) : [];

  const close = () => {
    setOpen(false);
    setText("");
    setQuery("");
    setActive(0);
  };
  const go = (hit: SearchHit) => {
    close();
    router.push(hrefOf(hit));
  };

  if (!open) return null;
  return (
    <dialog
      ref={dialog}
      aria-label="Search"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClick={(event) => {
        if (event.target === dialog.current) close();
      }}
      className="mx-auto mt-[12vh] w-[min(36rem,calc(100vw-1.5rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-black/50"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 text-slate-500">
        <SearchIcon />
        <input
          autoFocus
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") {
              event.preventDefault();
              setActive((i) => Math.min(i + 1, Math.max(hits.length - 1, 0)));
            } else if (event.key === "ArrowUp") {
              event.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (event.key === "Enter" && hits[active]) {
              event.preventDefault();
              go(hits[active]!);
            }
          }}
          maxLength={200}
          placeholder="A name, words of a request, or an id"
          aria-label="Search the workspace"
          className="min-w-0 flex-1 bg-transparent py-3.5 text-base text-slate-900 outline-none placeholder:text-slate-400 sm:text-sm"
        />
        <kbd className="hidden rounded border border-slate-200 px-1.5 text-[11px] text-slate-400 sm:inline">Esc</kbd>
      </div>
      <ul role="listbox" aria-label="Results" className="max-h-[60vh] overflow-y-auto py-1" data-testid="search-results">
        {query && results.isFetching && !hits.length ? <li className="px-4 py-3 text-sm text-slate-500">Searching…</li> : null}
        {query && !results.isFetching && !hits.length ? <li className="px-4 py-3 text-sm text-slate-500">Nothing in this workspace is called “{query}”.</li> : null}
        {!query ? <li className="px-4 py-3 text-sm text-slate-500">Type a name, a few words of a request, or an id.</li> : null}
        {hits.map((hit, i) => (
          <li key={`${hit.kind}:${hit.id}`} role="option" aria-selected={i === active}>
            <button
              type="button"
              onMouseEnter={() => setActive(i)}
              onClick={() => go(hit)}
              className={cx("flex w-full items-baseline gap-3 px-4 py-2 text-left text-sm", i === active ? "bg-indigo-50" : "")}
            >
              <span className="w-20 shrink-0 text-xs font-medium uppercase tracking-wide text-slate-500">{KIND_LABELS[hit.kind]}</span>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium text-slate-900">{hit.title || hit.id}</span>
                <span className="block truncate text-xs text-slate-500">{hit.detail}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </dialog>
  );
}
