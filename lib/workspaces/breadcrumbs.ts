/** The dashboard's sections by their path segment, for breadcrumbs. */
const SECTIONS: Record<string, string> = {
  loops: "Loops",
  models: "Models",
  deployments: "Deployments",
  tasks: "Tasks",
  crunchers: "Crunchers",
  keys: "API keys",
  members: "Members",
  audit: "Audit log",
  admin: "Admin",
  trash: "Trash",
};

export interface Crumb {
  label: string;
  /** A path inside the workspace; none for the page itself. */
  href?: string;
}

/**
 * The trail to a page below a section (`/tasks/crunchers/<id>` → Tasks › Crunchers › its title);
 * empty on a section's own page, which the navigation already names.
 */
export function breadcrumbsFor(pagePath: string, title: string): Crumb[] {
  const segments = pagePath.split(/[?#]/)[0]!.split("/").filter(Boolean);
  if (segments.length < 2 || !SECTIONS[segments[0]!]) return [];
  const trail: Crumb[] = [];
  for (let i = 0; i < segments.length - 1; i++) {
    const label = SECTIONS[segments[i]!];
    if (label) trail.push({ label, href: `/${segments.slice(0, i + 1).join("/")}` });
  }
  return [...trail, { label: title }];
}
