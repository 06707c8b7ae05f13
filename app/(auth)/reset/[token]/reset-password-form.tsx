"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { sessionFetch, SessionRouteError } from "@/components/session-fetch";
import { Button, Card, Field, Input } from "@/components/ui";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setPending(true);
    try {
      await sessionFetch(`/api/password-reset/${encodeURIComponent(token)}`, { method: "POST", json: { password } });
      setDone(true);
    } catch (error) {
      setProblem(error instanceof SessionRouteError ? error.problems.join(" ") : "The server could not be reached; try again.");
    } finally {
      setPending(false);
    }
  }
  if (done) {
    return (
      <Card className="p-8">
        <h1 className="text-xl font-semibold">Password set</h1>
        <p className="mt-2 text-sm text-slate-600">Every earlier sign-in of {email} has ended.</p>
        <Link href="/login" className="mt-6 inline-block rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-500">Sign in</Link>
      </Card>
    );
  }
  return (
    <Card className="p-8">
      <h1 className="text-xl font-semibold">Set a new password</h1>
      <p className="mt-1 text-sm text-slate-600">For {email}.</p>
      <form onSubmit={onSubmit} className="mt-6 space-y-4">
        {problem ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{problem}</p> : null}
        <Field label="New password" hint="At least 8 characters.">
          <Input name="password" type="password" autoComplete="new-password" autoFocus />
        </Field>
        <Button type="submit" className="w-full" disabled={pending}>{pending ? "Saving…" : "Set password"}</Button>
      </form>
    </Card>
  );
}
