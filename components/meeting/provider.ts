import type * as dynamic from "@pulumi/pulumi/dynamic";
import { operations } from "./implementation";
import type { MeetingInputs, MeetingOutputs } from "./types";

type Provider = dynamic.ResourceProvider<MeetingInputs, MeetingOutputs>;

/**
 * The provider behind `Meeting`. Pulumi serializes this object into the state as `__provider`, once in each
 * meeting's inputs and once in its outputs, and the engine rewrites the whole state after every step; so
 * the serialized object holds only configure(). The engine calls configure() first, once per provider
 * process (before any other method), and configure() installs the operations, bound to the settings read
 * from stack config, from the package entry point "chime-meetings/meeting-provider" (implementation.ts).
 */
export class MeetingProvider implements Provider {
  declare check: NonNullable<Provider["check"]>;
  declare diff: NonNullable<Provider["diff"]>;
  declare create: Provider["create"];
  declare read: NonNullable<Provider["read"]>;
  declare update: NonNullable<Provider["update"]>;
  declare delete: NonNullable<Provider["delete"]>;

  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    Object.assign(this, operations().configured(req.config));
  }
}

/** The one provider instance all meetings share (Pulumi caches its serialization per object). */
export const meetingProvider = new MeetingProvider();
