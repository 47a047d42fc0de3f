import { changedCreateOnlyFields } from "./compare";
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
 */
export function diffMeeting(olds: MeetingOutputs, news: MeetingInputs): MeetingDiff {
  const replaces = changedCreateOnlyFields(olds, news);
  const tagsChange = containsUnknown(news.tags) || !isEmptyTagPlan(planTags(olds.tags, news.tags));
  const attendeesChange = containsUnknown(news.attendees) || containsUnknown(news.meetingFeatures)
    || !isEmptyPlan(planAttendees(olds.attendees, news.attendees, news.meetingFeatures));
  return {
    changes: replaces.length > 0 || tagsChange || attendeesChange,
    replaces,
    // Create-before-delete is safe: the service allows several meetings with one ExternalMeetingId.
    deleteBeforeReplace: false,
  };
}
