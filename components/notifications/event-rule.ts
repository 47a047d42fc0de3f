import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { EventBridgeSettings } from "./args";
import { childName } from "./names";
import { chimeEventPattern, EVENTS_SERVICE_PRINCIPAL } from "./policies";

export interface EventRuleTarget {
  rule: aws.cloudwatch.EventRule;
  target: aws.cloudwatch.EventTarget;
  /** The rule's permission to invoke the handler; only when the handler is the target. */
  invokePermission?: aws.lambda.Permission;
}

/**
 * A rule on the default bus, where meeting events always arrive in the control region (docs/API-NOTES.md#notifications). The queue
 * policies (built by the component) admit the rule; a handler target gets a Lambda permission here. Events the
 * rule cannot deliver go to the dead-letter queue instead of being dropped after EventBridge's retries.
 */
export function createEventRule(
  name: string,
  settings: EventBridgeSettings,
  targets: {
    queue: aws.sqs.Queue;
    /** Where EventBridge puts events it fails to deliver to the target. */
    deadLetterQueueArn: pulumi.Output<string>;
    handler?: aws.lambda.Function;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  },
  opts: pulumi.CustomResourceOptions,
): EventRuleTarget {
  const rule = new aws.cloudwatch.EventRule(
    childName(name, "eventRule"),
    {
      description: "Amazon Chime SDK meeting events",
      eventPattern: JSON.stringify(chimeEventPattern()),
      tags: targets.tags,
    },
    opts,
  );
  if (settings.target === "handler") {
    if (targets.handler === undefined) throw new Error('eventBridge.target: value "handler" needs the handler option to be enabled');
    const invokePermission = new aws.lambda.Permission(
      childName(name, "eventInvoke"),
      {
        function: targets.handler.name,
        action: "lambda:InvokeFunction",
        principal: EVENTS_SERVICE_PRINCIPAL,
        sourceArn: rule.arn,
      },
      opts,
    );
    const target = new aws.cloudwatch.EventTarget(
      childName(name, "eventTarget"),
      {
        rule: rule.name,
        arn: targets.handler.arn,
        deadLetterConfig: { arn: targets.deadLetterQueueArn },
      },
      { ...opts, dependsOn: [invokePermission] },
    );
    return { rule, target, invokePermission };
  }
  const target = new aws.cloudwatch.EventTarget(
    childName(name, "eventTarget"),
    {
      rule: rule.name,
      arn: targets.queue.arn,
      deadLetterConfig: { arn: targets.deadLetterQueueArn },
    },
    opts,
  );
  return { rule, target };
}
