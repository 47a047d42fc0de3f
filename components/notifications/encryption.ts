import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { KmsKeySettings, MeetingNotificationsArgs } from "./args";
import { childName } from "./names";
import { resolveOptionalResource } from "./optional-resource";
import type { Senders } from "./context";
import { kmsKeyPolicyDocument } from "./policies";

export const KMS_KEY_DEFAULTS: Required<KmsKeySettings> = {
  description: "Encrypts Chime meeting notifications",
  deletionWindowInDays: 30,
};

/** The AWS-managed SNS key, used for the topic when no customer key is configured. */
export const SNS_MANAGED_KEY = "alias/aws/sns";

export interface CustomerKey {
  arn: pulumi.Output<string>;
  /** Set when the component created the key, and so owns its policy. */
  key?: aws.kms.Key;
}

/** The customer key for the targets, if one is configured (skipped by default). */
export function resolveCustomerKey(
  name: string,
  args: Pick<MeetingNotificationsArgs, "kmsKey" | "tags">,
  opts: pulumi.CustomResourceOptions,
): CustomerKey | undefined {
  return resolveOptionalResource(
    args.kmsKey,
    { skip: true, args: KMS_KEY_DEFAULTS },
    {
      create: (settings) => {
        const key = new aws.kms.Key(
          childName(name, "kmsKey"),
          {
            description: settings.description,
            deletionWindowInDays: settings.deletionWindowInDays,
            enableKeyRotation: true,
            tags: args.tags,
          },
          opts,
        );
        return { key, arn: key.arn };
      },
      adopt: (existing) => ({ arn: pulumi.output(existing.arn) }),
    },
  );
}

/**
 * The key policy, as a separate resource: it names the topic and the rule, which are themselves encrypted with
 * (or deliver into a queue encrypted with) the key, so putting it on the key would be a dependency cycle.
 */
export function attachKeyPolicy(name: string, key: aws.kms.Key, senders: Senders, opts: pulumi.CustomResourceOptions): aws.kms.KeyPolicy {
  return new aws.kms.KeyPolicy(
    childName(name, "kmsKeyPolicy"),
    {
      keyId: key.keyId,
      policy: pulumi
        .all([senders.source, senders.subscribedTopicArn, senders.eventRuleArn])
        .apply(([source, subscribedTopicArn, eventRuleArn]) =>
          JSON.stringify(kmsKeyPolicyDocument({ source, subscribedTopicArn, eventRuleArn })),
        ),
    },
    opts,
  );
}
