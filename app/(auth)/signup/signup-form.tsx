"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button, Card, Field, Input, cx } from "@/components/ui";
import { signUpAction } from "./actions";

export interface SignUpInvitation {
  token: string;
  email: string;
  workspaceName: string;
  role: string;
}

export function SignUpForm({ invitation, inviteOnly = false }: { invitation?: SignUpInvitation; inviteOnly?: boolean }) {
  const router = useRouter();
  const [role, setRole] = useState<"member" | "cruncher">("member");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState(false);
  const [signInError, setSignInError] = useState<string | null>(null);

  // A plain submit handler (not a form action) so the fields keep their values when there are errors.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setSignInError(null);
    try {
      const state = await signUpAction({ ok: false, errors: {} }, form);
      setErrors(state.errors);
      if (!state.ok) return;
      setCreated(true);
      const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
      if (!result?.ok) return setSignInError("Your account was created, but signing in failed. Sign in by hand.");
      router.replace(state.next ?? "/");
      router.refresh();
    } catch {
      setErrors({ form: "The server could not be reached; try again in a moment." });
    } finally {
      setPending(false);
    }
  }

  return (
    <Card className="p-8">
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="mt-1 text-sm text-slate-600">
        {invitation ? `You are invited to ${invitation.workspaceName} as ${invitation.role}.` : inviteOnly ? "Sign-up on this server is by invitation only: open the link you were sent." : "The first account on a new installation becomes its admin."}
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
        {errors.form || signInError ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{errors.form ?? signInError}</p> : null}
        {invitation ? <input type="hidden" name="invite" value={invitation.token} /> : null}
        <Field label="E-mail" error={errors.email}>
          <Input name="email" type="email" autoComplete="email" autoFocus={!invitation} defaultValue={invitation?.email} readOnly={Boolean(invitation)} />
        </Field>
        <Field label="Username" error={errors.username} hint="Loop clients send it as X-username.">
          <Input name="username" autoComplete="username" />
        </Field>
        <Field label="Password" error={errors.password} hint="At least 8 characters.">
          <Input name="password" type="password" autoComplete="new-password" />
        </Field>
        <fieldset hidden={Boolean(invitation)}>
          <legend className="text-sm font-medium text-slate-700">I will</legend>
          <div className="mt-2 grid grid-cols-2 gap-2">
            {(
              [
                ["member", "Build with the APIs", "Loops, models, tasks"],
                ["cruncher", "Answer tasks", "Work area only"],
              ] as const
            ).map(([value, title, note]) => (
              <label key={value} className={cx("cursor-pointer rounded-md border px-3 py-2 text-sm", role === value ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-white")}>
                <input type="radio" name="role" value={value} checked={role === value} onChange={() => setRole(value)} className="sr-only" />
                <span className="block font-medium">{title}</span>
                <span className="block text-xs text-slate-500">{note}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" className="w-full" disabled={pending || created}>{pending || created ? "Creating account…" : "Create account"}</Button>
      </form>
      <p className="mt-6 text-center text-sm text-slate-600">
        Already have an account? <Link className="font-medium text-indigo-600 hover:underline" href="/login">Sign in</Link>
      </p>
    </Card>
  );
}
