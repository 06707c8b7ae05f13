// One file per domain; every domain table carries the owning account's id.
export * from "./auth";
export * from "./loops";
export * from "./models";
export * from "./deployments";
export * from "./training";
export * from "./tasks";
export * from "./security";
export * from "./blobs";
