export * from "./attendance";
export * from "./dedupe";
export * from "./envelopes";
export * from "./event";
export * from "./logger";
export * from "./parse";
export * from "./process";
