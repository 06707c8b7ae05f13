import type { ReactNode } from "react";
import { requireWorkspace } from "@/app/_server/auth";

export default async function MemberLayout({ children }: { children: ReactNode }) {
  await requireWorkspace("read");
  return children;
}
