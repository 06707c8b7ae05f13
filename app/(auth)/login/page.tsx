import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentAccount } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { hasAccounts } from "@/lib/auth/accounts-store";
import { mailConfigured } from "@/lib/mail/send";
import { sameOriginPath } from "@/lib/http/safe-redirect";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; created?: string }> }) {
  const { next } = await searchParams;
  const target = sameOriginPath(typeof next === "string" ? next : undefined);
  if (await currentAccount()) redirect(target);
  // A new install has nobody to sign in: it opens on creating the first account (the admin).
  if (!(await hasAccounts(getDb()))) redirect("/signup");
  return <LoginForm next={target} canResetByMail={mailConfigured()} />;
}
