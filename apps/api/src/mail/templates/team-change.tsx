import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface TeamChangeData {
  organizationName: string;
  change: "role_changed" | "disabled";
  /** The new role, for a role change. */
  role: string | null;
}

/** Someone's own account changed: their role, or it was disabled. To that person. */
export const teamChange = defineTemplate<TeamChangeData>({
  subject: (data) =>
    data.change === "disabled"
      ? `Your ${data.organizationName} account was disabled`
      : `Your role in ${data.organizationName} is now ${data.role ?? "changed"}`,
  reason: (data) => `This is about your own account in ${data.organizationName}.`,
  body: (data, { brand, link }) =>
    data.change === "disabled" ? (
      <>
        <Title>Your account was disabled</Title>
        <Paragraph>
          An administrator of {data.organizationName} disabled your account: you can no longer sign in. If
          this is a mistake, ask one of your organisation's owners to enable it again.
        </Paragraph>
      </>
    ) : (
      <>
        <Title>Your role changed</Title>
        <Paragraph>
          You are now {data.role === "ADMIN" ? "an" : "a"} {data.role} of {data.organizationName}. What you
          can see and change in the portal follows from this role.
        </Paragraph>
        <Action brand={brand} href={link("/portal/team")}>
          See your team
        </Action>
      </>
    ),
});
