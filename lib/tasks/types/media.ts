import { z } from "zod";
import { LIMITS } from "../limits";
import { fail, isHttpUrl, missing, type Checked, type ProblemPath } from "../problems";
import { defineKind, type AnswerFile } from "./request-kind";
import { sharedFields } from "./shared-fields";

// image, video, audio: the cruncher uploads a file and the answer is its URL. The three differ only
// in the kind of file. Two answers agree only when they are the identical URL, which two crunchers
// almost never deliver: media requests effectively need min_agreements 1.

/**
 * The URL of a file: one this app stored (a path starting with "/", served by the worker upload)
 * or an absolute http(s) URL.
 */
export function validateFileUrl(value: unknown, at: ProblemPath = []): Checked<string> {
  if (value === undefined || value === null) return missing(at);
  if (typeof value !== "string") return fail(at, "Must be the URL of a file.", "invalid_type");
  const url = value.trim();
  if (url.length > LIMITS.urlChars) return fail(at, `At most ${LIMITS.urlChars} characters.`, "too_big");
  const localPath = url.startsWith("/") && !url.startsWith("//") && !/\s/.test(url);
  if (!localPath && !isHttpUrl(url)) return fail(at, "Must be the URL of a file: a path starting with / or an http(s) URL.");
  return { ok: true, value: url };
}

/** Files the app serves for simulated media answers (simulated-media.ts). */
export const SIMULATED_MEDIA_PATHS = {
  image: "/v1/simulated/image.png",
  video: "/v1/simulated/video.mp4",
  audio: "/v1/simulated/audio.mp3",
} as const;

export function mediaKind(label: string, answerFile: AnswerFile) {
  return defineKind({
    label,
    family: "media",
    schema: z.strictObject(sharedFields),
    crossFieldProblems: () => [],
    validateAnswer: (_p, answer) => validateFileUrl(answer),
    answersAgree: (_p, a, b) => a === b,
    // Every simulated cruncher sends the same sample file, so they always agree.
    simulatedAnswer: () => answerFile.simulatedPath,
    answerFile,
  });
}
