import { users } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import type { AppDeps } from "../context.ts";
import { createMacro } from "../support/macros.ts";
import { contextAt } from "./context-at.ts";
import { actorOf } from "./showcase-support.ts";

const DAY = 86_400_000;

/** The support leads' canned replies, written by the staff admin. */
const MACROS = [
  {
    title: "Ask for reproduction steps",
    body: "Hi {{customer.name}}, thanks for reporting {{ticket.number}}. Could you send the steps that show the problem, the browser and the time it happened? — {{agent.name}}",
    setStatus: "WAITING_ON_CUSTOMER" as const,
    setPriority: null,
  },
  {
    title: "Fixed: please confirm",
    body: 'Hi {{customer.name}}, we have shipped a fix for "{{ticket.subject}}". Everything at {{organization.name}} should work again; reply here if it does not. — {{agent.name}}',
    setStatus: "RESOLVED" as const,
    setPriority: null,
  },
  {
    title: "Escalate to engineering",
    body: "Hi {{customer.name}}, {{ticket.number}} is now with our engineering team, who will update you here within the day. — {{agent.name}}",
    setStatus: "IN_PROGRESS" as const,
    setPriority: "HIGH" as const,
  },
];

export const seedShowcaseMacros = async (deps: AppDeps): Promise<void> => {
  const [admin] = await deps.db.select().from(users).where(eq(users.email, "admin@tessera.test"));
  if (!admin) return;
  const at = new Date(deps.clock.now().getTime() - 40 * DAY);
  for (const macro of MACROS) await createMacro(contextAt(deps, at, actorOf(admin)), macro);
};
