import type { PublicAccount } from "@/lib/auth/accounts-store";
import type { NavItem } from "./nav";

const MEMBER_NAV: NavItem[] = [
  { href: "/", label: "Overview", hint: "Start here" },
  { href: "/loops", label: "Loops", hint: "Adaptive learning loops" },
  { href: "/models", label: "Models", hint: "Model registry" },
  { href: "/deployments", label: "Deployments", hint: "Served models" },
  { href: "/tasks", label: "Tasks", hint: "Human task requests" },
  { href: "/keys", label: "API keys", hint: "Keys for the three APIs" },
  { href: "/work", label: "Work", hint: "Answer tasks as a cruncher" },
];
const ADMIN_NAV: NavItem[] = [{ href: "/admin", label: "Admin", hint: "Accounts and roles" }];
const CRUNCHER_NAV: NavItem[] = [{ href: "/work", label: "Work", hint: "Answer tasks" }];

/** The main navigation an account sees: members the dashboard (admins also Admin), crunchers only Work. */
export function navItemsFor(account: Pick<PublicAccount, "role" | "isAdmin">): NavItem[] {
  if (account.role !== "member") return CRUNCHER_NAV;
  return account.isAdmin ? [...MEMBER_NAV, ...ADMIN_NAV] : MEMBER_NAV;
}

export const homeHrefFor = (account: Pick<PublicAccount, "role">) => (account.role === "member" ? "/" : "/work");
