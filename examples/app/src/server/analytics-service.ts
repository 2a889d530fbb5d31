// A service the server injects where it needs analytics, over the Segment Node SDK. Its
// track(event, userId, properties) puts the properties third, so `trackplan lint` is told about
// it: `--call analyticsService.track:properties=2` (or `lint.calls` in the plan header).
import { Analytics } from '@segment/analytics-node';

export class AnalyticsService {
  private readonly client = new Analytics({
    writeKey: process.env['SEGMENT_WRITE_KEY'] ?? 'app-signup-write-key',
    host: 'http://127.0.0.1:8088',
  });

  track(event: string, userId: string, properties: Record<string, unknown>): void {
    // trackplan-ignore-next-line a pass-through: its callers are linted through --call
    this.client.track({ userId, event, properties });
  }
}
