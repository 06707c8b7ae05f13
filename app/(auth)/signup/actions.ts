"use server";

import { getDb } from "@/db/client";
import { createAccount } from "@/lib/auth/accounts-store";

export interface SignUpState {
  ok: boolean;
  errors: Record<string, string>;
}

export async function signUpAction(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const result = await createAccount(getDb(), {
    email: String(form.get("email") ?? ""),
    username: String(form.get("username") ?? ""),
    password: String(form.get("password") ?? ""),
    role: form.get("role") === "cruncher" ? "cruncher" : "member",
  });
  return result.ok ? { ok: true, errors: {} } : { ok: false, errors: result.errors };
}
