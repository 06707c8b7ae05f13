/** Meta-estimators: each serves through the registry's loaders for the estimators it holds. */
import type { EstimatorEntry } from "../types";
import { adaBoost } from "./adaboost";
import { bagging } from "./bagging";
import { calibration } from "./calibration";
import { multiclass } from "./multiclass";
import { multiOutput } from "./multioutput";
import { searches } from "./search";
import { stacking } from "./stacking";
import { voting } from "./voting";

export const metaEstimators: EstimatorEntry[] = [...searches, ...voting, ...bagging, ...adaBoost, ...multiclass, ...calibration, ...stacking, ...multiOutput];
