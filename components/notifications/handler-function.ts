import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { meetingArn } from "../../chime/arn";
import type { ExistingLogGroup, HandlerSettings, LogGroupSettings } from "./args";
import { DEFAULT_HANDLER_RUNTIME, HANDLER_FUNCTION, handlerArchive } from "./bundle";
import { childName, chimeInvokePermissionName } from "./names";
import { resolveOptionalResource } from "./optional-resource";
import type { MeetingSource } from "./policies";
import { handlerAssumeRolePolicyDocument, handlerRolePolicyDocument, MEETINGS_LAMBDA_ACTION, MEETINGS_SERVICE_PRINCIPAL } from "./policies";

export const HANDLER_DEFAULTS = { timeoutSeconds: 30, memorySize: 256, batchSize: 10, logRetentionInDays: 30 } as const;

export interface HandlerTarget {
  function: aws.lambda.Function;
  role: aws.iam.Role;
  rolePolicy: aws.iam.RolePolicy;
  /** Undefined when an existing log group is used. */
  logGroup?: aws.cloudwatch.LogGroup;
  queueMapping: aws.lambda.EventSourceMapping;
  /** One per allowed meeting region, only with `directTarget`. */
  chimeInvokePermissions: aws.lambda.Permission[];
}

interface HandlerInputs {
  queue: aws.sqs.Queue;
  /** Set when the function is invoked asynchronously, so failed invocations are kept. */
  deadLetterQueueArn?: pulumi.Output<string>;
  kmsKeyArn?: pulumi.Input<string>;
  source: pulumi.Output<MeetingSource>;
  /** The plain `meetingRegions` arg: how many invoke permissions to create. */
  meetingRegions?: readonly string[];
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

interface LogGroupTarget {
  logGroup?: aws.cloudwatch.LogGroup;
  name: pulumi.Output<string>;
  arn: pulumi.Output<string>;
}

function resolveLogGroup(
  name: string,
  settings: HandlerSettings,
  tags: HandlerInputs["tags"],
  opts: pulumi.CustomResourceOptions,
): LogGroupTarget {
  const defaults: LogGroupSettings = { retentionInDays: HANDLER_DEFAULTS.logRetentionInDays };
  const resolved = resolveOptionalResource<LogGroupSettings, ExistingLogGroup, LogGroupTarget>(
    settings.logGroup,
    { skip: false, args: defaults },
    {
      create: (args) => {
        const logGroup = new aws.cloudwatch.LogGroup(
          childName(name, "handlerLogGroup"),
          {
            retentionInDays: args.retentionInDays,
            tags,
          },
          opts,
        );
        return { logGroup, name: logGroup.name, arn: logGroup.arn };
      },
      adopt: (existing) => ({ name: pulumi.output(existing.name), arn: pulumi.output(existing.arn) }),
    },
  );
  if (resolved === undefined) throw new Error("handler.logGroup.skip: value true is not allowed");
  return resolved;
}

/** Lets meetings invoke the function directly: one permission per allowed meeting-ARN region. */
function chimeInvokePermissions(
  name: string,
  fn: aws.lambda.Function,
  inputs: HandlerInputs,
  opts: pulumi.CustomResourceOptions,
): aws.lambda.Permission[] {
  const regions: (string | undefined)[] = inputs.meetingRegions === undefined ? [undefined] : [...new Set(inputs.meetingRegions)];
  return regions.map(
    (region) =>
      new aws.lambda.Permission(
        chimeInvokePermissionName(name, region),
        {
          function: fn.name,
          action: MEETINGS_LAMBDA_ACTION,
          principal: MEETINGS_SERVICE_PRINCIPAL,
          sourceAccount: inputs.source.accountId,
          sourceArn: inputs.source.apply((s) => meetingArn(region ?? s.meetingRegions[0], s.accountId, "*", s.partition)),
        },
        opts,
      ),
  );
}

export function createHandlerFunction(
  name: string,
  settings: HandlerSettings,
  inputs: HandlerInputs,
  opts: pulumi.CustomResourceOptions,
): HandlerTarget {
  const logs = resolveLogGroup(name, settings, inputs.tags, opts);
  const role = new aws.iam.Role(
    childName(name, "handlerRole"),
    {
      assumeRolePolicy: JSON.stringify(handlerAssumeRolePolicyDocument()),
      tags: inputs.tags,
    },
    opts,
  );
  const rolePolicy = new aws.iam.RolePolicy(
    childName(name, "handlerRolePolicy"),
    {
      role: role.id,
      policy: pulumi
        .all([logs.arn, inputs.queue.arn, inputs.kmsKeyArn, inputs.deadLetterQueueArn])
        .apply(([logGroupArn, queueArn, kmsKeyArn, deadLetterQueueArn]) =>
          JSON.stringify(handlerRolePolicyDocument({ logGroupArn, queueArn, kmsKeyArn, deadLetterQueueArn })),
        ),
    },
    opts,
  );
  const fn = new aws.lambda.Function(
    childName(name, "handler"),
    {
      runtime: settings.runtime ?? DEFAULT_HANDLER_RUNTIME,
      handler: HANDLER_FUNCTION,
      code: handlerArchive(),
      architectures: ["arm64"],
      role: role.arn,
      timeout: settings.timeoutSeconds ?? HANDLER_DEFAULTS.timeoutSeconds,
      memorySize: settings.memorySize ?? HANDLER_DEFAULTS.memorySize,
      loggingConfig: { logFormat: "Text", logGroup: logs.name },
      environment: settings.environment === undefined ? undefined : { variables: settings.environment },
      deadLetterConfig: inputs.deadLetterQueueArn === undefined ? undefined : { targetArn: inputs.deadLetterQueueArn },
      tags: inputs.tags,
    },
    { ...opts, dependsOn: [rolePolicy, ...(logs.logGroup ? [logs.logGroup] : [])] },
  );
  // The mapping validates the role's SQS permissions on creation, so it waits for the policy.
  const queueMapping = new aws.lambda.EventSourceMapping(
    childName(name, "handlerQueueMapping"),
    {
      eventSourceArn: inputs.queue.arn,
      functionName: fn.arn,
      batchSize: settings.batchSize ?? HANDLER_DEFAULTS.batchSize,
      functionResponseTypes: ["ReportBatchItemFailures"],
    },
    { ...opts, dependsOn: [rolePolicy] },
  );
  const permissions = settings.directTarget === true ? chimeInvokePermissions(name, fn, inputs, opts) : [];
  return { function: fn, role, rolePolicy, logGroup: logs.logGroup, queueMapping, chimeInvokePermissions: permissions };
}
