import { resourceRule } from "../common/define";
import { violationMessage } from "../common/message";
import { isSet } from "../common/values";
import { PERMISSION_TYPES } from "./resource-types";

export interface LambdaSourceConfig {
  /** Service principals that may invoke without sourceAccount/sourceArn (none by default). */
  exemptServices: string[];
}

export type LambdaPublicConfig = Record<string, never>;

function isServicePrincipal(principal: string): boolean {
  return principal.endsWith(".amazonaws.com") || principal.endsWith(".amazonaws.com.cn");
}

/**
 * Severity high; without sourceArn/sourceAccount any account's resource of that service can invoke the function.
 * https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html
 */
export const lambdaPermissionRequireSourceConditions = resourceRule<LambdaSourceConfig>({
  name: "lambda-permission-require-source-conditions",
  description: "Checks that a Lambda permission for a service principal is scoped by sourceAccount or sourceArn.",
  severity: "high",
  url: "https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: { exemptServices: { type: "array", items: { type: "string" }, default: [] } } },
  resourceTypes: PERMISSION_TYPES,
  check: (resource, config) => {
    const { principal, sourceAccount, sourceArn } = resource.props;
    if (typeof principal !== "string" || !isServicePrincipal(principal) || config.exemptServices.includes(principal)) return [];
    if (isSet(sourceAccount) || isSet(sourceArn)) return [];
    return [
      violationMessage({
        resource,
        field: "sourceArn/sourceAccount",
        value: undefined,
        problem: `the permission lets ${principal} invoke the function on behalf of any account`,
        fix: "set sourceArn to the invoking resource's ARN and/or sourceAccount to your account ID",
      }),
    ];
  },
});

/**
 * Severity critical; `principal: "*"` without principalOrgId makes the function invocable by anyone.
 * https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
 */
export const lambdaPermissionDisallowPublicPrincipal = resourceRule<LambdaPublicConfig>({
  name: "lambda-permission-disallow-public-principal",
  description: 'Checks that a Lambda permission does not grant principal "*" outside an AWS Organization.',
  severity: "critical",
  url: "https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  resourceTypes: PERMISSION_TYPES,
  check: (resource) => {
    const { principal, principalOrgId } = resource.props;
    if (principal !== "*" || isSet(principalOrgId)) return [];
    return [
      violationMessage({
        resource,
        field: "principal",
        value: principal,
        problem: "it lets every AWS account invoke the function",
        fix: "name the service principal or account, or set principalOrgId",
      }),
    ];
  },
});
