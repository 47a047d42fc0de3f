import assert from "node:assert/strict";
import { regionFromEnvironment, settingsFromConfig } from "../../components/meeting/settings";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

describe("Meeting provider settings from stack config", () => {
  it("leaves attempts to the SDK, sets no endpoint, region, profile or role, and paces at 10 calls per second", () => {
    assert.deepEqual(settingsFromConfig(config({})), {
      region: undefined,
      endpoint: undefined,
      maxAttempts: undefined,
      profile: undefined,
      assumeRoles: [],
      requestsPerSecond: 10,
    });
  });

  it("prefers chime-meetings:region over aws:region", () => {
    assert.equal(settingsFromConfig(config({ "chime-meetings:region": "eu-central-1", "aws:region": "us-east-1" })).region, "eu-central-1");
    assert.equal(settingsFromConfig(config({ "aws:region": "us-west-2" })).region, "us-west-2");
  });

  it("reads the endpoint and the attempts", () => {
    const s = settingsFromConfig(config({ "chime-meetings:endpoint": "http://127.0.0.1:4566", "chime-meetings:maxAttempts": "8" }));
    assert.deepEqual([s.endpoint, s.maxAttempts], ["http://127.0.0.1:4566", 8]);
  });

  it("rejects attempts that are not an integer from 1 to 20, naming the key", () => {
    assert.throws(
      () => settingsFromConfig(config({ "chime-meetings:maxAttempts": "zero" })),
      /^Error: chime-meetings:maxAttempts: value "zero" must be an integer from 1 to 20$/,
    );
    assert.throws(() => settingsFromConfig(config({ "chime-meetings:maxAttempts": "0" })), /must be an integer from 1 to 20/);
  });

  it("rejects an endpoint that is not an http(s) URL, naming the key", () => {
    assert.throws(
      () => settingsFromConfig(config({ "chime-meetings:endpoint": "127.0.0.1:4566" })),
      /^Error: chime-meetings:endpoint: value "127.0.0.1:4566" must be an http:\/\/ or https:\/\/ URL$/,
    );
  });

  it("falls back to AWS_REGION, then AWS_DEFAULT_REGION", () => {
    assert.equal(regionFromEnvironment({ AWS_REGION: "us-west-2", AWS_DEFAULT_REGION: "eu-west-2" }), "us-west-2");
    assert.equal(regionFromEnvironment({ AWS_DEFAULT_REGION: "eu-west-2" }), "eu-west-2");
    assert.equal(regionFromEnvironment({}), undefined);
  });
});
