import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentAccount } from "@/app/_server/auth";
import { sameOriginPath } from "@/lib/http/safe-redirect";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; created?: string }> }) {
  const { next } = await searchParams;
  const target = sameOriginPath(typeof next === "string" ? next : undefined);
  if (await currentAccount()) redirect(target);
  return <LoginForm next={target} />;
}
