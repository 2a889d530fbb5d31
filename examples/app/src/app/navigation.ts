// Page views and the account of the signed-in user.
import { group, page } from '../../../../generated/tracking.js';

export interface Account {
  workspaceId: string;
  name: string;
  domain: string;
  plan: 'free' | 'pro' | 'enterprise';
}

/** Called by the router after each navigation. */
export function onNavigate(location: { pathname: string; search: string; href: string }, referrer: string): void {
  page(document.title, {
    path: location.pathname,
    url: location.href,
    referrer,
    title: document.title,
    ...(location.search !== '' ? { search: location.search } : {}),
  });
}

/** Called once the user's workspace is known: ties the user to their company account. */
export function onWorkspaceLoaded(account: Account): void {
  group(account.workspaceId, { name: account.name, domain: account.domain, plan: account.plan });
}
