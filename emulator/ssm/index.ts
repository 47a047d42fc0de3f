export { handleSsmRequest, isSsmRequest, SSM_SIGNING_NAME, type SsmApp } from "./pipeline";
export { ParameterStore, type Parameter } from "./store";
export { SSM_OPERATIONS } from "./handlers";
