import type { ReactNode } from "react";
import { requireAccount } from "@/app/_server/auth";
import { AppShell } from "@/components/app-shell/app-shell";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const account = await requireAccount();
  return <AppShell account={account}>{children}</AppShell>;
}
