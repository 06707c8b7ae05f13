import type { ReactNode } from "react";
import { requireMember } from "@/app/_server/auth";

export default async function MemberLayout({ children }: { children: ReactNode }) {
  await requireMember();
  return children;
}
