import { createLambdaHandler } from "./process";

/**
 * Bundle entry for the deployed function (`index.handler`). Built once per execution environment so the
 * in-memory dedupe store survives across warm invocations.
 */
export const handler = createLambdaHandler();
