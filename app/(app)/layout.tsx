import type { ReactNode } from "react";
import { requireAccount } from "@/app/_server/auth";

export const dynamic = "force-dynamic";

/** The signed-in area. The shell is drawn by the workspace layout (w/[workspace]) and by (plain) for pages outside one. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  await requireAccount();
  return children;
}
