import { redirect } from "next/navigation";
import { requireAccount } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { defaultWorkspacePath } from "@/lib/workspaces/default-path";

/** "/": the overview of the account's default workspace. */
export default async function Home(): Promise<never> {
  const account = await requireAccount();
  redirect(await defaultWorkspacePath(getDb(), account.id, "/"));
}
