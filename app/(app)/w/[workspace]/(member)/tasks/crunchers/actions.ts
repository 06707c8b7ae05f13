"use server";

import { revalidatePath } from "next/cache";
import { requireWorkspace } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { GOLD_SETTINGS_BOUNDS, updateGoldSettings } from "@/lib/tasks/gold-store";
import { recordAudit } from "@/lib/workspaces/audit";

export type GoldSettingsState = { ok: boolean; message: string } | null;

const whole = (form: FormData, name: string): number | null => {
  const value = form.get(name);
  if (typeof value !== "string" || !/^\d{1,4}$/.test(value.trim())) return null;
  return Number(value.trim());
};

/** Saves the gold rate and rule (percentages in the form, shares in the database); admins and owners only. */
export async function saveGoldSettingsAction(_previous: GoldSettingsState, form: FormData): Promise<GoldSettingsState> {
  const { account, workspace } = await requireWorkspace("manage");
  const rate = whole(form, "rate");
  const minAccuracy = whole(form, "minAccuracy");
  const minAnswers = whole(form, "minAnswers");
  const b = GOLD_SETTINGS_BOUNDS;
  if (rate === null || rate / 100 > b.rate.max) return { ok: false, message: `The gold share is a whole percentage from 0 to ${b.rate.max * 100}.` };
  if (minAccuracy === null || minAccuracy / 100 > b.minAccuracy.max) return { ok: false, message: `The threshold is a whole percentage from 0 to ${b.minAccuracy.max * 100}.` };
  if (minAnswers === null || minAnswers < b.minAnswers.min || minAnswers > b.minAnswers.max) {
    return { ok: false, message: `The number of gold answers is from ${b.minAnswers.min} to ${b.minAnswers.max}.` };
  }
  const settings = { rate: rate / 100, minAccuracy: minAccuracy / 100, minAnswers };
  const db = getDb();
  await updateGoldSettings(db, workspace.id, settings);
  await recordAudit(db, workspace.id, { id: account.id, label: account.username }, { action: "settings.changed", target: "gold questions", detail: settings });
  revalidatePath("/tasks/crunchers");
  return { ok: true, message: "Saved." };
}
