import * as pulumi from "@pulumi/pulumi";

/** Mock AWS for component tests: records every registration and invents the computed outputs AWS would. */

export const ACCOUNT_ID = "123456789012";
export const DEFAULT_REGION = "us-east-1";

export type Inputs = Record<string, unknown>;

export interface Registration {
  type: string;
  name: string;
  inputs: Inputs;
  /** Region of the provider the resource was registered with (the mock default when none). */
  region: string;
  /** Inputs plus the computed outputs the mock returned. */
  state: Inputs;
}

export interface AwsMocks {
  registrations: Registration[];
  /** Invoke tokens seen, in order. */
  calls: { token: string; region: string }[];
}

function partitionOf(region: string): string {
  return region.startsWith("us-gov-") ? "aws-us-gov" : region.startsWith("cn-") ? "aws-cn" : "aws";
}

/** Computed outputs per resource type, shaped like the real ones. */
function computedState(type: string, name: string, inputs: Inputs, region: string): Inputs {
  const p = partitionOf(region);
  const physical = typeof inputs.name === "string" ? inputs.name : `${name}-0a1b2c3`;
  switch (type) {
    case "aws:sqs/queue:Queue":
      return {
        name: physical,
        arn: `arn:${p}:sqs:${region}:${ACCOUNT_ID}:${physical}`,
        url: `https://sqs.${region}.amazonaws.com/${ACCOUNT_ID}/${physical}`,
      };
    case "aws:sns/topic:Topic":
      return { name: physical, arn: `arn:${p}:sns:${region}:${ACCOUNT_ID}:${physical}` };
    case "aws:kms/key:Key":
      return { keyId: `key-${name}`, arn: `arn:${p}:kms:${region}:${ACCOUNT_ID}:key/key-${name}` };
    case "aws:lambda/function:Function":
      return { name: physical, arn: `arn:${p}:lambda:${region}:${ACCOUNT_ID}:function:${physical}` };
    case "aws:iam/role:Role":
      return { name: physical, arn: `arn:${p}:iam::${ACCOUNT_ID}:role/${physical}` };
    case "aws:cloudwatch/logGroup:LogGroup":
      return { name: physical, arn: `arn:${p}:logs:${region}:${ACCOUNT_ID}:log-group:${physical}` };
    case "aws:cloudwatch/eventRule:EventRule":
      return { name: physical, arn: `arn:${p}:events:${region}:${ACCOUNT_ID}:rule/${physical}` };
    case "pulumi-nodejs:dynamic/chime:Meeting": {
      const meetingId = `${name}-meeting-id`;
      const attendees = ((inputs.attendees as Inputs[] | undefined) ?? []).map((a, i) => ({
        ...a,
        attendeeId: `${name}-attendee-${i}`,
        joinToken: `token-${name}-${i}`,
      }));
      return { meetingId, meetingArn: `arn:${p}:chime:${String(inputs.mediaRegion)}:${ACCOUNT_ID}:meeting/${meetingId}`, attendees };
    }
    default:
      return {};
  }
}

/** The provider reference a mock receives is `<urn>::<id>`; ids are `<name>-id`. */
function providerId(reference: string | undefined): string | undefined {
  return reference?.split("::").pop();
}

export async function installAwsMocks(): Promise<AwsMocks> {
  const recorded: AwsMocks = { registrations: [], calls: [] };
  const providerRegions = new Map<string, string>();
  const regionOf = (reference: string | undefined): string => {
    const id = providerId(reference);
    return (id !== undefined ? providerRegions.get(id) : undefined) ?? DEFAULT_REGION;
  };
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const inputs = args.inputs as Inputs;
        const id = `${args.name}-id`;
        if (args.type === "pulumi:providers:aws" && typeof inputs.region === "string") providerRegions.set(id, inputs.region);
        const region = regionOf(args.provider);
        const state = { ...inputs, ...computedState(args.type, args.name, inputs, region) };
        recorded.registrations.push({ type: args.type, name: args.name, inputs, region, state });
        return { id, state };
      },
      call(args) {
        const region = regionOf(args.provider);
        recorded.calls.push({ token: args.token, region });
        switch (args.token) {
          case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:user/test`, userId: "AIDTEST", id: ACCOUNT_ID };
          case "aws:index/getPartition:getPartition":
            return { partition: partitionOf(region), dnsSuffix: "amazonaws.com", id: partitionOf(region) };
          case "aws:index/getRegion:getRegion":
            return { region, name: region, id: region, description: region, endpoint: `ec2.${region}.amazonaws.com` };
          default:
            throw new Error(`unexpected invoke ${args.token}`);
        }
      },
    },
    "chime-meetings",
    "test",
  );
  return recorded;
}

export function outputValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) =>
    output.apply((value) => {
      resolve(value);
      return value;
    }),
  );
}

/** Waits until no registration has arrived for a few ticks (children register as their inputs resolve). */
export async function settled(mocks: AwsMocks, quietMs = 60): Promise<void> {
  let count = -1;
  while (count !== mocks.registrations.length) {
    count = mocks.registrations.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

/** The registrations of one component: itself and its `${name}-…` children, keyed by child role. */
export function childrenOf(mocks: AwsMocks, componentName: string): Map<string, Registration> {
  const byRole = new Map<string, Registration>();
  for (const r of mocks.registrations) {
    if (r.name === componentName) byRole.set("(component)", r);
    else if (r.name.startsWith(`${componentName}-`)) byRole.set(r.name.slice(componentName.length + 1), r);
  }
  return byRole;
}

export function child(mocks: AwsMocks, componentName: string, role: string): Registration {
  const found = childrenOf(mocks, componentName).get(role);
  if (found === undefined) throw new Error(`no child "${componentName}-${role}" was registered`);
  return found;
}

/** A policy-document input parsed back from its JSON string. */
export function policyOf(registration: Registration, field = "policy"): { Version: string; Statement: Inputs[] } {
  const value = registration.inputs[field];
  if (typeof value !== "string") throw new Error(`${registration.name}.${field} is not a JSON string`);
  return JSON.parse(value) as { Version: string; Statement: Inputs[] };
}

/** Inputs with the component name replaced, so two components' children compare equal. */
export function normalisedInputs(registration: Registration, componentName: string): unknown {
  const text = JSON.stringify(registration.inputs, (key, value: unknown) => (key === "code" ? "(archive)" : value));
  return JSON.parse(text.split(`${componentName}-`).join("NAME-")) as unknown;
}
