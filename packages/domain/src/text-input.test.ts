import { describe, expect, it } from "vitest";
import { CreateTicketInput } from "./support/inputs.ts";
import { hasControlCharacter, textInput } from "./text-input.ts";

describe("hasControlCharacter", () => {
  it.each([
    ["plain text", false, false],
    ["émoji 𝕏 and RTL \u202e", false, false],
    ["nul \u0000 byte", false, true],
    ["escape \u001b[31m", false, true],
    ["delete \u007f", false, true],
    ["tab\there", false, true],
    ["line\nbreak", false, true],
    ["tab\there", true, false],
    ["line\r\nbreak", true, false],
    ["nul \u0000 in a body", true, true],
    ["vertical \u000b tab", true, true],
  ])("%j (multiline %s) → %s", (value, multiline, expected) => {
    expect(hasControlCharacter(value, multiline)).toBe(expected);
  });
});

describe("textInput", () => {
  it("trims, then refuses control characters with a message", () => {
    expect(textInput().parse("  Acme \n")).toBe("Acme");
    const result = textInput().safeParse("Ac\u0000me");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("must not contain control characters");
  });

  it("keeps line breaks in multi-line text and refuses NUL there", () => {
    expect(textInput({ multiline: true }).parse("one\ntwo")).toBe("one\ntwo");
    expect(textInput({ multiline: true }).safeParse("one\u0000two").success).toBe(false);
  });

  it("leaves the value untrimmed when asked", () => {
    expect(textInput({ trim: false }).parse(" key ")).toBe(" key ");
  });

  it("names the field in the input schemas that use it", () => {
    const result = CreateTicketInput.safeParse({ subject: "Help\u0000", description: "Body\nwith lines" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["subject"]);
    expect(CreateTicketInput.safeParse({ subject: "Help", description: "Body\nwith lines" }).success).toBe(
      true,
    );
  });
});
