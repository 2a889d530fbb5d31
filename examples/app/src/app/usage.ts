// Product usage: the daily event volume of a workspace, reported by the app's usage job.
import { eventVolumeReported } from '../../../../generated/tracking.js';

export interface DailyVolume {
  workspaceId: string;
  /** The day, as YYYY-MM-DD. */
  date: string;
  bySource: ReadonlyMap<string, number>;
}

export function reportDailyVolume(volume: DailyVolume): void {
  const sources = [...volume.bySource].map(([sourceId, count]) => ({ source_id: sourceId, event_count: count }));
  eventVolumeReported({
    workspace_id: volume.workspaceId,
    date: volume.date,
    event_count: sources.reduce((sum, s) => sum + s.event_count, 0),
    sources,
  });
}
