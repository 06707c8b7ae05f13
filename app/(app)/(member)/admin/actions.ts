"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { setAccountRole } from "@/lib/auth/accounts-store";

export async function setRoleAction(accountId: string, role: string): Promise<{ ok: boolean; message?: string }> {
  const admin = await requireAdmin();
  if (role !== "member" && role !== "cruncher") return { ok: false, message: "A role is member or cruncher." };
  const result = await setAccountRole(getDb(), admin.id, accountId, role);
  revalidatePath("/admin");
  return result.ok ? { ok: true } : { ok: false, message: result.message };
}
