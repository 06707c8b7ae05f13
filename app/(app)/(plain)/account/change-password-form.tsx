"use client";

import { useState, type FormEvent } from "react";
import { sessionFetch, SessionRouteError } from "@/components/session-fetch";
import { Button, Card, Field, Input } from "@/components/ui";

export function ChangePasswordForm() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    try {
      await sessionFetch("/api/account/password", { method: "POST", json: { current: data.get("current"), password: data.get("password") } });
      form.reset();
      setMessage({ ok: true, text: "Password changed. Your other sign-ins have ended." });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof SessionRouteError ? error.problems.join(" ") : "Not changed." });
    }
  }
  return (
    <Card className="max-w-lg p-5">
      <h2 className="text-base font-semibold">Change password</h2>
      <form onSubmit={onSubmit} className="mt-4 space-y-4">
        {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>{message.text}</p> : null}
        <Field label="Current password"><Input name="current" type="password" autoComplete="current-password" required /></Field>
        <Field label="New password" hint="At least 8 characters."><Input name="password" type="password" autoComplete="new-password" required /></Field>
        <Button type="submit">Change password</Button>
      </form>
    </Card>
  );
}
