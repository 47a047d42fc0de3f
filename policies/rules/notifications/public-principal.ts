import type { ResourceValidationPolicy } from "@pulumi/policy";
import { resourceRule } from "../common/define";
import { violationMessage } from "../common/message";
import { grantsEveryone, statementLabel, statementsOf } from "./policy-document";
import { policyHolder, type PolicyService } from "./resource-types";

export type PublicPrincipalConfig = Record<string, never>;

const URL = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html";

/** Allow statements for everyone (`"*"` or `{"AWS":"*"}`); Deny statements such as a TLS-only guard are fine. */
function publicPrincipalRule(service: PolicyService): ResourceValidationPolicy {
  const { rulePrefix, phrase, inputs } = policyHolder(service);
  return resourceRule<PublicPrincipalConfig>({
    name: `${rulePrefix}-disallow-public-principal`,
    description: `Checks that ${phrase} policy has no Allow statement for Principal "*" or {"AWS":"*"}.`,
    severity: "critical",
    url: URL,
    enforcementLevel: "mandatory",
    configSchema: { properties: {} },
    resourceTypes: Object.keys(inputs),
    check: (resource) => {
      const field = inputs[resource.type];
      return (statementsOf(resource.props[field]) ?? [])
        .filter((view) => grantsEveryone(view.statement))
        .map((view) =>
          violationMessage({
            resource,
            field: `${field} ${statementLabel(view)}.Principal`,
            value: view.statement.Principal,
            problem: "it allows every AWS principal",
            fix: 'name the service principal (e.g. { Service: "meetings.chime.amazonaws.com" }) or the account instead',
          }),
        );
    },
  });
}

/** Severity critical; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html */
export const sqsQueueDisallowPublicPrincipal = publicPrincipalRule("sqs");
/** Severity critical; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html */
export const snsTopicDisallowPublicPrincipal = publicPrincipalRule("sns");
/** Severity critical; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html */
export const kmsKeyDisallowPublicPrincipal = publicPrincipalRule("kms");
