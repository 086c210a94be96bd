import { users } from "@tessera/db/schema";
import type { SatisfactionRating, TicketPriority, TicketStatus } from "@tessera/domain";
import { inArray } from "drizzle-orm";
import type { Actor, AppDeps } from "../context.ts";
import { createTicket } from "../support/create-ticket.ts";
import { rateTicket } from "../support/satisfaction.ts";
import { replyToTicket, updateTicketStatus } from "../support/ticket-changes.ts";
import { contextAt } from "./context-at.ts";

const HOUR = 3_600_000;

type Step =
  | { after: number; by: "agent" | "customer"; say: string; internal?: boolean }
  | { after: number; by: "agent" | "customer"; status: TicketStatus }
  | { after: number; by: "customer"; rate: SatisfactionRating; comment: string | null };

interface ShowcaseTicket {
  organization: string;
  subject: string;
  description: string;
  priority: TicketPriority;
  /** Hours before now the customer opened it. */
  openedHoursAgo: number;
  /** What happened next, each `after` hours after opening. */
  steps: Step[];
}

const TICKETS: ShowcaseTicket[] = [
  {
    organization: "northwind",
    subject: "Course player stalls on Safari 18",
    description: "Videos in the Onboarding course stop at 0:42 on Safari 18.1; Chrome plays them fine.",
    priority: "NORMAL",
    openedHoursAgo: 2,
    steps: [],
  },
  {
    organization: "northwind",
    subject: "API rate limit for our nightly sync",
    description:
      "Our nightly enrolment sync hits 429s around 02:00 UTC. Can we raise the limit for that window?",
    priority: "NORMAL",
    openedHoursAgo: 26,
    steps: [
      {
        after: 2,
        by: "agent",
        say: "Thanks, we can see the 429s in our logs. Looking at your key's limits now.",
      },
      {
        after: 3,
        by: "agent",
        say: "Their sync sends 40 req/s for two minutes; suggest batching.",
        internal: true,
      },
    ],
  },
  {
    organization: "northwind",
    subject: "SSO sign-in returns to the login page",
    description:
      "Since this morning our staff land back on the sign-in page after Microsoft Entra approves them.",
    priority: "HIGH",
    openedHoursAgo: 50,
    steps: [
      {
        after: 1,
        by: "agent",
        say: "Could you send the time of one failed attempt and the user's email domain?",
      },
      { after: 1.1, by: "agent", status: "WAITING_ON_CUSTOMER" },
    ],
  },
  {
    organization: "northwind",
    subject: "Bulk enrol 300 learners from a CSV",
    description: "We need to enrol the autumn cohort (300 learners) before Monday. Is there an import?",
    priority: "NORMAL",
    openedHoursAgo: 240,
    steps: [
      {
        after: 3,
        by: "agent",
        say: "Yes: Team → Import takes a CSV with name and email; I've attached the template steps.",
      },
      { after: 20, by: "customer", say: "Worked perfectly, all 300 are in. Thank you!" },
      { after: 21, by: "agent", status: "RESOLVED" },
      { after: 22, by: "customer", rate: "GOOD", comment: "Quick and clear, thanks Sam." },
    ],
  },
  {
    organization: "northwind",
    subject: "Invoice needs our VAT number",
    description: "Please add GB123456789 to our invoices from October onwards.",
    priority: "LOW",
    openedHoursAgo: 480,
    steps: [
      { after: 5, by: "agent", say: "Added; the October invoice has been reissued with your VAT number." },
      { after: 6, by: "agent", status: "RESOLVED" },
      {
        after: 29,
        by: "customer",
        rate: "BAD",
        comment: "Took three weeks and two reminders to get this done.",
      },
      { after: 30, by: "customer", status: "CLOSED" },
    ],
  },
  {
    organization: "initech",
    subject: "Grades are not syncing to our SIS",
    description: "Since the 04:00 sync no grades reached Banner; 2,400 learners affected before exam board.",
    priority: "CRITICAL",
    openedHoursAgo: 5,
    steps: [
      {
        after: 0.3,
        by: "agent",
        say: "On it: the SIS connector is failing authentication since your certificate rotated.",
      },
    ],
  },
  {
    organization: "initech",
    subject: "Custom certificate template for graduates",
    description: "We would like our crest and the dean's signature on course certificates.",
    priority: "LOW",
    openedHoursAgo: 96,
    steps: [],
  },
  {
    organization: "umbrella",
    subject: "Renewal quote before our license expires",
    description: "Our license ends next week; could you send a renewal quote for another year of Starter?",
    priority: "NORMAL",
    openedHoursAgo: 30,
    steps: [],
  },
  {
    organization: "hooli",
    subject: "Why is our account suspended?",
    description:
      "Our learners cannot sign in since this morning. Finance says the invoice was paid on Friday.",
    priority: "HIGH",
    openedHoursAgo: 1,
    steps: [],
  },
];

export const actorOf = (row: {
  id: string;
  email: string;
  name: string | null;
  role: string;
  kind: string;
  organizationId: string | null;
}): Actor => ({
  userId: row.id,
  email: row.email,
  name: row.name ?? row.email,
  kind: row.kind as Actor["kind"],
  role: row.role as Actor["role"],
  organizationId: row.organizationId,
  sessionId: "",
});

const playSteps = async (
  deps: AppDeps,
  ticket: { id: string; opened: Date },
  steps: Step[],
  people: { agent: Actor; customer: Actor },
) => {
  for (const step of steps) {
    const at = new Date(ticket.opened.getTime() + step.after * HOUR);
    const ctx = contextAt(deps, at, step.by === "agent" ? people.agent : people.customer);
    if ("say" in step)
      await replyToTicket(ctx, ticket.id, { body: step.say, internal: step.internal ?? false });
    else if ("rate" in step) {
      const rater = { organizationId: people.customer.organizationId ?? "", userId: people.customer.userId };
      await rateTicket(ctx, ticket.id, { rating: step.rate, comment: step.comment }, rater);
    } else await updateTicketStatus(ctx, ticket.id, step.status);
  }
};

/** Tickets in every state, with replies and an internal note, opened by each organisation's owner. */
export const seedShowcaseSupport = async (deps: AppDeps): Promise<void> => {
  const owners = ["owner@northwind.test", "owner@initech.test", "owner@umbrella.test", "owner@hooli.test"];
  const rows = await deps.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      kind: users.kind,
      organizationId: users.organizationId,
    })
    .from(users)
    .where(inArray(users.email, ["support@tessera.test", ...owners]));
  const byEmail = new Map(rows.map((row) => [row.email, actorOf(row)]));
  const agent = byEmail.get("support@tessera.test");
  if (!agent) return;
  const now = deps.clock.now();
  for (const spec of TICKETS) {
    const customer = byEmail.get(`owner@${spec.organization}.test`);
    if (!customer?.organizationId) continue;
    const opened = new Date(now.getTime() - spec.openedHoursAgo * HOUR);
    const { subject, description, priority } = spec;
    const ticket = await createTicket(contextAt(deps, opened, customer), customer.organizationId, {
      subject,
      description,
      priority,
    });
    await playSteps(deps, { id: ticket.id, opened }, spec.steps, { agent, customer });
  }
};
