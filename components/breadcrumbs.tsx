"use client";

import { usePathname } from "next/navigation";
import Link from "@/components/workspace-link";
import { breadcrumbsFor } from "@/lib/workspaces/breadcrumbs";
import { splitWorkspacePath } from "@/lib/workspaces/paths";

/** Where a detail page sits (Loops › Churn), above its title; nothing on section pages. */
export function Breadcrumbs({ title }: { title: string }) {
  const pathname = usePathname();
  const inWorkspace = splitWorkspacePath(pathname ?? "");
  if (!inWorkspace) return null;
  const crumbs = breadcrumbsFor(inWorkspace.rest, title);
  if (!crumbs.length) return null;
  return (
    <nav aria-label="Breadcrumb" className="mb-1 min-w-0 text-sm text-slate-500">
      <ol className="flex flex-wrap items-center gap-x-1.5">
        {crumbs.map((c, i) => (
          <li key={i} className="flex min-w-0 items-center gap-x-1.5">
            {i > 0 ? <span aria-hidden className="text-slate-400">›</span> : null}
            {c.href ? (
              <Link href={c.href} className="hover:text-slate-800 hover:underline">
                {c.label}
              </Link>
            ) : (
              <span aria-current="page" className="max-w-[16rem] truncate text-slate-600">
                {c.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
