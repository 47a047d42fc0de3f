import type { ResourceValidationPolicy } from "@pulumi/policy";
import { resourceRule } from "../common/define";
import { violationMessage } from "../common/message";
import { servicePrincipals, sourceConditionState, statementLabel, statementsOf } from "./policy-document";
import { policyHolder, type PolicyService } from "./resource-types";

export interface SourceConditionsConfig {
  /** Service principals that may be granted without aws:SourceArn/aws:SourceAccount (none by default). */
  exemptServices: string[];
}

const URL = "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html";

/** One rule per service, same logic: a grant to a service principal must say on whose behalf (confused deputy). */
function sourceConditionsRule(service: PolicyService): ResourceValidationPolicy {
  const { rulePrefix, phrase, inputs } = policyHolder(service);
  return resourceRule<SourceConditionsConfig>({
    name: `${rulePrefix}-require-source-conditions`,
    description: `Checks that ${phrase} policy granting a service principal limits it with aws:SourceArn or aws:SourceAccount.`,
    severity: "high",
    url: URL,
    enforcementLevel: "mandatory",
    configSchema: { properties: { exemptServices: { type: "array", items: { type: "string" }, default: [] } } },
    resourceTypes: Object.keys(inputs),
    check: (resource, config) => {
      const field = inputs[resource.type];
      const statements = statementsOf(resource.props[field]) ?? [];
      return statements.flatMap((view) => {
        const services = servicePrincipals(view.statement).filter((s) => !config.exemptServices.includes(s));
        if (services.length === 0 || sourceConditionState(view.statement) !== "absent") return [];
        return [
          violationMessage({
            resource,
            field: `${field} ${statementLabel(view)}.Condition`,
            value: view.statement.Condition,
            problem: `it grants ${services.join(", ")} without an aws:SourceArn or aws:SourceAccount condition`,
            fix: 'add Condition { StringEquals: { "aws:SourceAccount": <account> } } and/or { ArnLike: { "aws:SourceArn": <source ARN> } }',
          }),
        ];
      });
    },
  });
}

/** Severity high; https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html */
export const sqsQueueRequireSourceConditions = sourceConditionsRule("sqs");
/** Severity high; https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html */
export const snsTopicRequireSourceConditions = sourceConditionsRule("sns");
/** Severity high; https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html */
export const kmsKeyRequireSourceConditions = sourceConditionsRule("kms");
