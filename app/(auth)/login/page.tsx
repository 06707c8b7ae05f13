import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentAccount } from "@/app/_server/auth";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

function safeNext(next: string | undefined): string {
  // Only same-site paths, never "//host" or absolute URLs.
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; created?: string }> }) {
  const { next } = await searchParams;
  if (await currentAccount()) redirect(safeNext(next));
  return <LoginForm next={safeNext(next)} />;
}
