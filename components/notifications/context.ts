import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Partition } from "../../chime/regions";
import type { MeetingSource } from "./policies";

/** Where the targets live and which account owns them, read from the provider the children use. */
export interface TargetContext {
  region: pulumi.Output<string>;
  accountId: pulumi.Output<string>;
  partition: pulumi.Output<Partition>;
}

/** Who delivers into a target: meetings (by source), and the topic and rule that forward to it, when there are any. */
export interface Senders {
  source: pulumi.Output<MeetingSource>;
  subscribedTopicArn?: pulumi.Output<string>;
  eventRuleArn?: pulumi.Output<string>;
}

const PARTITIONS: readonly Partition[] = ["aws", "aws-us-gov", "aws-cn"];

export function asPartition(value: string): Partition {
  const partition = PARTITIONS.find((p) => p === value);
  if (partition === undefined) throw new Error(`partition: value ${JSON.stringify(value)} must be one of ${PARTITIONS.join(", ")}`);
  return partition;
}

export function targetContext(region: pulumi.Input<string> | undefined, opts: pulumi.InvokeOutputOptions): TargetContext {
  return {
    region: region === undefined ? aws.getRegionOutput({}, opts).region : pulumi.output(region),
    accountId: aws.getCallerIdentityOutput({}, opts).accountId,
    partition: aws.getPartitionOutput({}, opts).partition.apply(asPartition),
  };
}

/** The meetings allowed to send: this account, ARNs in `meetingRegions` (default: the targets' region). */
export function meetingSourceOf(context: TargetContext, meetingRegions: readonly string[] | undefined): pulumi.Output<MeetingSource> {
  return pulumi.all([context.partition, context.accountId, context.region]).apply(([partition, accountId, region]) => ({
    partition,
    accountId,
    meetingRegions: meetingRegions === undefined ? [region] : [...meetingRegions],
  }));
}
