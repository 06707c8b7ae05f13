"use client";

import { usePathname } from "next/navigation";
import { cx } from "@/components/ui";
import Link from "@/components/workspace-link";
import { splitWorkspacePath } from "@/lib/workspaces/paths";

export interface NavItem {
  href: string;
  label: string;
  hint: string;
}

export function Nav({ items }: { items: NavItem[] }) {
  const raw = usePathname();
  // The page path, whether the URL is still /w/<slug>/… or already the rewritten one.
  const pathname = splitWorkspacePath(raw)?.rest ?? raw;
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {items.map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            title={item.hint}
            aria-current={active ? "page" : undefined}
            className={cx(
              "rounded-md px-3 py-2.5 text-sm font-medium transition lg:py-2",
              active ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
