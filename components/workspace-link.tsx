"use client";

import NextLink from "next/link";
import { createContext, useContext, useMemo, type ComponentProps, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { workspacePath } from "@/lib/workspaces/paths";

/** The open workspace's slug, for links and calls made from client components. */
const WorkspaceContext = createContext<string | null>(null);

export function WorkspaceProvider({ slug, children }: { slug: string | null; children: ReactNode }) {
  return <WorkspaceContext.Provider value={slug}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspaceSlug(): string | null {
  return useContext(WorkspaceContext);
}

/** ws("/loops") → "/w/<slug>/loops" in the open workspace. */
export function useWorkspaceHref(): (path: string) => string {
  const slug = useWorkspaceSlug();
  return (path) => (slug ? workspacePath(slug, path) : path);
}

/** next/link, with dashboard paths kept inside the open workspace. */
export default function Link({ href, ...rest }: ComponentProps<typeof NextLink>) {
  const ws = useWorkspaceHref();
  return <NextLink href={typeof href === "string" ? ws(href) : href} {...rest} />;
}

/** The router, with dashboard paths kept inside the open workspace. */
export function useWorkspaceRouter() {
  const router = useRouter();
  const ws = useWorkspaceHref();
  return useMemo(
    () => ({ ...router, push: (path: string) => router.push(ws(path)), replace: (path: string) => router.replace(ws(path)) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [router, ws("/")],
  );
}
