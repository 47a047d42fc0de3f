import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as E from "../../chime/enums";
import { LIMITS } from "../../chime/limits";
import { PATTERNS } from "../../chime/patterns";
import { CONTROL_REGIONS, MEDIA_REGIONS } from "../../chime/regions";

const NOTES = fs.readFileSync(path.resolve(__dirname, "../../docs/API-NOTES.md"), "utf8");
/** The notes without backticks and with runs of white space as one space, so wrapped lists read as one line. */
const FLAT = NOTES.replace(/`/g, "").replace(/\s+/g, " ");

/** The text of a `##` section, up to the next one. */
function section(title: string): string {
  const start = NOTES.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `no section "## ${title}"`);
  const end = NOTES.indexOf("\n## ", start + 1);
  return NOTES.slice(start, end < 0 ? undefined : end);
}

/** The region names in the part of `text` between two markers. */
function regionsBetween(text: string, from: string, to: string): string[] {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start);
  assert.ok(start >= 0 && end > start, `markers "${from}" … "${to}" not found`);
  return text.slice(start, end).match(/\b[a-z]{2}(?:-gov)?-[a-z]+-\d\b/g) ?? [];
}

/** The table row of docs/API-NOTES.md whose first cell begins with `shape`. */
function row(shape: string): string {
  const line = NOTES.split("\n").find((l) => l.startsWith(`| ${shape}`));
  assert.ok(line, `no table row for ${shape}`);
  return line;
}

describe("docs/API-NOTES.md agrees with chime/", () => {
  it("lists exactly the media regions and control regions of chime/regions.ts", () => {
    const regions = section("Regions");
    assert.deepEqual(regionsBetween(regions, "**Media regions**", "An unlisted value").sort(), [...MEDIA_REGIONS].sort());
    assert.deepEqual(regionsBetween(regions, "**Control (API) regions**", "FIPS endpoints").sort(), [...CONTROL_REGIONS].sort());
  });

  it("states every pattern of chime/patterns.ts as the code spells it", () => {
    const missing = Object.entries(PATTERNS)
      .filter(([, p]) => !NOTES.includes("`" + p.text + "`"))
      .map(([name, p]) => `${name}: ${p.text}`);
    assert.deepEqual(missing, []);
  });

  it("lists every enum of chime/enums.ts with its values in the code's order", () => {
    const enums: Record<string, readonly string[]> = {
      MEDIA_CAPABILITIES: E.MEDIA_CAPABILITIES,
      VIDEO_RESOLUTIONS: E.VIDEO_RESOLUTIONS,
      CONTENT_RESOLUTIONS: E.CONTENT_RESOLUTIONS,
      MEETING_FEATURE_STATUSES: E.MEETING_FEATURE_STATUSES,
      MEDIA_PLACEMENT_NETWORK_TYPES: E.MEDIA_PLACEMENT_NETWORK_TYPES,
      TRANSCRIBE_LANGUAGE_CODES: E.TRANSCRIBE_LANGUAGE_CODES,
      TRANSCRIBE_REGIONS: E.TRANSCRIBE_REGIONS,
      TRANSCRIBE_MEDICAL_REGIONS: E.TRANSCRIBE_MEDICAL_REGIONS,
      TRANSCRIBE_MEDICAL_SPECIALTIES: E.TRANSCRIBE_MEDICAL_SPECIALTIES,
      TRANSCRIBE_MEDICAL_TYPES: E.TRANSCRIBE_MEDICAL_TYPES,
      TRANSCRIBE_PARTIAL_RESULTS_STABILITIES: E.TRANSCRIBE_PARTIAL_RESULTS_STABILITIES,
      TRANSCRIBE_VOCABULARY_FILTER_METHODS: E.TRANSCRIBE_VOCABULARY_FILTER_METHODS,
    };
    const missing = Object.entries(enums)
      .filter(([, values]) => !FLAT.includes(values.join(", ")))
      .map(([name]) => name);
    assert.deepEqual(missing, []);
  });

  it("gives each shape the length or range of chime/limits.ts", () => {
    const ranges: [string, { min: number; max: number }][] = [
      ["ClientRequestToken", LIMITS.clientRequestToken],
      ["MediaRegion", LIMITS.mediaRegion],
      ["ExternalMeetingId", LIMITS.externalId],
      ["ExternalUserId", LIMITS.externalId],
      ["PrimaryMeetingId", LIMITS.primaryMeetingId],
      ["TagKey", LIMITS.tagKey],
      ["TagValue", LIMITS.tagValue],
      ["Arn", LIMITS.notificationArn],
      ["AmazonResourceName", LIMITS.resourceArn],
      ["AttendeeMax", LIMITS.maxCount],
      ["ResultMax", LIMITS.maxResults],
      ["TenantIdList", LIMITS.tenantIds],
      ["TagList", { min: 0, max: LIMITS.tags }],
    ];
    const wrong = ranges
      .filter(([shape, r]) => !row(shape).includes(`${r.min}–${r.max}`))
      .map(([shape, r]) => `${shape} ${r.min}–${r.max}`);
    assert.deepEqual(wrong, []);
    assert.match(row("TenantIdList"), new RegExp(`${LIMITS.tenantId.min}–${LIMITS.tenantId.max} characters`));
    assert.match(row("CreateMeetingWithAttendees `Attendees`"), new RegExp(`1–${LIMITS.createWithAttendeesBatch} items`));
    assert.match(row("BatchCreateAttendee `Attendees`"), new RegExp(`1–${LIMITS.batchCreateAttendee} items`));
    assert.match(row("ExcludedAttendeeIds"), new RegExp(`1–${LIMITS.excludedAttendeeIds} items`));
  });

  it("states the quotas and lifecycle times of chime/limits.ts", () => {
    assert.match(
      row("attendees per meeting"),
      new RegExp(`${LIMITS.perMeeting}; ${LIMITS.highResolutionCeiling} with video FHD or content UHD`),
    );
    assert.match(row("replica meetings per primary"), new RegExp(`\\| ${LIMITS.replicasPerPrimary} \\|`));
    const lifecycle = section("Meeting lifecycle").replace(/\s+/g, " ");
    assert.match(lifecycle, new RegExp(`${LIMITS.maxDurationSeconds / 3600} hours have passed`));
    assert.match(lifecycle, new RegExp(`no attendee has been connected for ${LIMITS.idleEndSeconds / 60} minutes`));
  });
});
