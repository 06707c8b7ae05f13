import { describe, expect, it } from "vitest";
import { wrapLabel } from "./wrap-label";

describe("wrapLabel", () => {
  it("keeps a short label on one line", () => {
    expect(wrapLabel("seats", 12)).toEqual(["seats"]);
  });

  it("breaks after spaces and underscores", () => {
    expect(wrapLabel("petal length (cm) = 1.4", 14)).toEqual(["petal length", "(cm) = 1.4"]);
    expect(wrapLabel("monthly_spend_in_euros", 14)).toEqual(["monthly_spend_", "in_euros"]);
  });

  it("never breaks inside a number", () => {
    expect(wrapLabel("sepal length (cm) = 6.3", 22)).toEqual(["sepal length (cm) =", "6.3"]);
  });

  it("cuts a long word and marks what does not fit", () => {
    expect(wrapLabel("abcdefghijklmnopqrstuvwxyz", 10)).toEqual(["abcdefghij", "klmnopqrs…"]);
    expect(wrapLabel("a_very_long_feature_name_that_goes_on_and_on", 12, 2)).toEqual(["a_very_long_", "feature_nam…"]);
  });
});
