import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./auth";

/**
 * One row per browser sign-in. The session cookie (a next-auth JWT) names its row, and a session
 * counts only while the row is not revoked: signing out, a role change or an admin's action ends
 * it on the server, so a copied cookie stops working at once.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    /** Where the sign-in came from, for the account's own review. */
    clientAddress: text(),
    userAgent: text(),
  },
  (t) => [index("auth_sessions_account_idx").on(t.accountId)],
);

/**
 * Failure counters shared by every app process: failed sign-ins per account and per client address,
 * failed API-key authentications per address. A key's failures count within a fixed window; past
 * the limit the key is blocked until the window ends.
 */
export const throttleCounters = pgTable(
  "throttle_counters",
  {
    /** `<kind>:<subject>`, e.g. `signin-account:ana@example.com`, `api-key-address:203.0.113.9`. */
    key: text().primaryKey(),
    failures: integer().notNull(),
    windowStartedAt: timestamp({ withTimezone: true }).notNull(),
    blockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [index("throttle_counters_window_idx").on(t.windowStartedAt)],
);

export type AuthSession = typeof authSessions.$inferSelect;

/**
 * A single-use link to set a new password: made by an admin (shown once, for set-ups without mail)
 * or sent by e-mail from "forgot password" when SMTP_URL is set. Only the token's hash is kept.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    createdBy: uuid().references(() => accounts.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("password_resets_token_key").on(t.tokenHash), index("password_resets_account_idx").on(t.accountId)],
);
