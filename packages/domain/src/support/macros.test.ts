import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { CreateMacroInput } from "./macro-inputs.ts";
import { type MacroValues, renderMacro, unknownPlaceholders } from "./macros.ts";

const VALUES: MacroValues = {
  "customer.name": "Ada Lovelace",
  "organization.name": "Northwind",
  "ticket.number": "SUP-000123",
  "ticket.subject": "Sign-in fails",
  "agent.name": "Sam Support",
};

describe("renderMacro", () => {
  const cases: [string, string, string][] = [
    ["no placeholder", "Thanks for waiting.", "Thanks for waiting."],
    ["customer name", "Hello {{customer.name}},", "Hello Ada Lovelace,"],
    ["organisation name", "for {{organization.name}}", "for Northwind"],
    ["ticket number", "Re {{ticket.number}}", "Re SUP-000123"],
    ["ticket subject", "About “{{ticket.subject}}”", "About “Sign-in fails”"],
    ["agent name", "— {{agent.name}}", "— Sam Support"],
    ["spaces inside the braces", "Hi {{ customer.name }}!", "Hi Ada Lovelace!"],
    ["the same twice", "{{agent.name}} / {{agent.name}}", "Sam Support / Sam Support"],
    [
      "all of them across lines",
      "Hi {{customer.name}}\n{{ticket.number}} ({{ticket.subject}}) for {{organization.name}}\n{{agent.name}}",
      "Hi Ada Lovelace\nSUP-000123 (Sign-in fails) for Northwind\nSam Support",
    ],
    ["single braces are text", "{customer.name}", "{customer.name}"],
    ["an unclosed pair is text", "{{customer.name", "{{customer.name"],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => expect(renderMacro(body, VALUES)).toBe(expected));
  }

  it("takes values literally: replacement patterns and braces in a value stay as they are", () => {
    const values = { ...VALUES, "customer.name": "$& {{agent.name}} $1" };
    expect(renderMacro("Hi {{customer.name}}", values)).toBe("Hi $& {{agent.name}} $1");
  });

  it("refuses an unknown placeholder, naming body and the placeholder", () => {
    try {
      renderMacro("Hi {{customer.email}}", VALUES);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("VALIDATION_FAILED");
      expect((error as DomainError).details.field).toBe("body");
      expect((error as DomainError).message).toContain("{{customer.email}}");
    }
  });
});

describe("unknownPlaceholders", () => {
  const cases: [string, string[]][] = [
    ["{{customer.name}} {{agent.name}}", []],
    ["{{customer.email}}", ["customer.email"]],
    ["{{Customer.Name}}", ["Customer.Name"]],
    ["{{}}", [""]],
    ["{{ x }} {{x}} {{y}}", ["x", "y"]],
    ["{{ticket.number}}{{ticket.id}}", ["ticket.id"]],
  ];
  for (const [body, expected] of cases) {
    it(JSON.stringify(body), () => expect(unknownPlaceholders(body)).toEqual(expected));
  }
});

describe("CreateMacroInput", () => {
  it("refuses an unknown placeholder at save time, on body, listing the known ones", () => {
    const result = CreateMacroInput.safeParse({ title: "Hi", body: "Dear {{customer.firstName}}" });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(["body"]);
    expect(issue?.message).toContain("{{customer.firstName}}");
    expect(issue?.message).toContain("{{customer.name}}");
  });

  it("takes a body with known placeholders and no status or priority", () => {
    expect(CreateMacroInput.parse({ title: " Thanks ", body: "Hi {{customer.name}}" })).toEqual({
      title: "Thanks",
      body: "Hi {{customer.name}}",
      setStatus: null,
      setPriority: null,
    });
  });

  it("never moves a ticket back to OPEN", () => {
    expect(CreateMacroInput.safeParse({ title: "x", body: "y", setStatus: "OPEN" }).success).toBe(false);
  });
});
