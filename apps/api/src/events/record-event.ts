import type { Executor } from "@tessera/db";
import type { ServiceContext } from "../context.ts";
import { EVENT_CONSUMERS } from "./consumers.ts";
import type { DomainEvent } from "./domain-event.ts";

/**
 * Record a domain event; call it with the transaction that makes the change, so every
 * consumer's rows commit or roll back with it.
 */
export const recordEvent = async (
  executor: Executor,
  ctx: ServiceContext,
  event: DomainEvent,
): Promise<void> => {
  for (const consume of EVENT_CONSUMERS) await consume(executor, ctx, event);
};
