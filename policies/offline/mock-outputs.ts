import { createHash } from "node:crypto";
import { meetingArn } from "../../chime";
import { DYNAMIC_MEETING_TYPE, PLUGIN_MEETING_TYPE } from "../../components/meeting/type-tokens";

/** Account and region the mocks pretend to run in. */
export interface MockEnvironment {
  accountId: string;
  region: string;
}

type Props = Record<string, unknown>;

function suffix(seed: string): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, 7);
}

/** Deterministic GUID-shaped id, so repeated runs print the same ARNs. */
function guid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A physical name as the providers auto-name: `<name>-<7 hex>`, keeping a FIFO `.fifo` suffix. */
function physicalName(logical: string, given: unknown, prefix: unknown, fifo: boolean): string {
  const explicit = str(given);
  if (explicit !== undefined) return explicit;
  const base = `${str(prefix) ?? `${logical}-`}${suffix(logical)}`;
  return fifo ? `${base}.fifo` : base;
}

/**
 * Outputs the mocks return per type: the inputs plus the computed attributes rules and programs read (ARNs, URLs,
 * names, ids). Types not listed get an ARN-shaped `arn` so that cross-references still resolve.
 */
export function mockOutputs(type: string, name: string, inputs: Props, env: MockEnvironment): { id: string; state: Props } {
  const region = str(inputs.region) ?? env.region;
  const account = env.accountId;
  const service = (type.split(":")[1] ?? "unknown").split("/")[0];
  switch (type) {
    case "aws:sqs/queue:Queue":
    case "aws-native:sqs:Queue": {
      const native = type.startsWith("aws-native");
      const queueName = physicalName(name, native ? inputs.queueName : inputs.name, inputs.namePrefix, inputs.fifoQueue === true);
      const url = `https://sqs.${region}.amazonaws.com/${account}/${queueName}`;
      const arn = `arn:aws:sqs:${region}:${account}:${queueName}`;
      return { id: url, state: native ? { ...inputs, queueName, queueUrl: url, arn } : { ...inputs, name: queueName, url, arn } };
    }
    case "aws:sns/topic:Topic":
    case "aws-native:sns:Topic": {
      const native = type.startsWith("aws-native");
      const topicName = physicalName(name, native ? inputs.topicName : inputs.name, inputs.namePrefix, inputs.fifoTopic === true);
      const arn = `arn:aws:sns:${region}:${account}:${topicName}`;
      return { id: arn, state: native ? { ...inputs, topicName, topicArn: arn } : { ...inputs, name: topicName, arn } };
    }
    case "aws:lambda/function:Function": {
      const fnName = physicalName(name, inputs.name, undefined, false);
      const arn = `arn:aws:lambda:${region}:${account}:function:${fnName}`;
      const invokeArn = `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${arn}/invocations`;
      return { id: fnName, state: { ...inputs, name: fnName, arn, invokeArn, qualifiedArn: `${arn}:$LATEST` } };
    }
    case "aws:kms/key:Key":
    case "aws-native:kms:Key": {
      const keyId = guid(`${type}:${name}`);
      return { id: keyId, state: { ...inputs, keyId, arn: `arn:aws:kms:${region}:${account}:key/${keyId}` } };
    }
    case "aws:iam/role:Role": {
      const roleName = physicalName(name, inputs.name, inputs.namePrefix, false);
      return { id: roleName, state: { ...inputs, name: roleName, arn: `arn:aws:iam::${account}:role/${roleName}` } };
    }
    case "aws:cloudwatch/eventRule:EventRule":
    case "aws-native:events:Rule": {
      const ruleName = physicalName(name, inputs.name, inputs.namePrefix, false);
      return { id: ruleName, state: { ...inputs, name: ruleName, arn: `arn:aws:events:${region}:${account}:rule/${ruleName}` } };
    }
    case DYNAMIC_MEETING_TYPE:
    case PLUGIN_MEETING_TYPE: {
      const meetingId = guid(`meeting:${name}`);
      const mediaRegion = str(inputs.mediaRegion) ?? region;
      return { id: meetingId, state: { ...inputs, meetingId, meetingArn: meetingArn(mediaRegion, account, meetingId) } };
    }
    default: {
      const id = `${name}-${suffix(type + name)}`;
      return { id, state: { arn: `arn:aws:${service}:${region}:${account}:${id}`, ...inputs } };
    }
  }
}

/** Results of the provider functions programs commonly call; anything else returns its inputs. */
export function mockCall(token: string, inputs: Props, env: MockEnvironment): Props {
  switch (token) {
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: env.accountId, arn: `arn:aws:iam::${env.accountId}:user/offline`, userId: "OFFLINE", id: env.accountId };
    case "aws:index/getRegion:getRegion": {
      const region = str(inputs.region) ?? str(inputs.name) ?? env.region;
      return { name: region, region, id: region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
    }
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
    case "aws-native:index:getAccountId":
      return { accountId: env.accountId };
    case "aws-native:index:getRegion":
      return { region: env.region };
    case "aws-native:index:getPartition":
      return { partition: "aws" };
    default:
      return inputs;
  }
}
