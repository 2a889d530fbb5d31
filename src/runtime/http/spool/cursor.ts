import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** How far forwarding got: every entry before `entry` of segment `segment` was delivered. */
export interface SpoolCursor {
  segment: number;
  entry: number;
}

export async function readCursor(dir: string): Promise<SpoolCursor> {
  const text = await readFile(path.join(dir, 'cursor.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return { segment: 0, entry: 0 };
  try {
    const value = JSON.parse(text) as Partial<SpoolCursor>;
    if (Number.isInteger(value.segment) && Number.isInteger(value.entry)) return { segment: value.segment!, entry: value.entry! };
  } catch {
    // Unreadable (cut short by a power loss): replaying from the start only repeats deliveries.
  }
  return { segment: 0, entry: 0 };
}

/** Writes the cursor atomically (temp file and rename), so a crash leaves the old or the new one. */
export async function writeCursor(dir: string, cursor: SpoolCursor): Promise<void> {
  const target = path.join(dir, 'cursor.json');
  const temp = `${target}.tmp`;
  await writeFile(temp, `${JSON.stringify(cursor)}\n`);
  await rename(temp, target);
}

/** Most often the cursor file is rewritten; a crash replays at most this much of what was delivered. */
const CURSOR_INTERVAL_MS = 100;

/** Writes the cursor at most once per CURSOR_INTERVAL_MS (not once per delivered batch), one write at a time. */
export class CursorSaver {
  private timer: NodeJS.Timeout | undefined;
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly dir: string, private readonly read: () => SpoolCursor) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.saveNow();
    }, CURSOR_INTERVAL_MS);
    this.timer.unref();
  }

  saveNow(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    // A cursor that cannot be written only means more is sent again after a crash.
    this.last = this.last.then(() => writeCursor(this.dir, this.read()).catch(() => undefined));
    return this.last;
  }
}
