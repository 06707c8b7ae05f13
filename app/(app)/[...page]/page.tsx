import { redirect } from "next/navigation";
import { requireAccount } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { defaultWorkspacePath } from "@/lib/workspaces/default-path";

/** A dashboard path without a workspace (/loops/…, bookmarks from before workspaces): the same page in the default workspace. */
export default async function PageWithoutWorkspace({ params, searchParams }: { params: Promise<{ page: string[] }>; searchParams: Promise<Record<string, string | string[]>> }): Promise<never> {
  const account = await requireAccount();
  const path = `/${(await params).page.map(encodeURIComponent).join("/")}`;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
  redirect(await defaultWorkspacePath(getDb(), account.id, query.size ? `${path}?${query}` : path));
}
