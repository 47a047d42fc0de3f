import assert from "node:assert/strict";
import { validateTranscriptionConfiguration } from "../../chime/validate";
import type { TranscriptionConfiguration } from "../../chime/types";

const P = "transcriptionConfiguration.engineTranscribeSettings";
const M = "transcriptionConfiguration.engineTranscribeMedicalSettings";

describe("chime validateTranscriptionConfiguration", () => {
  const rows: { name: string; c: TranscriptionConfiguration; paths: string[] }[] = [
    { name: "accepts a language code", c: { engineTranscribeSettings: { languageCode: "en-US" } }, paths: [] },
    {
      name: "accepts language identification with options",
      c: { engineTranscribeSettings: { identifyLanguage: true, languageOptions: "en-US,de-DE", preferredLanguage: "en-US" } },
      paths: [],
    },
    { name: "rejects no engine", c: {}, paths: ["transcriptionConfiguration"] },
    {
      name: "rejects both engines",
      c: {
        engineTranscribeSettings: { languageCode: "en-US" },
        engineTranscribeMedicalSettings: { languageCode: "en-US", specialty: "PRIMARYCARE", type: "DICTATION" },
      },
      paths: ["transcriptionConfiguration"],
    },
    { name: "rejects an unknown language code", c: { engineTranscribeSettings: { languageCode: "xx-XX" } }, paths: [`${P}.languageCode`] },
    { name: "rejects neither language code nor identification", c: { engineTranscribeSettings: {} }, paths: [`${P}.languageCode`] },
    {
      name: "rejects language options without identification",
      c: { engineTranscribeSettings: { languageCode: "en-US", languageOptions: "en-US" } },
      paths: [`${P}.languageOptions`],
    },
    {
      name: "rejects identification and redaction together",
      c: { engineTranscribeSettings: { languageCode: "en-US", contentIdentificationType: "PII", contentRedactionType: "PII" } },
      paths: [`${P}.contentRedactionType`],
    },
    {
      name: "rejects PII entity types without identification or redaction",
      c: { engineTranscribeSettings: { languageCode: "en-US", piiEntityTypes: "NAME" } },
      paths: [`${P}.piiEntityTypes`],
    },
    {
      name: "accepts PII entity types with redaction",
      c: { engineTranscribeSettings: { languageCode: "en-US", contentRedactionType: "PII", piiEntityTypes: "NAME, SSN" } },
      paths: [],
    },
    {
      name: "rejects an unknown transcribe region",
      c: { engineTranscribeSettings: { languageCode: "en-US", region: "mars-1" } },
      paths: [`${P}.region`],
    },
    { name: "accepts the auto region", c: { engineTranscribeSettings: { languageCode: "en-US", region: "auto" } }, paths: [] },
    {
      name: "accepts a 200-character language model name",
      c: { engineTranscribeSettings: { languageCode: "en-US", languageModelName: "m".repeat(200) } },
      paths: [],
    },
    {
      name: "rejects a 201-character language model name",
      c: { engineTranscribeSettings: { languageCode: "en-US", languageModelName: "m".repeat(201) } },
      paths: [`${P}.languageModelName`],
    },
    {
      name: "rejects a language model name with a space",
      c: { engineTranscribeSettings: { languageCode: "en-US", languageModelName: "my model" } },
      paths: [`${P}.languageModelName`],
    },
    {
      name: "accepts 300 characters of PII entity types",
      c: { engineTranscribeSettings: { languageCode: "en-US", contentRedactionType: "PII", piiEntityTypes: "A".repeat(300) } },
      paths: [],
    },
    {
      name: "rejects 301 characters of PII entity types",
      c: { engineTranscribeSettings: { languageCode: "en-US", contentRedactionType: "PII", piiEntityTypes: "A".repeat(301) } },
      paths: [`${P}.piiEntityTypes`],
    },
    {
      name: "rejects lower-case PII entity types",
      c: { engineTranscribeSettings: { languageCode: "en-US", contentRedactionType: "PII", piiEntityTypes: "name" } },
      paths: [`${P}.piiEntityTypes`],
    },
    {
      name: "accepts 200 characters of language options",
      c: { engineTranscribeSettings: { identifyLanguage: true, languageOptions: "e".repeat(200) } },
      paths: [],
    },
    {
      name: "rejects 201 characters of language options",
      c: { engineTranscribeSettings: { identifyLanguage: true, languageOptions: "e".repeat(201) } },
      paths: [`${P}.languageOptions`],
    },
    {
      name: "accepts 3000 characters of vocabulary names",
      c: { engineTranscribeSettings: { languageCode: "en-US", vocabularyNames: "v".repeat(3000) } },
      paths: [],
    },
    {
      name: "rejects 3001 characters of vocabulary filter names",
      c: { engineTranscribeSettings: { languageCode: "en-US", vocabularyFilterNames: "v".repeat(3001) } },
      paths: [`${P}.vocabularyFilterNames`],
    },
    {
      name: "rejects an unknown partial results stability",
      c: { engineTranscribeSettings: { languageCode: "en-US", partialResultsStability: "extreme" } },
      paths: [`${P}.partialResultsStability`],
    },
    {
      name: "rejects a non-boolean identifyLanguage",
      c: { engineTranscribeSettings: { languageCode: "en-US", identifyLanguage: "yes" as unknown as boolean } },
      paths: [`${P}.identifyLanguage`],
    },
    {
      name: "accepts complete medical settings",
      c: { engineTranscribeMedicalSettings: { languageCode: "en-US", specialty: "CARDIOLOGY", type: "CONVERSATION" } },
      paths: [],
    },
    {
      name: "rejects medical settings without a specialty",
      c: { engineTranscribeMedicalSettings: { languageCode: "en-US", type: "CONVERSATION" } as never },
      paths: [`${M}.specialty`],
    },
    {
      name: "rejects a medical language other than en-US",
      c: { engineTranscribeMedicalSettings: { languageCode: "de-DE", specialty: "CARDIOLOGY", type: "CONVERSATION" } },
      paths: [`${M}.languageCode`],
    },
  ];
  for (const row of rows) {
    it(row.name, () =>
      assert.deepEqual(
        validateTranscriptionConfiguration(row.c).map((v) => v.path),
        row.paths,
      ),
    );
  }
});
