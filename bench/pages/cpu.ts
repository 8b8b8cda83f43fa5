// How much of the machine someone else used during a Lighthouse run (Linux /proc, USER_HZ ticks): all CPU time
// minus this process and its descendants (`next start`, Lighthouse's Chromium and their children) and the
// PostgreSQL backends of the bench database. The load average cannot say this: the bench itself keeps it near 3.
import { readdirSync, readFileSync } from "node:fs";
import type { Sql } from "postgres";
import { machineBusySeconds } from "../auth/cpu";

const hz = 100;

/** utime + stime + cutime + cstime: a child's time moves into its parent's c* fields once it is reaped. */
function stat(pid: number) {
  try {
    const [, rest] = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ");
    const f = rest!.split(" ");
    return { ppid: Number(f[1]), seconds: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / hz };
  } catch {
    return null;
  }
}

export function otherLoadMeter(admin: Sql, database: string) {
  async function snapshot() {
    const all = new Map<number, { ppid: number; seconds: number }>();
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      const s = stat(Number(name));
      if (s) all.set(Number(name), s);
    }
    const ours = new Set([process.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, s] of all) {
        if (ours.has(pid) || !ours.has(s.ppid)) continue;
        ours.add(pid);
        grew = true;
      }
    }
    for (const { pid } of await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database}`) ours.add(pid);
    const seconds = new Map([...ours].flatMap((pid) => (all.has(pid) ? [[pid, all.get(pid)!.seconds] as const] : [])));
    return { at: performance.now(), seconds, machine: machineBusySeconds() };
  }

  /** Cores' worth of CPU that other people's processes used since `start`. */
  async function otherCores(start: Awaited<ReturnType<typeof snapshot>>) {
    const end = await snapshot();
    let ours = 0;
    for (const [pid, s] of end.seconds) ours += s - (start.seconds.get(pid) ?? 0);
    const wall = (end.at - start.at) / 1000;
    return wall > 0 ? Math.max(0, (end.machine - start.machine - ours) / wall) : 0;
  }

  return { snapshot, otherCores };
}
