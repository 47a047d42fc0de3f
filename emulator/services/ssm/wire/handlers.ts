import { validation } from "../errors";
import type { Parameter, ParameterStore } from "../model/parameter-store";

/** The implemented SSM operations (X-Amz-Target `AmazonSSM.<operation>`). */
export const SSM_OPERATIONS = ["PutParameter", "GetParameter", "DeleteParameter", "GetParametersByPath"] as const;
export type SsmOperation = (typeof SSM_OPERATIONS)[number];

type Handler = (store: ParameterStore, region: string, body: Record<string, unknown>, accountId: string) => Record<string, unknown>;

/** The wire shape of a parameter; LastModifiedDate is epoch seconds as AWS JSON 1.1 sends timestamps. */
function toWire(p: Parameter, region: string, accountId: string): Record<string, unknown> {
  const arnName = p.name.startsWith("/") ? p.name : `/${p.name}`;
  return {
    Name: p.name,
    Type: p.type,
    Value: p.value,
    Version: p.version,
    LastModifiedDate: p.lastModified / 1000,
    ARN: `arn:aws:ssm:${region}:${accountId}:parameter${arnName}`,
    DataType: "text",
  };
}

export const SSM_HANDLERS: Record<SsmOperation, Handler> = {
  PutParameter: (store, region, b) => {
    const p = store.put(region, { name: b.Name, value: b.Value, type: b.Type, overwrite: b.Overwrite });
    return { Version: p.version, Tier: "Standard" };
  },
  GetParameter: (store, region, b, account) => ({ Parameter: toWire(store.get(region, b.Name), region, account) }),
  DeleteParameter: (store, region, b) => {
    store.delete(region, b.Name);
    return {};
  },
  GetParametersByPath: (store, region, b, account) => {
    if (b.ParameterFilters !== undefined) throw validation("ParameterFilters: not supported by the emulator's SSM subset");
    const { page, nextToken } = store.byPath(region, {
      path: b.Path,
      recursive: b.Recursive,
      maxResults: b.MaxResults,
      nextToken: b.NextToken,
    });
    return { Parameters: page.map((p) => toWire(p, region, account)), ...(nextToken ? { NextToken: nextToken } : {}) };
  },
};
