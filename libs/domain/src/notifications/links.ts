/**
 * Links in notifications and e-mails point at the web app's pages (served by the API on the same origin), never
 * at raw API URLs: a civil servant clicks them in a mail client. The web app signs the user in first if needed.
 */
export const WEB_ROUTES = {
  /** The page of one obligation: the plan or report it asks for. */
  obligation: (id: string) => `/nghia-vu/${id}`,
  /** The approver's follow-up of what the children owe. */
  outgoing: (year: number) => `/hop-thu-duyet?tab=theo-doi&nam=${year}`,
} as const;

export function webLink(publicUrl: string, route: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${route}`;
}
