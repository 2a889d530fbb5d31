// The web app's analytics: the RudderStack JavaScript SDK (v3), used only through the typed
// functions `trackplan build` generates from the plan (generated/tracking.ts). A call the plan
// does not allow does not compile.
import { RudderAnalytics } from '@rudderstack/analytics-js';
import { setTrackplanOptions } from '../../../../generated/tracking.js';

const WRITE_KEY = 'app-write-key';
const DATA_PLANE_URL = 'http://127.0.0.1:8088';

export const rudderanalytics = new RudderAnalytics();

/**
 * Loads the SDK and hands it to the generated functions. In development every event is also
 * checked against the plan before it is sent (a console warning names each violation); the
 * validators are imported only then, so production bundles do not contain them.
 */
export async function setUpAnalytics(options: { development: boolean }): Promise<void> {
  rudderanalytics.load(WRITE_KEY, DATA_PLANE_URL);
  const validate = options.development ? (await import('../../../../generated/validators.js')).validateEvent : undefined;
  setTrackplanOptions({ client: rudderanalytics, validate });
}
