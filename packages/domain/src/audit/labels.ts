import { TIER_LABELS } from "../licenses/labels.ts";
import type { Tier } from "../licenses/tiers.ts";

/** Every action the services audit, in words: what the audit log shows instead of the code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "auth.mfa_disabled": "Two-step sign-in turned off",
  "auth.mfa_enabled": "Two-step sign-in turned on",
  "auth.mfa_enrolment_started": "Two-step sign-in set-up started",
  "auth.mfa_required_changed": "Two-step sign-in requirement changed",
  "auth.password_changed": "Password changed",
  "auth.password_reset": "Password reset",
  "auth.password_reset_requested": "Password reset requested",
  "auth.password_sessions_ended": "Sessions ended after a password change",
  "auth.recovery_code_used": "Recovery code used",
  "auth.recovery_codes_regenerated": "Recovery codes replaced",
  "auth.sessions_revoked": "Sessions signed out",
  "auth.signed_in": "Signed in",
  "auth.signed_out": "Signed out",
  "auth.sso_break_glass": "Password sign-in past single sign-on",
  "invitation.accepted": "Invitation accepted",
  "invitation.created": "Invitation sent",
  "invitation.resent": "Invitation sent again",
  "invitation.revoked": "Invitation withdrawn",
  "license.activated": "License activated",
  "license.auto_renewal_failed": "License auto-renewal failed",
  "license.auto_renewed": "License renewed automatically",
  "license.cancelled": "License cancelled",
  "license.created": "License created",
  "license.expired": "License expired",
  "license.expiry_reminder": "License expiry reminder sent",
  "license.key_rotated": "License key replaced",
  "license.reinstated": "License reinstated",
  "license.renewed": "License renewed",
  "license.settings_changed": "License settings changed",
  "license.suspended": "License suspended",
  "license.token_issued": "License token issued",
  "organization.created": "Organisation created",
  "organization.updated": "Organisation updated",
  "scim_token.created": "Directory sync token created",
  "scim_token.revoked": "Directory sync token revoked",
  "signing_key.rotated": "Signing key replaced",
  "support.macro_archived": "Macro archived",
  "support.macro_created": "Macro created",
  "support.macro_updated": "Macro updated",
  "support.routing_set": "Ticket routing changed",
  "support.team_created": "Support team created",
  "support.team_updated": "Support team updated",
  "ticket.assigned": "Ticket assigned",
  "ticket.created": "Ticket opened",
  "ticket.deleted": "Ticket deleted",
  "ticket.note_added": "Internal note added",
  "ticket.priority_changed": "Ticket priority changed",
  "ticket.rated": "Ticket rated",
  "ticket.replied": "Ticket replied to",
  "ticket.sla_at_risk": "Ticket SLA at risk",
  "ticket.sla_breached": "Ticket SLA breached",
  "ticket.status_changed": "Ticket status changed",
  "usage.alert_acknowledged": "Usage alert acknowledged",
  "usage.alert_raised": "Usage alert raised",
  "usage.forecast_alert_raised": "Usage forecast alert raised",
  "user.created": "User added",
  "user.deprovisioned": "User removed by directory sync",
  "user.disabled": "User disabled",
  "user.enabled": "User enabled",
  "user.role_changed": "Role changed",
  "user.updated": "User updated",
  "white_label.api_disabled": "API access turned off",
  "white_label.api_enabled": "API access turned on",
  "white_label.branding_set": "Branding changed",
  "white_label.customization_deleted": "Branding deleted",
  "white_label.delivery_retried": "Webhook delivery retried",
  "white_label.disabled": "White-label turned off",
  "white_label.domain_expired": "Custom domain expired",
  "white_label.domain_failed": "Custom domain check failed",
  "white_label.domain_lapsed": "Custom domain lapsed",
  "white_label.domain_proof_missing": "Custom domain proof missing",
  "white_label.domain_proof_restored": "Custom domain proof restored",
  "white_label.domain_set": "Custom domain set",
  "white_label.domain_verified": "Custom domain verified",
  "white_label.enabled": "White-label turned on",
  "white_label.feature_toggle_set": "Feature toggle changed",
  "white_label.integration_created": "Integration created",
  "white_label.integration_secret_rotated": "Integration secret replaced",
  "white_label.integration_updated": "Integration updated",
  "white_label.logo_collected": "Unused logo removed",
  "white_label.logo_uploaded": "Logo uploaded",
  "white_label.sso_domain_added": "Single sign-on domain added",
  "white_label.sso_domain_expired": "Single sign-on domain expired",
  "white_label.sso_domain_failed": "Single sign-on domain check failed",
  "white_label.sso_domain_removed": "Single sign-on domain removed",
  "white_label.sso_domain_verified": "Single sign-on domain verified",
  "white_label.sso_set": "Single sign-on changed",
  "white_label.sso_test_failed": "Single sign-on test failed",
  "white_label.sso_test_succeeded": "Single sign-on test passed",
};

/** What the audit log calls each kind of record it names. */
export const AUDIT_TARGET_LABELS: Record<string, string> = {
  api_key: "API key",
  branding_asset: "Logo",
  customization: "White-label settings",
  invitation: "Invitation",
  license: "License",
  organization: "Organisation",
  password_reset: "Password reset",
  scim_token: "Directory sync token",
  signing_key: "Signing key",
  sso_connection_test: "Single sign-on test",
  sso_domain: "Single sign-on domain",
  support_macro: "Macro",
  support_routing: "Ticket routing",
  support_team: "Support team",
  ticket: "Ticket",
  usage_alert: "Usage alert",
  usage_forecast_alert: "Usage forecast alert",
  user: "User",
  webhook_delivery: "Webhook delivery",
};

/**
 * A code in words: the map's label, else the code with its separators as spaces and a capital
 * ("white_label.new_thing" → "White label new thing"), so an action added later still reads.
 */
const inWords = (labels: Record<string, string>, code: string): string => {
  const label = labels[code];
  if (label) return label;
  const spaced = code.replace(/[._]+/g, " ").trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

export const auditActionLabel = (action: string): string => inWords(AUDIT_ACTION_LABELS, action);

export const auditTargetTypeLabel = (targetType: string): string => inWords(AUDIT_TARGET_LABELS, targetType);

/** A license named as people say it: "Northwind Academy Professional license". */
export const licenseLabel = (organizationName: string, tier: Tier): string =>
  `${organizationName} ${TIER_LABELS[tier]} license`;
