import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentAccount } from "@/app/_server/auth";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await currentAccount()) redirect("/");
  return <SignUpForm />;
}
