export * from "./args";
export * from "./bundle";
export * from "./meetingNotifications";
export * from "./names";
export * from "./policies";
export * from "./policyDocument";
export * from "./validation";
