import type { Executor } from "@tessera/db";
import type { ServiceContext } from "../context.ts";
import { EVENT_CONSUMERS, type EventConsumer } from "./consumers.ts";
import type { DomainEvent } from "./domain-event.ts";

/**
 * Record a domain event; call it with the transaction that makes the change, so every
 * consumer's rows commit or roll back with it.
 */
export const recordEvent = async (
  executor: Executor,
  ctx: ServiceContext,
  event: DomainEvent,
  /** Consumers whose rows the caller's own statement already wrote (see audit-in-statement.ts). */
  alreadyWritten: readonly EventConsumer[] = [],
): Promise<void> => {
  for (const consume of EVENT_CONSUMERS) {
    if (!alreadyWritten.includes(consume)) await consume(executor, ctx, event);
  }
};
