import { gaussianNbLoaders } from "./gaussian-nb";
import { kmeansLoaders } from "./kmeans";
import { kneighborsLoaders } from "./kneighbors";
import { linearClassifierLoaders } from "./linear-classifier";
import { linearRegressorLoaders } from "./linear-model";
import { pipelineLoaders } from "./pipeline";
import type { Loader } from "./types";

/** LinearRegression … Pipeline: every estimator outside the tree family, keyed by dotted class name. */
export const linearFamilyLoaders: Record<string, Loader> = {
  ...linearRegressorLoaders,
  ...linearClassifierLoaders,
  ...kneighborsLoaders,
  ...gaussianNbLoaders,
  ...kmeansLoaders,
  ...pipelineLoaders,
};
