import { writeSync } from 'node:fs';
import { PEAK_RSS_MARKER } from './rss-marker.js';

/**
 * Preloaded into the measured Node process with `node --import`: at exit it prints the process's
 * peak resident set size on stderr behind a marker, for the benchmark to read. Node's
 * child_process cannot report a child's memory, and GNU time is not on every machine; this is
 * exact, costs one tiny module load, and needs nothing installed.
 */
process.on('exit', () => {
  // writeSync: an asynchronous write may never be flushed from an exit handler.
  writeSync(2, `\n${PEAK_RSS_MARKER}${process.resourceUsage().maxRSS}\n`);
});
