import { changedCreateOnlyFields } from "./compare";
import { generationOf } from "./generation";
import { isEmptyPlan, isEmptyTagPlan, planAttendees, planTags } from "./plan";
import type { MeetingInputs, MeetingOutputs } from "./types";
import { containsUnknown } from "./unknown";

export interface MeetingDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/**
 * Compares the stored outputs with the new inputs. Only inputs count: `__provider` (the provider's own
 * code) is ignored, so a new provider version alone never updates or replaces a meeting. Create-only
 * fields replace; tags and attendees change in place. `news.region` is the resolved control region.
 * A meeting that read() found gone is replaced, shown as a change of `generation` (check() raised it).
 */
export function diffMeeting(olds: MeetingOutputs, news: MeetingInputs): MeetingDiff {
  const replaces: string[] = changedCreateOnlyFields(olds, news);
  if (olds.ended === true || generationOf(olds) !== generationOf(news)) replaces.push("generation");
  const tagsChange = containsUnknown(news.tags) || !isEmptyTagPlan(planTags(olds.tags, news.tags));
  const attendeesChange =
    containsUnknown(news.attendees) ||
    containsUnknown(news.meetingFeatures) ||
    !isEmptyPlan(planAttendees(olds.attendees, news.attendees, news.meetingFeatures));
  return {
    changes: replaces.length > 0 || tagsChange || attendeesChange,
    replaces,
    // Create-before-delete is safe: the service allows several meetings with one ExternalMeetingId
    // (docs/MEETING.md, "When a meeting ends"). For an ended meeting the order does not matter: it is gone.
    deleteBeforeReplace: false,
  };
}
