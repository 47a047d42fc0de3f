export { handleSsmRequest, isSsmRequest, SSM_SIGNING_NAME, type SsmApp } from "./wire/pipeline";
export { ParameterStore, type Parameter } from "./model/parameter-store";
export { openParameters } from "./parameter-file";
export { SSM_OPERATIONS } from "./wire/handlers";
