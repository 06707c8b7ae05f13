import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentAccount } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { hasAccounts, signupInviteOnly } from "@/lib/auth/accounts-store";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await currentAccount()) redirect("/");
  return <SignUpForm inviteOnly={signupInviteOnly() && (await hasAccounts(getDb()))} />;
}
