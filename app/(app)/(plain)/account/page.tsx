import type { Metadata } from "next";
import { requireAccount } from "@/app/_server/auth";
import { PageHeader } from "@/components/ui";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const account = await requireAccount();
  return (
    <>
      <PageHeader title="Account" description={`${account.username} · ${account.email}`} />
      <ChangePasswordForm />
    </>
  );
}
