import { z } from "zod";
import { Email, Password, PersonName } from "../auth/inputs.ts";
import { CUSTOMER_ROLES } from "../auth/roles.ts";

/** A one-time link's token as it arrives from the link: opaque, never longer than we issue. */
const LinkToken = z.string().trim().min(1, { message: "is required" }).max(200);

/** A customer admin invites someone into their own organisation (the organisation is the session's). */
export const InviteMemberInput = z.object({
  email: Email,
  name: PersonName.optional(),
  role: z.enum(CUSTOMER_ROLES).default("MEMBER"),
});
export type InviteMemberInput = z.input<typeof InviteMemberInput>;

/** A staff admin invites someone into any customer organisation, named by id. */
export const InviteIntoOrganizationInput = InviteMemberInput.extend({ organizationId: z.uuid() });
export type InviteIntoOrganizationInput = z.input<typeof InviteIntoOrganizationInput>;

export const STAFF_INVITE_ROLES = ["ADMIN", "SUPPORT", "VIEWER"] as const;

/** A staff admin invites a colleague. */
export const InviteStaffInput = z.object({
  email: Email,
  name: PersonName.optional(),
  role: z.enum(STAFF_INVITE_ROLES),
});
export type InviteStaffInput = z.input<typeof InviteStaffInput>;

export const InvitationId = z.object({ invitationId: z.uuid() });
export type InvitationId = z.input<typeof InvitationId>;

export const InvitationToken = z.object({ token: LinkToken });
export type InvitationToken = z.input<typeof InvitationToken>;

export const AcceptInvitationInput = z.object({ token: LinkToken, name: PersonName, password: Password });
export type AcceptInvitationInput = z.input<typeof AcceptInvitationInput>;

export const RequestPasswordResetInput = z.object({ email: Email });
export type RequestPasswordResetInput = z.input<typeof RequestPasswordResetInput>;

export const ResetPasswordInput = z.object({ token: LinkToken, password: Password });
export type ResetPasswordInput = z.input<typeof ResetPasswordInput>;
