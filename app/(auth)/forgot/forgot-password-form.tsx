"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { sessionFetch, SessionRouteError } from "@/components/session-fetch";
import { Button, Card, Field, Input } from "@/components/ui";

/** "Forgot password": a reset link by e-mail (servers with SMTP_URL); the answer never says whether the address has an account. */
export function ForgotPasswordForm() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    try {
      const answer = await sessionFetch<{ message: string }>("/api/password-reset", { method: "POST", json: { email } });
      setMessage({ ok: true, text: answer.message });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof SessionRouteError ? error.problems.join(" ") : "The server could not be reached; try again." });
    }
  }
  return (
    <Card className="p-8">
      <h1 className="text-xl font-semibold">Forgot your password?</h1>
      <p className="mt-1 text-sm text-slate-600">Enter your e-mail address; a link to set a new password is sent there.</p>
      <form onSubmit={onSubmit} className="mt-6 space-y-4">
        {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>{message.text}</p> : null}
        <Field label="E-mail"><Input name="email" type="email" autoComplete="email" required autoFocus /></Field>
        <Button type="submit" className="w-full">Send the link</Button>
      </form>
      <p className="mt-6 text-center text-sm text-slate-600"><Link className="font-medium text-indigo-600 hover:underline" href="/login">Back to sign in</Link></p>
    </Card>
  );
}
