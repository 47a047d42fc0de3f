import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { TopicSettings } from "./args";
import { SNS_MANAGED_KEY } from "./encryption";
import { childName } from "./names";
import type { MeetingSource } from "./policies";
import { topicPolicyDocument } from "./policies";

export interface TopicTarget {
  topic: aws.sns.Topic;
  topicPolicy: aws.sns.TopicPolicy;
  /** The queue's subscription; undefined with `subscribeQueue: false`. */
  subscription?: aws.sns.TopicSubscription;
}

export function createTopic(
  name: string,
  settings: TopicSettings,
  inputs: {
    kmsKeyArn?: pulumi.Input<string>;
    queue: aws.sqs.Queue;
    /** Where SNS puts messages it cannot deliver to the queue. */
    deadLetterQueueArn: pulumi.Output<string>;
    source: pulumi.Output<MeetingSource>;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  },
  opts: pulumi.CustomResourceOptions,
): TopicTarget {
  const topic = new aws.sns.Topic(
    childName(name, "topic"),
    {
      kmsMasterKeyId: inputs.kmsKeyArn ?? SNS_MANAGED_KEY,
      tags: inputs.tags,
    },
    opts,
  );
  const topicPolicy = new aws.sns.TopicPolicy(
    childName(name, "topicPolicy"),
    {
      arn: topic.arn,
      policy: pulumi
        .all([topic.arn, inputs.source])
        .apply(([topicArn, source]) => JSON.stringify(topicPolicyDocument({ topicArn, source }))),
    },
    opts,
  );
  const subscription =
    settings.subscribeQueue === false
      ? undefined
      : new aws.sns.TopicSubscription(
          childName(name, "topicSubscription"),
          {
            topic: topic.arn,
            protocol: "sqs",
            endpoint: inputs.queue.arn,
            rawMessageDelivery: true,
            redrivePolicy: inputs.deadLetterQueueArn.apply((arn) => JSON.stringify({ deadLetterTargetArn: arn })),
          },
          opts,
        );
  return { topic, topicPolicy, subscription };
}
