import { describe, expect, it } from "vitest";
import { breadcrumbsFor } from "./breadcrumbs";

describe("breadcrumbs", () => {
  it("lead from the section to the page", () => {
    expect(breadcrumbsFor("/loops/4f1c", "Churn")).toEqual([{ label: "Loops", href: "/loops" }, { label: "Churn" }]);
    expect(breadcrumbsFor("/tasks/crunchers/ab12", "carl")).toEqual([{ label: "Tasks", href: "/tasks" }, { label: "Crunchers", href: "/tasks/crunchers" }, { label: "carl" }]);
    expect(breadcrumbsFor("/deployments/new?model=1", "Deploy a model")).toEqual([{ label: "Deployments", href: "/deployments" }, { label: "Deploy a model" }]);
  });
  it("are left out on a section's own page and outside the sections", () => {
    expect(breadcrumbsFor("/loops", "Loops")).toEqual([]);
    expect(breadcrumbsFor("/", "Overview")).toEqual([]);
    expect(breadcrumbsFor("/unknown/x", "X")).toEqual([]);
  });
});
