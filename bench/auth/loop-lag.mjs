// Preloaded into the bench's `next start` (NODE_OPTIONS=--import …) so the server's event-loop lag is measured
// without any code in the app: on SIGUSR2 it writes the delay histogram since the last signal to
// $BENCH_LOOP_LAG_FILE and starts a new one. Does nothing unless that variable is set.
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.BENCH_LOOP_LAG_FILE;
if (file) {
  const resolution = 10;
  const histogram = monitorEventLoopDelay({ resolution });
  histogram.enable();
  let seq = 0;
  // The histogram records whole timer intervals: the lag is what exceeds the sampling interval.
  const ms = (ns) => Math.max(0, Math.round((ns / 1e6 - resolution) * 100) / 100);
  process.on("SIGUSR2", () => {
    seq += 1;
    const stats = { seq, pid: process.pid, mean_ms: ms(histogram.mean), p50_ms: ms(histogram.percentile(50)), p99_ms: ms(histogram.percentile(99)), max_ms: ms(histogram.max) };
    writeFileSync(file, JSON.stringify(stats));
    histogram.reset();
  });
}
