export * from "./types";
export * from "./enums";
export * from "./limits";
export * from "./regions";
export * from "./patterns";
export * from "./validate";
export * from "./arn";
export * from "./events";
