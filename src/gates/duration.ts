/** `30s`, `10m`, `1h`, `1500ms`; a bare number in gatehouse.yml is seconds. */
export const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

/** Milliseconds of a `timeout` value: a number of seconds, or `30s`, `10m`, `1h`, `1500ms`. */
export function durationMs(value: number | string, invalid: () => never): number {
  if (typeof value === 'number') return value > 0 ? Math.round(value * 1000) : invalid();
  const match = DURATION_PATTERN.exec(value);
  if (!match) return invalid();
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 'ms' | 's' | 'm' | 'h'];
  const ms = Math.round(Number(match[1]) * unit);
  return ms > 0 ? ms : invalid();
}

/** `10m`, `1h 5m`, `12.3s`: how a duration is shown in reasons and summaries. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')}s`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  const parts = [hours > 0 ? `${hours}h` : '', minutes > 0 ? `${minutes}m` : '', seconds > 0 ? `${seconds}s` : ''].filter(Boolean);
  return parts.join(' ');
}
