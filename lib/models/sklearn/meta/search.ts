/** GridSearchCV / RandomizedSearchCV: served as their refitted best_estimator_, explanations included. */
import { attr, type PyValue } from "../../pickle/values";
import { classNameOf } from "../arrays";
import { LoadError, type EstimatorEntry, type Loader } from "../types";

const loadSearch: Loader = (obj: PyValue, ctx) => {
  const className = classNameOf(obj);
  const best = attr(obj, "best_estimator_");
  if (best === undefined || best === null) throw new LoadError("unsupported_class", `${className} fitted with refit=False has no best_estimator_ to serve`);
  const inner = ctx.load(best);
  // The inner estimator's methods close over their own state: copying them keeps `this` irrelevant.
  return { ...inner, className };
};

export const searches: EstimatorEntry[] = [
  { className: "sklearn.model_selection._search.GridSearchCV", load: loadSearch },
  { className: "sklearn.model_selection._search.RandomizedSearchCV", load: loadSearch },
];
