import { describe, expect, it } from "vitest";
import { DomainError, ERROR_STATUS } from "./errors.ts";

describe("DomainError", () => {
  it("carries its code, details and HTTP status", () => {
    const error = new DomainError("SLUG_TAKEN", "taken", { field: "slug" });
    expect(error.status).toBe(409);
    expect(error.details.field).toBe("slug");
  });
  it("maps every code to a 4xx or 503", () => {
    for (const status of Object.values(ERROR_STATUS))
      expect(status === 503 || (status >= 400 && status < 500)).toBe(true);
  });
});
