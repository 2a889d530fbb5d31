// Forwards Salesforce changes that arrive at the server as track calls.
import { rudder } from './client.js';

export interface SalesforceChange {
  event: string;
  contactId: string;
  fields: Record<string, string | number | boolean | null>;
}

export function forwardChange(change: SalesforceChange): void {
  // The event name comes from the payload: lint can only warn (dynamic-event-name).
  rudder.track({ userId: change.contactId, event: change.event, properties: change.fields });
}
