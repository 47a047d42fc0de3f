import { checkBoolean, checkEnum, checkObject, checkString } from "./checks";
import * as E from "./enums";
import { LIMITS } from "./limits";
import type { EngineTranscribeMedicalSettings, EngineTranscribeSettings, TranscriptionConfiguration } from "./types";
import type { Violation } from "./violation";

/**
 * StartMeetingTranscription: exactly one engine; enums, lengths and patterns of the model; and the
 * combination rules of the EngineTranscribeSettings docs (identification XOR redaction, PII types need
 * one of them, language options need IdentifyLanguage, LanguageCode or IdentifyLanguage required).
 */
export function validateTranscriptionConfiguration(cfg: TranscriptionConfiguration, path = "transcriptionConfiguration"): Violation[] {
  const out: Violation[] = [];
  if (!checkObject(cfg, path, out)) return out;
  const standard = cfg.engineTranscribeSettings;
  const medical = cfg.engineTranscribeMedicalSettings;
  if ((standard === undefined) === (medical === undefined)) {
    const rule = "must contain exactly one of engineTranscribeSettings and engineTranscribeMedicalSettings";
    out.push({ path, value: Object.keys(cfg), rule });
    return out;
  }
  if (standard !== undefined) checkStandard(standard, `${path}.engineTranscribeSettings`, out);
  if (medical !== undefined) checkMedical(medical, `${path}.engineTranscribeMedicalSettings`, out);
  return out;
}

function checkStandard(s: EngineTranscribeSettings, path: string, out: Violation[]): void {
  if (!checkObject(s, path, out)) return;
  const p = (field: string) => `${path}.${field}`;
  checkEnum(s.languageCode, p("languageCode"), E.TRANSCRIBE_LANGUAGE_CODES, out);
  checkEnum(s.vocabularyFilterMethod, p("vocabularyFilterMethod"), E.TRANSCRIBE_VOCABULARY_FILTER_METHODS, out);
  checkEnum(s.region, p("region"), E.TRANSCRIBE_REGIONS, out);
  checkEnum(s.partialResultsStability, p("partialResultsStability"), E.TRANSCRIBE_PARTIAL_RESULTS_STABILITIES, out);
  checkEnum(s.contentIdentificationType, p("contentIdentificationType"), E.TRANSCRIBE_CONTENT_IDENTIFICATION_TYPES, out);
  checkEnum(s.contentRedactionType, p("contentRedactionType"), E.TRANSCRIBE_CONTENT_REDACTION_TYPES, out);
  checkEnum(s.preferredLanguage, p("preferredLanguage"), E.TRANSCRIBE_LANGUAGE_CODES, out);
  checkBoolean(s.enablePartialResultsStabilization, p("enablePartialResultsStabilization"), out);
  checkBoolean(s.identifyLanguage, p("identifyLanguage"), out);
  checkString(s.vocabularyName, p("vocabularyName"), out, { range: { min: 0, max: LIMITS.string.max } });
  checkString(s.vocabularyFilterName, p("vocabularyFilterName"), out, { range: { min: 0, max: LIMITS.string.max } });
  checkString(s.piiEntityTypes, p("piiEntityTypes"), out, { range: LIMITS.transcribePiiEntityTypes, pattern: "transcribePiiEntityTypes" });
  checkString(s.languageModelName, p("languageModelName"), out, {
    range: LIMITS.transcribeLanguageModelName,
    pattern: "transcribeLanguageModelName",
  });
  checkString(s.languageOptions, p("languageOptions"), out, {
    range: LIMITS.transcribeLanguageOptions,
    pattern: "transcribeLanguageOptions",
  });
  checkString(s.vocabularyNames, p("vocabularyNames"), out, { range: LIMITS.transcribeNames, pattern: "transcribeNames" });
  checkString(s.vocabularyFilterNames, p("vocabularyFilterNames"), out, { range: LIMITS.transcribeNames, pattern: "transcribeNames" });
  checkCombinations(s, path, out);
}

function checkCombinations(s: EngineTranscribeSettings, path: string, out: Violation[]): void {
  if (s.contentIdentificationType !== undefined && s.contentRedactionType !== undefined) {
    out.push({
      path: `${path}.contentRedactionType`,
      value: s.contentRedactionType,
      rule: "cannot be set together with contentIdentificationType",
    });
  }
  if (s.piiEntityTypes !== undefined && s.contentIdentificationType === undefined && s.contentRedactionType === undefined) {
    out.push({
      path: `${path}.piiEntityTypes`,
      value: s.piiEntityTypes,
      rule: "requires contentIdentificationType or contentRedactionType",
    });
  }
  for (const field of ["languageOptions", "preferredLanguage"] as const) {
    if (s[field] !== undefined && s.identifyLanguage !== true) {
      out.push({ path: `${path}.${field}`, value: s[field], rule: "requires identifyLanguage to be true" });
    }
  }
  if (s.languageCode === undefined && s.identifyLanguage !== true) {
    out.push({ path: `${path}.languageCode`, value: undefined, rule: "is required unless identifyLanguage is true" });
  }
  if (s.languageCode !== undefined && s.identifyLanguage === true) {
    out.push({ path: `${path}.languageCode`, value: s.languageCode, rule: "cannot be set together with identifyLanguage" });
  }
}

function checkMedical(s: EngineTranscribeMedicalSettings, path: string, out: Violation[]): void {
  if (!checkObject(s, path, out)) return;
  checkEnum(s.languageCode, `${path}.languageCode`, E.TRANSCRIBE_MEDICAL_LANGUAGE_CODES, out, true);
  checkEnum(s.specialty, `${path}.specialty`, E.TRANSCRIBE_MEDICAL_SPECIALTIES, out, true);
  checkEnum(s.type, `${path}.type`, E.TRANSCRIBE_MEDICAL_TYPES, out, true);
  checkEnum(s.region, `${path}.region`, E.TRANSCRIBE_MEDICAL_REGIONS, out);
  checkEnum(s.contentIdentificationType, `${path}.contentIdentificationType`, E.TRANSCRIBE_MEDICAL_CONTENT_IDENTIFICATION_TYPES, out);
  checkString(s.vocabularyName, `${path}.vocabularyName`, out, { range: { min: 0, max: LIMITS.string.max } });
}
