import {
  CreateOrganizationInput,
  CUSTOMER_ADMIN_ROLES,
  InviteIntoOrganizationInput,
  ListOrganizationsInput,
  OrganizationId,
  PageInput,
  StaffUpdateUserInput,
  UpdateOrganizationInput,
  UpdateOwnContactInput,
} from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { onReplica } from "../replica/read-db.ts";
import { inviteMember } from "../team/invitations.ts";
import { listMembers, organizationOfUser, updateMember } from "../team/service.ts";
import { customer, staff } from "../trpc.ts";
import { getOrganizationHealth } from "./health.ts";
import { listOrganizations } from "./list.ts";
import {
  createOrganization,
  getOrganization,
  listStaffUsers,
  updateOrganization,
  updateOwnContact,
} from "./service.ts";

export const organizationsRouter = {
  list: staff()
    .input(ListOrganizationsInput)
    .query(({ ctx, input }) => listOrganizations(serviceContext(ctx), input)),
  get: staff()
    .input(OrganizationId)
    .query(({ ctx, input }) => getOrganization(ctx, input.organizationId)),
  create: staff("ADMIN")
    .input(CreateOrganizationInput)
    .mutation(({ ctx, input }) => createOrganization(serviceContext(ctx), input)),
  update: staff("ADMIN")
    .input(UpdateOrganizationInput)
    .mutation(({ ctx, input }) => updateOrganization(serviceContext(ctx), input)),
  /** License, usage, support, white-label and audit of one organisation, graded. */
  health: staff()
    .input(OrganizationId)
    .query(({ ctx, input }) =>
      onReplica(ctx, (service) => getOrganizationHealth(service, input.organizationId, { withAudit: true })),
    ),
  staffUsers: staff().query(({ ctx }) => listStaffUsers(serviceContext(ctx))),
  users: staff()
    .input(OrganizationId.extend(PageInput.shape))
    .query(async ({ ctx, input }) => {
      await getOrganization(ctx, input.organizationId);
      return listMembers(serviceContext(ctx), input.organizationId, input);
    }),
  /** Staff invite someone into an organisation: a mailed link, never a password typed for them. */
  inviteUser: staff("ADMIN")
    .input(InviteIntoOrganizationInput)
    .mutation(({ ctx, input }) => {
      const { organizationId, ...member } = input;
      return inviteMember(serviceContext(ctx), organizationId, member);
    }),
  updateUser: staff("ADMIN")
    .input(StaffUpdateUserInput)
    .mutation(async ({ ctx, input }) => {
      const organizationId = await organizationOfUser(serviceContext(ctx), input.userId);
      return updateMember(serviceContext(ctx), organizationId, input);
    }),

  /** The signed-in customer's own organisation. */
  mine: customer().query(({ ctx }) => getOrganization(ctx, ctx.organizationId)),
  /** The same health summary for the customer's own organisation; the audit trail for its admins only. */
  myHealth: customer().query(({ ctx }) =>
    onReplica(ctx, (service) =>
      getOrganizationHealth(service, ctx.organizationId, {
        withAudit: (CUSTOMER_ADMIN_ROLES as readonly string[]).includes(ctx.actor.role),
      }),
    ),
  ),
  updateMine: customer("OWNER", "ADMIN")
    .input(UpdateOwnContactInput)
    .mutation(({ ctx, input }) => updateOwnContact(serviceContext(ctx), ctx.organizationId, input)),
} satisfies TRPCRouterRecord;
