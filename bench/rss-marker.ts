/** The line the preload prints on stderr at exit; shared so the reader and the writer cannot drift. */
export const PEAK_RSS_MARKER = '__gatehouse_bench_peak_rss_kib=';
