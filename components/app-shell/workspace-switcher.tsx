import NextLink from "next/link";
import type { WorkspaceRole } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/workspaces/roles";
import type { Membership, WorkspaceSummary } from "@/lib/workspaces/store";

/** The open workspace and the others the account belongs to; a native <details> so it works without script. */
export function WorkspaceSwitcher({ current, role, memberships }: { current: WorkspaceSummary | null; role: WorkspaceRole | null; memberships: Membership[] }) {
  return (
    <details className="group relative" data-testid="workspace-switcher">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50">
        <span className="min-w-0">
          <span className="block truncate font-medium text-slate-900">{current ? current.name : "No workspace"}</span>
          <span className="block text-xs text-slate-500">{role ? ROLE_LABELS[role] : "Choose one"}</span>
        </span>
        <span aria-hidden className="text-slate-400 group-open:rotate-180">▾</span>
      </summary>
      <div className="absolute inset-x-0 z-20 mt-1 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        {memberships.map((m) => (
          <NextLink
            key={m.workspace.id}
            href={`/w/${encodeURIComponent(m.workspace.slug)}${m.role === "cruncher" ? "/work" : ""}`}
            className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm hover:bg-slate-50"
            aria-current={m.workspace.id === current?.id ? "true" : undefined}
          >
            <span className="truncate">{m.workspace.name}</span>
            <span className="shrink-0 text-xs text-slate-500">{ROLE_LABELS[m.role]}</span>
          </NextLink>
        ))}
        <NextLink href="/workspaces" className="block border-t border-slate-100 px-3 py-1.5 text-sm text-indigo-600 hover:bg-slate-50">
          All workspaces…
        </NextLink>
      </div>
    </details>
  );
}
