// One file per domain; every domain table carries the owning workspace's id.
export * from "./auth";
export * from "./workspaces";
export * from "./loops";
export * from "./models";
export * from "./deployments";
export * from "./training";
export * from "./tasks";
export * from "./security";
export * from "./blobs";
