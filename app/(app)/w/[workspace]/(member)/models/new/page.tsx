import type { Metadata } from "next";
import { requireWorkspace } from "@/app/_server/auth";
import { PageHeader } from "@/components/ui";
import { RegisterModelForm } from "./register-model-form";

export const metadata: Metadata = { title: "Register model" };

export default async function RegisterModelPage() {
  await requireWorkspace("read");
  return (
    <>
      <PageHeader title="Register model" description="Name the model, then upload its .pkl or joblib file, training data, code and requirements on its page. The same rules apply as for POST /model/add." />
      <RegisterModelForm />
    </>
  );
}
