"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button, Card, Field, Input } from "@/components/ui";

/** What went wrong, in words: wrong credentials, too many attempts (with how long to wait), or anything else. */
function signInError(result: { error: string | null; status: number } | undefined): string {
  if (!result || result.error === "CredentialsSignin") return "Wrong e-mail or password.";
  if (result.status === 429 || result.error === "TooManyAttempts") return "Too many failed sign-ins. Wait a few minutes, then try again.";
  return "Sign-in failed; try again in a moment.";
}

export function LoginForm({ next, canResetByMail = false }: { next: string; canResetByMail?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const missing = { email: email ? undefined : "Enter your e-mail address.", password: password ? undefined : "Enter your password." };
    setFieldErrors(missing);
    setError(null);
    if (missing.email || missing.password) return;
    setPending(true);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setError(signInError(result));
        return;
      }
      router.replace(next);
      router.refresh();
    } catch {
      setError("The server could not be reached; try again in a moment.");
    } finally {
      setPending(false);
    }
  }

  return (
    <Card className="p-8">
      <h1 className="text-xl font-semibold">Sign in</h1>
      <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
        {error ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
        <Field label="E-mail" error={fieldErrors.email}>
          <Input name="email" type="email" autoComplete="email" autoFocus />
        </Field>
        <Field label="Password" error={fieldErrors.password}>
          <Input name="password" type="password" autoComplete="current-password" />
        </Field>
        <Button type="submit" className="w-full" disabled={pending}>{pending ? "Signing in…" : "Sign in"}</Button>
      </form>
      <p className="mt-6 text-center text-sm text-slate-600">
        No account yet? <Link className="font-medium text-indigo-600 hover:underline" href="/signup">Create one</Link>
      </p>
      <p className="mt-2 text-center text-sm text-slate-600">
        {canResetByMail ? (
          <Link className="font-medium text-indigo-600 hover:underline" href="/forgot">Forgot your password?</Link>
        ) : (
          "Forgot your password? Ask an admin of this server for a reset link."
        )}
      </p>
    </Card>
  );
}
