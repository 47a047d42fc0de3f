export * from "./args";
export * from "./bundle";
export * from "./meeting-notifications";
export * from "./names";
export * from "./policies";
export * from "./policy-document";
export * from "./validation";
