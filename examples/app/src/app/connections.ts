// Product activation: sources, connections and the first event that flows through them.
import { connectionCreated, firstEventReceived, sourceCreated } from '../../../../generated/tracking.js';

export interface Source {
  id: string;
  workspaceId: string;
  /** Source definition: javascript, node, webhook, ... */
  type: string;
}

export interface Destination {
  id: string;
  /** Destination definition: SNOWFLAKE, SALESFORCE, ... */
  type: string;
}

export function onSourceCreated(source: Source): void {
  sourceCreated({ workspace_id: source.workspaceId, source_id: source.id, source_type: source.type });
}

export function onConnected(source: Source, destination: Destination): void {
  connectionCreated({
    workspace_id: source.workspaceId,
    source_id: source.id,
    destination_id: destination.id,
    destination_type: destination.type,
  });
}

/** The product-activation milestone: the first event arrived on a connection. */
export function onFirstEvent(source: Source, signedUpAt: Date, now: Date): void {
  firstEventReceived({
    workspace_id: source.workspaceId,
    source_id: source.id,
    seconds_since_signup: Math.max(0, Math.round((now.getTime() - signedUpAt.getTime()) / 1000)),
  });
}
