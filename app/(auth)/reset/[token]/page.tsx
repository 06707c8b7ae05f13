import type { Metadata } from "next";
import { Card } from "@/components/ui";
import { getDb } from "@/db/client";
import { openPasswordReset } from "@/lib/auth/password-resets";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Set a new password" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await openPasswordReset(getDb(), token);
  if (!found) {
    return (
      <Card className="p-8">
        <h1 className="text-xl font-semibold">Set a new password</h1>
        <p role="alert" className="mt-3 text-sm text-slate-700">This link is not valid any more: it was used, it expired, or a newer one was made. Ask an admin for a new one.</p>
      </Card>
    );
  }
  return <ResetPasswordForm token={token} email={found.email} />;
}
