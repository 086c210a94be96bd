import { describe, expect, it } from "vitest";
import { WEBHOOK_DELIVERY_STATUS_LABELS, WEBHOOK_DELIVERY_STATUSES } from "./integrations.ts";

describe("webhook delivery status labels", () => {
  it("name every status in words, not codes", () => {
    expect(Object.keys(WEBHOOK_DELIVERY_STATUS_LABELS)).toEqual([...WEBHOOK_DELIVERY_STATUSES]);
    for (const [code, label] of Object.entries(WEBHOOK_DELIVERY_STATUS_LABELS)) {
      expect(label).not.toBe(code);
      expect(label).toMatch(/^[A-Z][a-z]/);
    }
  });

  it("says a delivery that gave up as failed", () => {
    expect(WEBHOOK_DELIVERY_STATUS_LABELS.DELIVERED).toBe("Delivered");
    expect(WEBHOOK_DELIVERY_STATUS_LABELS.DEAD).toBe("Failed");
    expect(WEBHOOK_DELIVERY_STATUS_LABELS.PENDING).toBe("Pending");
  });
});
