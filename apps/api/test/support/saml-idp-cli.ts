import { startSamlIdp } from "./saml-idp.ts";

/**
 * The test SAML identity provider as its own process, for the browser tests: metadata at
 * http://127.0.0.1:<SAML_IDP_PORT>/metadata, sign-in (HTTP-Redirect) at /sso. Prints `ready`.
 */
const idp = await startSamlIdp({ port: Number(process.env.SAML_IDP_PORT ?? 2527) });
console.log(`test SAML IdP on ${idp.url} (metadata ${idp.metadataUrl})`);
console.log("ready");
const stop = async () => {
  await idp.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
