// The server's RudderStack client (Node SDK). Sign-ups are sent from here so that no lead is lost to blockers.
import Analytics from '@rudderstack/rudder-sdk-node';

export const rudder = new Analytics(process.env['RUDDERSTACK_WRITE_KEY'] ?? 'app-signup-write-key', {
  dataPlaneUrl: process.env['RUDDERSTACK_DATA_PLANE_URL'] ?? 'http://127.0.0.1:8088',
});
