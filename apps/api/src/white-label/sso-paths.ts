/** Where single sign-on begins and where OIDC providers return (SAML has its own ACS). */
export const SSO_START_PATH = "/auth/sso/start";
export const SSO_CALLBACK_PATH = "/auth/sso/callback";
