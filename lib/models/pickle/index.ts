export { readModelFile, type ReadResult, type ReadOptions, type ModelFileFormat } from "./read-model-file";
export { PickleError, type PickleErrorCode } from "./errors";
export { DEFAULT_LIMITS, type ReadLimits } from "./limits";
export * from "./values";
