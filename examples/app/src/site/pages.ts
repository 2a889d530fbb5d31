// Page calls of the marketing site: unique visitors are counted over these (distinct anonymousId).
import { rudderanalytics } from './rudder.js';

/** Gatsby's onRouteUpdate: the SDK fills path, url, referrer, title and search by itself. */
export function onRouteUpdate(): void {
  rudderanalytics.page();
}

/** Landing pages keep the campaign of the ad that led there. */
export function trackLanding(location: Location): void {
  const params = new URLSearchParams(location.search);
  rudderanalytics.page('Landing', {
    path: location.pathname,
    url: location.href,
    utm_source: params.get('utm_source') ?? undefined,
    utm_medium: params.get('utm_medium') ?? undefined,
    utm_campaign: params.get('utm_campaign') ?? undefined,
  });
}

export function trackPricing(): void {
  // Wrong on purpose: the plan's pattern wants the path to start with "/".
  rudderanalytics.page('Pricing', { path: 'pricing' });
}
