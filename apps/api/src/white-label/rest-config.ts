import type { WhiteLabelConfigOutput } from "@tessera/domain";
import type { ServiceContext } from "../context.ts";
import { getWhiteLabelConfig } from "./customizations.ts";

/** A webhook URL's scheme and host: its path and query often carry a token of the receiver's. */
const urlOrigin = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
};

/**
 * The effective configuration for API keys: the console's view with webhook URLs cut to their
 * origin. Sealed secrets never leave the service; WhiteLabelConfigOutput strips the rest a
 * read-only key need not carry (the SAML certificate text, the bare domain token).
 */
export const getWhiteLabelConfigForKeys = async (
  ctx: ServiceContext,
  organizationId: string,
): Promise<WhiteLabelConfigOutput> => {
  const config = await getWhiteLabelConfig(ctx, organizationId);
  return {
    ...config,
    integrations: config.integrations.map(({ url, ...integration }) => ({
      ...integration,
      urlOrigin: urlOrigin(url),
    })),
  };
};
