// The "try it" widget on the home page. It shows a demo connection, but product events belong to
// the app: sending them from the site would count visitors as activated users.
import { rudderanalytics } from './rudder.js';

export function onDemoConnection(sourceId: string, destinationId: string): void {
  // Wrong on purpose: connection_created is planned for the app source only (wrong-source).
  rudderanalytics.track('connection_created', {
    workspace_id: 'demo',
    source_id: sourceId,
    destination_id: destinationId,
    destination_type: 'SNOWFLAKE',
  });
}
