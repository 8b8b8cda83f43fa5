// Where the CPU went during a phase (Linux /proc, in USER_HZ ticks): the `next start` process, the PostgreSQL
// backends of the bench database, this load generator, and the whole machine. What is left ("other") is other
// people's work on a shared box: it says how much to trust that phase.
import { readFileSync } from "node:fs";
import type { Sql } from "postgres";

const hz = 100;

function processSeconds(pid: number) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / hz;
  } catch {
    return null;
  }
}

/** CPU seconds the whole machine has been busy since boot (all cores; idle and iowait left out). */
export function machineBusySeconds() {
  const values = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const idle = values[3]! + values[4]!;
  return (values.reduce((a, b) => a + b, 0) - idle) / hz;
}

export function cpuMeter(serverPid: number, admin: Sql, database: string) {
  async function snapshot() {
    const backends = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database}`;
    const postgres = new Map<number, number>();
    for (const { pid } of backends) {
      const seconds = processSeconds(pid);
      if (seconds !== null) postgres.set(pid, seconds);
    }
    return { at: performance.now(), server: processSeconds(serverPid) ?? 0, postgres, loadgen: process.cpuUsage(), machine: machineBusySeconds() };
  }

  async function since(start: Awaited<ReturnType<typeof snapshot>>, operations: number) {
    const end = await snapshot();
    let postgres = 0;
    for (const [pid, seconds] of end.postgres) postgres += seconds - (start.postgres.get(pid) ?? 0);
    const loadgenUsage = process.cpuUsage(start.loadgen);
    const loadgen = (loadgenUsage.user + loadgenUsage.system) / 1e6;
    const server = end.server - start.server;
    const machine = end.machine - start.machine;
    const r = (x: number) => Number(x.toFixed(2));
    const perOp = (x: number) => (operations ? Number(((x * 1000) / operations).toFixed(2)) : null);
    return {
      wall_s: r((end.at - start.at) / 1000),
      server_s: r(server),
      postgres_s: r(postgres),
      loadgen_s: r(loadgen),
      machine_busy_s: r(machine),
      other_s: r(machine - server - postgres - loadgen),
      server_ms_per_op: perOp(server),
      postgres_ms_per_op: perOp(postgres),
    };
  }

  return { snapshot, since };
}
