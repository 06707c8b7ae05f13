import { z } from "zod";
import { zodDetails } from "@/lib/http/errors";
import { textProblem } from "@/lib/http/json-body";
import { KEY_ROLES } from "@/lib/workspaces/roles";

export const ROLES = ["member", "cruncher"] as const;
export const SCOPES = ["loops", "models", "tasks"] as const;

export const signUpSchema = z.object({
  email: z.string().trim().min(1, "Enter your e-mail address.").pipe(z.email("Enter a valid e-mail address.")),
  username: z
    .string()
    .trim()
    .min(2, "A username needs at least 2 characters.")
    .max(40, "A username has at most 40 characters.")
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, dots, dashes and underscores."),
  password: z.string().min(8, "A password needs at least 8 characters.").max(200, "A password has at most 200 characters."),
  role: z.enum(ROLES).default("member"),
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your e-mail address.").max(320).refine((s) => textProblem(s) === null, "Enter a valid e-mail address."),
  password: z.string().min(1, "Enter your password.").max(1000),
});

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1, "Give the key a name.").max(80, "A name has at most 80 characters."),
    scope: z.enum(SCOPES, "Choose loops, models or tasks."),
    mode: z.enum(["live", "test"]).default("live"),
    loopId: z.uuid("A loop id is a UUID.").optional(),
    /** The most the key may do; never more than its creator's own role. */
    role: z.enum(KEY_ROLES, "Choose admin, member or viewer.").default("member"),
    expiresInDays: z.coerce.number().int("Whole days.").min(1, "At least one day.").max(3650, "At most ten years.").optional(),
  })
  .refine((k) => k.scope === "tasks" || k.mode === "live", { message: "Only task keys can be test keys.", path: ["mode"] })
  .refine((k) => k.scope === "loops" || !k.loopId, { message: "Only loops keys can be bound to a loop.", path: ["loopId"] });
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

/** The first problem per field, for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const detail of zodDetails(error)) out[String(detail.path[0] ?? "form")] ??= detail.message;
  return out;
}
