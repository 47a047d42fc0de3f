import type { ChimeEventEnvelope } from "../chime/events";
import type { FaultConfig } from "./core/faults";
import { isJsonObject } from "./core/json";
import type { LoggedRequest } from "./core/http/request-log";
import type { AdminMeeting } from "./services/chime-sdk-meetings/model/admin";

/** Typed client of the emulator's admin API (`/_emulator/...`, unsigned, loopback only). */
export class EmulatorAdminClient {
  private readonly base: string;

  constructor(url: string) {
    this.base = url.replace(/\/+$/, "") + "/_emulator";
  }

  listMeetings(): Promise<AdminMeeting[]> {
    return this.call("GET", "/meetings");
  }

  async expireMeeting(id: string): Promise<void> {
    await this.call("POST", `/meetings/${encodeURIComponent(id)}/expire`);
  }

  async advanceClock(seconds: number): Promise<void> {
    await this.call("POST", "/clock/advance", { seconds });
  }

  async now(): Promise<Date> {
    return new Date((await this.call<{ now: string }>("GET", "/clock")).now);
  }

  async reset(): Promise<void> {
    await this.call("POST", "/reset");
  }

  async joinAttendee(meetingId: string, attendeeId: string): Promise<void> {
    await this.call("POST", `/meetings/${encodeURIComponent(meetingId)}/attendees/${encodeURIComponent(attendeeId)}/join`);
  }

  async leaveAttendee(meetingId: string, attendeeId: string): Promise<void> {
    await this.call("POST", `/meetings/${encodeURIComponent(meetingId)}/attendees/${encodeURIComponent(attendeeId)}/leave`);
  }

  async setFaults(f: FaultConfig): Promise<void> {
    await this.call("PUT", "/faults", f);
  }

  async clearFaults(): Promise<void> {
    await this.call("DELETE", "/faults");
  }

  requests(): Promise<LoggedRequest[]> {
    return this.call("GET", "/requests");
  }

  async clearRequests(): Promise<void> {
    await this.call("DELETE", "/requests");
  }

  events(meetingId?: string): Promise<ChimeEventEnvelope[]> {
    return this.call("GET", meetingId === undefined ? "/events" : `/events?meetingId=${encodeURIComponent(meetingId)}`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.base + path, {
      method,
      // The admin API refuses mutating calls without this type (a browser page cannot send it without a preflight).
      headers: method === "GET" ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) {
      const message = text ? errorMessage(text) : res.statusText;
      throw new Error(`emulator admin ${method} ${path} failed with ${res.status}: ${message}`);
    }
    // The admin API's answers are the documented shapes of each route (tests/emulator check them over HTTP).
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** The `error` member of an admin failure body, or the body itself when it is not one. */
function errorMessage(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isJsonObject(parsed) && typeof parsed.error === "string") return parsed.error;
  } catch {
    // not JSON: the text is the message
  }
  return text;
}
