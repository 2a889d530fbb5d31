// The marketing site's RudderStack client (JavaScript SDK v3), loaded once for the whole Gatsby site.
import { RudderAnalytics } from '@rudderstack/analytics-js';

const WRITE_KEY = 'marketing-site-write-key';
const DATA_PLANE_URL = 'http://127.0.0.1:8088';

export const rudderanalytics = new RudderAnalytics();
rudderanalytics.load(WRITE_KEY, DATA_PLANE_URL);
