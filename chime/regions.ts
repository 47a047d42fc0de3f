/** Valid MediaRegion values (CreateMeeting docs; the last two are AWS GovCloud (US)). */
export const MEDIA_REGIONS: readonly string[] = [
  "af-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ca-central-1",
  "eu-central-1",
  "eu-north-1",
  "eu-south-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "us-gov-east-1",
  "us-gov-west-1",
];

/** Regions with a `meetings-chime.<region>.amazonaws.com` API endpoint (AWS General Reference endpoint table). */
export const CONTROL_REGIONS: readonly string[] = [
  "us-east-1",
  "us-west-2",
  "af-south-1",
  "ap-south-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "ca-central-1",
  "eu-central-1",
  "eu-west-2",
  "il-central-1",
  "us-gov-east-1",
  "us-gov-west-1",
];

export type Partition = "aws" | "aws-us-gov" | "aws-cn";

export function isGovCloud(region: string): boolean {
  return region.startsWith("us-gov-");
}

export function partitionOf(region: string): Partition {
  if (isGovCloud(region)) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  return "aws";
}

/** Short region code used in MediaPlacement host names, e.g. us-east-1 → ue1, eu-central-1 → ec1. */
export function shortRegionCode(region: string): string {
  const parts = region.split("-");
  const number = parts[parts.length - 1];
  const words = parts.slice(0, -1);
  return words.map((w) => w[0]).join("") + number;
}
