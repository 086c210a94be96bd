import { SentMailFilter, SentMailInput } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { staff } from "../trpc.ts";
import { getSentMail, listSentMail } from "./outbox-queries.ts";

/** "Sent email" in the console: staff admins only, as mails hold customers' addresses and contents. */
export const mailOutboxRouter = {
  sent: staff("ADMIN")
    .input(SentMailFilter)
    .query(async ({ ctx, input }) => ({
      ...(await listSentMail(serviceContext(ctx), input)),
      // where mail goes: SMTP_URL's server, or the development mailbox that keeps nothing
      transport: ctx.mailer.mode,
    })),
  get: staff("ADMIN")
    .input(SentMailInput)
    .query(({ ctx, input }) => getSentMail(serviceContext(ctx), input.id)),
} satisfies TRPCRouterRecord;
