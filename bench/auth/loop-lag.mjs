// Preloaded into the bench's `next start` (NODE_OPTIONS=--import …) so the server's event-loop lag is measured
// without any code in the app: on SIGUSR2 it writes the delay histogram since the last signal to
// $BENCH_LOOP_LAG_FILE and starts a new one. Does nothing unless that variable is set.
// With $BENCH_CPU_PROFILE_DIR set it also writes a V8 CPU profile per interval (<seq>.cpuprofile, open it in Chrome
// DevTools): the bench signals before and after each phase, so each phase gets its own profile.
// (`--cpu-prof` is refused in NODE_OPTIONS, and would give one profile of the whole run.)
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.BENCH_LOOP_LAG_FILE;
const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
if (file) {
  const resolution = 10;
  const histogram = monitorEventLoopDelay({ resolution });
  histogram.enable();
  const profiler = profileDir ? startProfiler() : null;
  let seq = 0;
  // The histogram records whole timer intervals: the lag is what exceeds the sampling interval.
  const ms = (ns) => Math.max(0, Math.round((ns / 1e6 - resolution) * 100) / 100);
  process.on("SIGUSR2", () => {
    seq += 1;
    profiler?.rotate(join(profileDir, `${seq}.cpuprofile`));
    const stats = { seq, pid: process.pid, mean_ms: ms(histogram.mean), p50_ms: ms(histogram.percentile(50)), p99_ms: ms(histogram.percentile(99)), max_ms: ms(histogram.max) };
    // Written aside and renamed: the bench polls this file and must never read it half-written.
    writeFileSync(`${file}.tmp`, JSON.stringify(stats));
    renameSync(`${file}.tmp`, file);
    histogram.reset();
  });
}

function startProfiler() {
  mkdirSync(profileDir, { recursive: true });
  const session = new Session();
  session.connect();
  const start = () => session.post("Profiler.start");
  session.post("Profiler.enable", () => session.post("Profiler.setSamplingInterval", { interval: 200 }, start));
  return {
    /** Writes what was sampled since the last call to `path` and starts sampling afresh. */
    rotate(path) {
      session.post("Profiler.stop", (error, result) => {
        // A profile that cannot be written is lost, never the server under test.
        try {
          if (!error) writeFileSync(path, JSON.stringify(result.profile));
        } catch (writeError) {
          process.stderr.write(`loop-lag: ${writeError}\n`);
        } finally {
          start();
        }
      });
    },
  };
}
