/**
 * Who publishes the fact checks: ClaimReview's `author` (Google shows it as the fact-checker) and the
 * reports' byline. A deployment names itself with environment variables; without them the desk is
 * "Claimdesk" at the site's own origin, with no logo.
 *
 * | variable | meaning |
 * | --- | --- |
 * | CLAIMDESK_ORG_NAME | the organisation's name |
 * | CLAIMDESK_ORG_URL | its home page (http or https) |
 * | CLAIMDESK_ORG_LOGO | its logo image (http or https) |
 */
export type Organisation = { name: string; url: string; logo: string | null };

export const DEFAULT_ORGANISATION_NAME = "Claimdesk";

/**
 * The publishing organisation from the environment (`env`, process.env by default); `origin` is the
 * fallback URL. A URL that is not http(s) is ignored rather than published.
 */
export function publishingOrganisation(origin: string, env: Record<string, string | undefined> = process.env): Organisation {
  return {
    name: env.CLAIMDESK_ORG_NAME?.trim() || DEFAULT_ORGANISATION_NAME,
    url: httpUrl(env.CLAIMDESK_ORG_URL) ?? origin.replace(/\/+$/, ""),
    logo: httpUrl(env.CLAIMDESK_ORG_LOGO),
  };
}

function httpUrl(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
