import assert from "node:assert/strict";
import { loadModel, type Model, type ModelShape } from "../../../../chime/botocore-model";
import { signedFetch, useEmulator } from "../../../support";

/**
 * Cases generated from botocore's service model itself (not from chime/): for every constrained member of every
 * operation's input — lengths, ranges, list sizes, enums, patterns, required members, types — one request that
 * breaks exactly that constraint, sent signed over HTTP. Each must be a 400 BadRequestException naming the member.
 */
type Json = Record<string, unknown>;
type Member = { shape: string; location?: string; locationName?: string };
interface Case {
  operation: string;
  path: string;
  request: Json;
  rule: RegExp;
}

/** Shape-valid samples for patterned strings (the model states the pattern, not an example). */
const SAMPLES: Record<string, string> = {
  GuidString: "0a0b0c0d-1111-2222-3333-444455556666",
  AmazonResourceName: "arn:aws:chime:us-east-1:123456789012:meeting/0a0b0c0d-1111-2222-3333-444455556666",
  Arn: "arn:aws:sqs:us-east-1:123456789012:queue",
  ClientRequestToken: "token-0001",
  TagKey: "key",
  TagValue: "value",
  TenantId: "tenant-1",
  TranscribeLanguageModelName: "model1",
  TranscribeLanguageOptions: "en-US,fr-FR",
  TranscribePiiEntityTypes: "NAME",
  TranscribeVocabularyNamesOrFilterNamesString: "vocab1",
};

function minimal(model: Model, name: string): unknown {
  const s = model.shapes[name];
  switch (s.type) {
    case "structure": {
      const out: Json = {};
      for (const m of (s.required as string[] | undefined) ?? []) out[m] = minimal(model, (s.members as Record<string, Member>)[m].shape);
      return out;
    }
    case "list":
      return Array.from({ length: Math.max(1, (s.min as number | undefined) ?? 0) }, () => minimal(model, (s.member as Member).shape));
    case "integer":
      return s.min ?? 1;
    case "boolean":
      return true;
    default:
      if (Array.isArray(s.enum)) return s.enum[0];
      return SAMPLES[name] ?? "x".repeat(Math.max(2, (s.min as number | undefined) ?? 0));
  }
}

/** Invalid values for one shape, each with the rule the message must state. */
function breakers(model: Model, name: string): [unknown, RegExp][] {
  const s = model.shapes[name];
  const out: [unknown, RegExp][] = [];
  if (s.type === "string") {
    out.push([42, /must be a string|must be one of/]);
    if (Array.isArray(s.enum)) {
      out.push(
        ["NotAnEnumValue", /must be one of/],
        [
          String(s.enum[0]).toLowerCase() === s.enum[0] ? String(s.enum[0]).toUpperCase() : String(s.enum[0]).toLowerCase(),
          /must be one of/,
        ],
      );
    }
    if (typeof s.max === "number") out.push(["a".repeat(s.max + 1), /characters long/]);
    if (typeof s.min === "number" && s.min > 0) out.push(["a".repeat(s.min - 1), /characters long/]);
    if (typeof s.pattern === "string" && s.pattern.length > 0)
      out.push([`${"\u{1F600}".repeat(Math.max(2, (s.min as number | undefined) ?? 0))}`, /must match the pattern/]);
  } else if (s.type === "integer") {
    out.push(
      [(s.max as number) + 1, /must be an integer from/],
      [(s.min as number) - 1, /must be an integer from/],
      [1.5, /must be an integer from/],
    );
  } else if (s.type === "list") {
    if (typeof s.max === "number")
      out.push([Array.from({ length: s.max + 1 }, () => minimal(model, (s.member as Member).shape)), /must have/]);
    if (typeof s.min === "number" && s.min > 0) out.push([[], /must have/]);
    out.push(["not-a-list", /must be a list/]);
  } else if (s.type === "structure") {
    out.push(["not-an-object", /must be an object/]);
  } else if (s.type === "boolean") {
    out.push(["yes", /must be true or false/]);
  }
  return out;
}

/** Every case of one operation: each member (recursively, one list item deep) broken in turn. */
function casesOf(model: Model, operation: string): Case[] {
  const input = model.operations[operation].input?.shape as string;
  const base = minimal(model, input) as Json;
  const cases: Case[] = [];
  const visit = (shapeName: string, wirePath: string, set: (root: Json, v: unknown) => void, depth: number, location?: string) => {
    for (const [value, rule] of breakers(model, shapeName)) {
      // A label travels in the path: only strings can be sent there.
      if (location === "uri" && typeof value !== "string") continue;
      // A query value is text: a number there is the text "42", not a type error; only integers are parsed.
      if (
        location === "querystring" &&
        (typeof value === "number" ? model.shapes[shapeName].type !== "integer" : typeof value !== "string")
      )
        continue;
      const request = structuredClone(base);
      set(request, value);
      cases.push({ operation, path: wirePath, request, rule });
    }
    const s: ModelShape = model.shapes[shapeName];
    if (depth > 4) return;
    if (s.type === "structure") {
      const members = s.members as Record<string, Member>;
      const required = (s.required as string[] | undefined) ?? [];
      for (const [name, m] of Object.entries(members)) {
        const at = wirePath === "" ? name : `${wirePath}.${name}`;
        const child = (root: Json, v: unknown) => {
          const parent = { ...(minimal(model, shapeName) as Json) };
          set(root, parent);
          parent[name] = v;
        };
        const setMember =
          wirePath === ""
            ? (root: Json, v: unknown) => {
                root[name] = v;
              }
            : child;
        if (required.includes(name) && m.location !== "uri") {
          const request = structuredClone(base);
          setMember(request, undefined);
          cases.push({ operation, path: at, request, rule: /is required/ });
        }
        visit(m.shape, at, setMember, depth + 1, m.location);
      }
    } else if (s.type === "list") {
      const item = (s.member as Member).shape;
      visit(item, `${wirePath}[0]`, (root, v) => set(root, [v]), depth + 1);
    }
  };
  visit(input, "", () => undefined, 0);
  return cases.filter((c) => c.path !== "");
}

/** The HTTP request of an operation as the model binds it: labels in the path, query members, the rest as the body. */

/** A generated value as URI or query text (strings as they are, anything else as JSON). */
const asText = (x: unknown): string => (typeof x === "string" ? x : String(JSON.stringify(x)));

function httpRequest(model: Model, operation: string, request: Json): { method: string; pathAndQuery: string; body: string } {
  const { method, requestUri } = model.operations[operation].http;
  const members = model.shapes[model.operations[operation].input?.shape as string].members as Record<string, Member>;
  const [path, literal] = requestUri.split("?");
  const query = new URLSearchParams(literal);
  const body: Json = {};
  let uri = path;
  for (const [name, m] of Object.entries(members)) {
    const v = request[name];
    if (m.location === "uri") uri = uri.replace(`{${m.locationName}}`, encodeURIComponent(asText(v)));
    else if (m.location === "querystring") {
      if (v !== undefined) query.set(m.locationName as string, asText(v));
    } else if (v !== undefined) body[name] = v;
  }
  const q = query.toString();
  return { method, pathAndQuery: q ? `${uri}?${q}` : uri, body: method === "GET" || method === "DELETE" ? "" : JSON.stringify(body) };
}

describe("emulator against cases generated from botocore's service model (every constraint of every input member)", function () {
  this.timeout(120_000);
  const h = useEmulator();
  const loaded = loadModel();
  if (typeof loaded === "string") {
    it("needs botocore's model", function () {
      if (process.env.CI === "true") throw new Error(loaded);
      this.skip();
    });
    return;
  }
  const model = loaded;
  for (const operation of Object.keys(model.operations).sort()) {
    it(`${operation}: every request breaking one constraint of the model is a 400 naming that member`, async () => {
      const cases = casesOf(model, operation);
      assert.ok(cases.length > 0);
      const failures: string[] = [];
      for (const c of cases) {
        const { method, pathAndQuery, body } = httpRequest(model, operation, c.request);
        const r = await signedFetch(h.emulator.url, method, pathAndQuery, body);
        const text = await r.text();
        const message = text ? String((JSON.parse(text) as { Message?: string }).Message) : "";
        const named = message.split("; ").some((part) => part.startsWith(`${c.path}: value `) && c.rule.test(part));
        if (r.status !== 400 || r.headers.get("x-amzn-errortype") !== "BadRequestException" || !named) {
          failures.push(`${c.path} (${c.rule.source}): ${r.status} ${message.slice(0, 200)}`);
        }
      }
      assert.deepEqual(failures, [], `${failures.length} of ${cases.length} generated cases disagree`);
    });
  }
});
