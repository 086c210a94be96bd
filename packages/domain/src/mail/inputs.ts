import { z } from "zod";
import { PageInput } from "../pagination.ts";
import { textInput } from "../text-input.ts";
import { MAIL_CATEGORIES } from "./policy.ts";

/** Switch one category of mail on or off for the signed-in person; security mail always goes. */
export const SetNotificationPreferenceInput = z.object({
  category: z
    .enum(MAIL_CATEGORIES)
    .refine((category) => category !== "SECURITY", { message: "security emails cannot be switched off" }),
  email: z.boolean(),
});
export type SetNotificationPreferenceInput = z.input<typeof SetNotificationPreferenceInput>;

export const MAIL_STATUSES = ["PENDING", "SENT", "SKIPPED", "DEAD"] as const;

/** What people call each outbox status: DEAD is a mail given up on after its last retry. */
export const MAIL_STATUS_LABELS: Record<(typeof MAIL_STATUSES)[number], string> = {
  PENDING: "Pending",
  SENT: "Sent",
  SKIPPED: "Skipped",
  DEAD: "Undeliverable",
};

/** The outbox as staff admins read it: newest first, by status and part of the address. */
export const SentMailFilter = PageInput.extend({
  status: z.enum(MAIL_STATUSES).optional(),
  recipient: textInput().max(254).optional(),
});
export type SentMailFilter = z.input<typeof SentMailFilter>;

export const SentMailInput = z.object({ id: z.uuid() });
