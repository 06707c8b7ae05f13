import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { NewLoopForm } from "./new-loop-form";

export const metadata: Metadata = { title: "New loop" };

export default function NewLoopPage() {
  return (
    <>
      <PageHeader title="New loop" description="Describe the inputs your application sends and the one output it will learn to predict. The same rules apply as for POST /definitions/." />
      <NewLoopForm />
    </>
  );
}
