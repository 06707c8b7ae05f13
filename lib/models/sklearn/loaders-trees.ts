import { forestLoader } from "./trees/forest";
import { gradientBoostingLoader } from "./trees/gradient-boosting";
import { histGradientBoostingLoader } from "./trees/hist-gradient-boosting";
import { decisionTreeLoader } from "./trees/tree";
import type { Loader } from "./types";

const HGB = "sklearn.ensemble._hist_gradient_boosting.gradient_boosting";

/** Trees, forests and boosting (lib/models/sklearn/trees). */
export const treeFamilyLoaders: Record<string, Loader> = {
  "sklearn.tree._classes.DecisionTreeClassifier": decisionTreeLoader(true),
  "sklearn.tree._classes.DecisionTreeRegressor": decisionTreeLoader(false),
  "sklearn.tree._classes.ExtraTreeClassifier": decisionTreeLoader(true),
  "sklearn.tree._classes.ExtraTreeRegressor": decisionTreeLoader(false),
  "sklearn.ensemble._forest.RandomForestClassifier": forestLoader(true),
  "sklearn.ensemble._forest.RandomForestRegressor": forestLoader(false),
  "sklearn.ensemble._forest.ExtraTreesClassifier": forestLoader(true),
  "sklearn.ensemble._forest.ExtraTreesRegressor": forestLoader(false),
  "sklearn.ensemble._gb.GradientBoostingClassifier": gradientBoostingLoader(true),
  "sklearn.ensemble._gb.GradientBoostingRegressor": gradientBoostingLoader(false),
  [`${HGB}.HistGradientBoostingClassifier`]: histGradientBoostingLoader(true),
  [`${HGB}.HistGradientBoostingRegressor`]: histGradientBoostingLoader(false),
};
