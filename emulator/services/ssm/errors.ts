/**
 * SSM error shapes (AWS JSON 1.1): status 400 with `{ "__type": <shape>, "message": ... }`; the SDK names
 * the exception after `__type` (or the `x-amzn-errortype` header, also sent).
 */
export class SsmError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export const parameterNotFound = (name: string) => new SsmError("ParameterNotFound", `Parameter ${name} not found.`);
export const parameterAlreadyExists = (name: string) =>
  new SsmError(
    "ParameterAlreadyExists",
    `The parameter ${name} already exists. To overwrite this value, set the overwrite option in the request to true.`,
  );
export const validation = (message: string) => new SsmError("ValidationException", message);
export const invalidNextToken = () => new SsmError("InvalidNextToken", "The specified token is not valid.");
export const unknownOperation = (target: string) =>
  new SsmError(
    "UnknownOperationException",
    `The emulator's SSM subset does not implement ${JSON.stringify(target)} (PutParameter, GetParameter, DeleteParameter, GetParametersByPath only).`,
  );
export const internalError = () => new SsmError("InternalServerError", "An internal error occurred.", 500);
