import { supportMacros } from "@tessera/db/schema";
import type { TestHarness } from "../harness.ts";

let macros = 0;

/** A live macro, written straight to the table (creating one is tested through the router). */
export const newMacro = async (
  h: TestHarness,
  fields: Partial<typeof supportMacros.$inferInsert> = {},
): Promise<string> => {
  const [row] = await h.db
    .insert(supportMacros)
    .values({ title: `Fixture macro ${macros++}`, body: "Hello {{customer.name}}", ...fields })
    .returning({ id: supportMacros.id });
  return row?.id ?? "";
};

/** A RESOLVED ticket of the organisation, as staff would resolve it. */
export const resolvedTicket = async (h: TestHarness, organizationId: string): Promise<string> => {
  const ticketId = await h.newTicket(organizationId);
  await h.moveTicket(ticketId, ["IN_PROGRESS", "RESOLVED"]);
  return ticketId;
};
