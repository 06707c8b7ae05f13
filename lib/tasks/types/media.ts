import { z } from "zod";
import { defineKind } from "./request-kind";
import { sharedFields } from "./shared-fields";

// image, video, audio: the cruncher uploads a file and the answer is its URL. The three differ only
// in the kind of file.

export function mediaKind(label: string) {
  return defineKind({
    label,
    family: "media",
    schema: z.strictObject(sharedFields),
    crossFieldProblems: () => [],
  });
}
