import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_TARGET_LABELS,
  auditActionLabel,
  auditTargetTypeLabel,
  licenseLabel,
} from "./labels.ts";

describe("audit labels", () => {
  it.each([
    ["license.renewed", "License renewed"],
    ["user.role_changed", "Role changed"],
    ["white_label.domain_set", "Custom domain set"],
    // An action added after the map still reads as words, not a code.
    ["white_label.new_thing", "White label new thing"],
  ])("action %s reads %s", (action, label) => {
    expect(auditActionLabel(action)).toBe(label);
  });

  it.each([
    ["sso_domain", "Single sign-on domain"],
    ["api_key", "API key"],
    ["webhook_endpoint", "Webhook endpoint"],
  ])("target type %s reads %s", (type, label) => {
    expect(auditTargetTypeLabel(type)).toBe(label);
  });

  it("labels start with a capital and never show a code", () => {
    for (const label of [...Object.values(AUDIT_ACTION_LABELS), ...Object.values(AUDIT_TARGET_LABELS)]) {
      expect(label).toMatch(/^[A-Z]/);
      expect(label).not.toMatch(/[._]/);
    }
  });

  it("names a license by its organisation and tier", () => {
    expect(licenseLabel("Northwind Academy", "PROFESSIONAL")).toBe("Northwind Academy Professional license");
  });
});
