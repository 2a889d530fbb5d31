export interface ProgressState {
  /** What is read: a file name, or `stdin`. */
  name: string;
  lines: number;
  /** Bytes of NDJSON (after decompression). */
  bytes: number;
  elapsedMs: number;
  /** Bytes of the file read so far and its size (compressed for gzip), when the size is known. */
  read?: number;
  size?: number;
}

/**
 * The progress line of `validate` (and `infer --from-events`): lines, MB and rate, and when the
 * size of the input is known, the percent done and the time left at the rate so far.
 */
export function formatProgress(state: ProgressState, verb = 'validating'): string {
  const seconds = state.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(state.lines / seconds) : 0;
  let text = `${verb} ${state.name}: ${state.lines.toLocaleString('en-US')} lines, ${(state.bytes / 1e6).toFixed(0)} MB, ${rate.toLocaleString('en-US')} lines/s`;
  if (state.size !== undefined && state.read !== undefined && state.size > 0 && state.read > 0) {
    const fraction = Math.min(1, state.read / state.size);
    const left = (seconds * (1 - fraction)) / fraction;
    text += `, ${(fraction * 100).toFixed(0)}%, ${formatDuration(left)} left`;
  }
  return text;
}

function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
