"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { changeAccountRole } from "@/lib/auth/account-roles";
import { isUuid } from "@/lib/ids";

export async function setRoleAction(accountId: string, role: string): Promise<{ ok: boolean; message?: string }> {
  const admin = await requireAdmin();
  if (role !== "member" && role !== "cruncher") return { ok: false, message: "A role is member or cruncher." };
  if (!isUuid(accountId)) return { ok: false, message: "No such account." };
  const result = await changeAccountRole(getDb(), admin.id, accountId, role);
  revalidatePath("/admin");
  return result.ok ? { ok: true } : { ok: false, message: result.message };
}
