import { Alert } from "@tessera/ui";
import { isCustomerAdmin, useMe } from "../auth/session.tsx";
import { ChangePasswordCard } from "./change-password-card.tsx";
import { MfaCard } from "./mfa-card.tsx";
import { OrganizationMfaCard } from "./organization-mfa-card.tsx";

/** Password and two-factor authentication; where a user who must enrol is sent first. */
export const SecurityPage = () => {
  const me = useMe().data;
  const mustEnrol = me?.mfaEnrolmentRequired ?? false;
  return (
    <>
      {mustEnrol && (
        <Alert tone="warning" title="Set up two-factor authentication to continue">
          {me?.kind === "STAFF"
            ? "Staff accounts must use two-factor authentication."
            : "Your organisation requires two-factor authentication."}{" "}
          Until it is on, the rest of Tessera stays closed to this session.
        </Alert>
      )}
      <MfaCard />
      {!mustEnrol && <ChangePasswordCard />}
      {!mustEnrol && me?.kind === "CUSTOMER" && isCustomerAdmin(me.role) && <OrganizationMfaCard />}
    </>
  );
};
