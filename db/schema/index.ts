// One file per domain; every domain table carries the owning account's id.
export * from "./auth";
export * from "./loops";
export * from "./models";
