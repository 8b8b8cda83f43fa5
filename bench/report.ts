// The human-readable table at the end of `npm run bench`: each figure next to its target from issue 7.
type Line = Record<string, unknown>;

export interface Results {
  date: string;
  seconds: number;
  lines: Line[];
  comparison?: Line;
  rollout?: Line & { answered_to_served_ms: number[]; sent_to_served_ms: number[] };
  dashboard?: Line & { queries: { query: string; p50_ms: number; p95_ms: number; repeat_p50_ms: number; repeat_p95_ms: number }[] };
  pages?: PagesLine;
  minutes?: number;
}

/** What bench/pages/run.ts emits (one `"phase":"pages"` line): Lighthouse medians and first-load JS per page. */
export interface PagesLine extends Line {
  runs: number;
  load_average?: number[];
  other_cores?: number[];
  pages: {
    name: string;
    path: string;
    form_factor: string;
    median: Record<string, number | null>;
    metrics_median?: Record<string, number | null>;
    benchmark_index?: number | null;
    scripts_median?: { count: number | null; transfer_kb: number | null };
    errored_runs?: number;
    errored_audits?: { id: string; weight: number; message: string }[];
    failing: { category: string; id: string; title: string; weight: number; runs: number; display?: string; examples: string[] }[];
  }[];
  first_load_js: { route: string; gzip_kb: number; browser_kb?: number | null }[];
  targets: { performance: number; accessibility: number; "best-practices": number; first_load_js_gzip_kb: number };
}

const n = (x: unknown, digits = 1) => (typeof x === "number" && Number.isFinite(x) ? x.toFixed(digits) : "—");
const verdict = (value: unknown, target: number) => (typeof value === "number" && Number.isFinite(value) ? (value >= target ? "met" : "MISSED") : "—");
const lag = (x: unknown) => {
  const l = x as { p50_ms?: number; p99_ms?: number; max_ms?: number } | null | undefined;
  return l ? `${n(l.p50_ms)} / ${n(l.p99_ms)} / ${n(l.max_ms)} ms` : "—";
};

export function printTable(r: Results) {
  const find = (app: string, phase: string) => r.lines.find((l) => l.app === app && l.phase === phase) ?? {};
  const config = Object.keys(find("stepwise", "config")).length ? find("stepwise", "config") : find("better-auth", "config");
  const machine = (config.machine ?? r.pages?.machine ?? {}) as { cores?: number; cpu?: string; mem_gib?: number };
  const ours = find("stepwise", "summary");
  const peer = find("better-auth", "summary");
  const signIn = find("stepwise", "sign_in");
  const action = find("stepwise", "sign_in_action");
  const verify = find("stepwise", "verify");
  const replay = find("stepwise", "totp_replay");
  const flow = find("stepwise", "totp_flow");
  const peerReplay = find("better-auth", "totp_replay");
  const c = r.comparison ?? {};
  const rows: [string, string, string, string][] = [];
  const row = (figure: string, value: string, target = "", status = "") => rows.push([figure, value, target, status]);

  row("1. sign-ins/s ÷ raw argon2id verifications/s", n(ours.sign_in_to_raw_hash_ratio, 3), "≥ 0.90", verdict(ours.sign_in_to_raw_hash_ratio, 0.9));
  row("   sign-ins/s (32 concurrent) / raw verifications/s", `${n(ours.sign_ins_per_s)} / ${n(ours.raw_hash_per_s)}`);
  row("   sign-ins/s per vCPU ÷ Keycloak's 15", `${n(ours.sign_ins_per_s_per_vcpu)}/s → ${n(ours.keycloak_multiple, 2)}×`, "≥ 3×", verdict(ours.keycloak_multiple, 3));
  row("   sign-in p50 / p99", `${n(ours.sign_in_p50_ms, 0)} / ${n(ours.sign_in_p99_ms, 0)} ms`);
  row("   server event-loop lag p50 / p99 / max", lag(signIn.server_event_loop_lag_ms));
  row("   via the sign-in server action (browser's POST)", `${n(action.sign_ins_per_s)}/s (${n(action.ratio_to_raw_hash_rate, 3)} of raw)`);
  row("2. verifications/s ÷ /api/health requests/s", n(ours.verify_to_health_ratio, 3), "≥ 0.5", verdict(ours.verify_to_health_ratio, 0.5));
  row("   verifications/s / health requests/s (50 concurrent)", `${n(ours.verifications_per_s)} / ${n(ours.health_per_s)}`);
  row("   verifications/s per vCPU", n(ours.verifications_per_s_per_vcpu), "≥ 240", verdict(ours.verifications_per_s_per_vcpu, 240));
  row("   verification p50 / p99 at 50 concurrent", `${n(ours.verify_p50_ms, 0)} / ${n(ours.verify_p99_ms, 0)} ms`);
  const db = (verify.db ?? {}) as { challenge_passed?: number; challenge_failed?: number };
  row("   accepted / refused (HTTP); DB passed / failed", `${n(verify.accepted_http, 0)} / ${JSON.stringify(verify.refused_http ?? {})}; ${n(db.challenge_passed, 0)} / ${n(db.challenge_failed, 0)}`);
  row("   server event-loop lag p50 / p99 / max", lag(verify.server_event_loop_lag_ms));
  row("3. sign-ins/s, ours ÷ Better Auth", `${n(ours.sign_ins_per_s)} ÷ ${n(peer.sign_ins_per_s)} = ${n(c.sign_ins_per_s_ours_over_peer, 2)}`, "≥ 1.0", verdict(c.sign_ins_per_s_ours_over_peer, 1));
  row("   sign-ins/s ÷ own raw hash rate, ours ÷ peer", `${n(ours.sign_in_to_raw_hash_ratio, 3)} ÷ ${n(peer.sign_in_to_raw_hash_ratio, 3)} = ${n(c.sign_in_to_raw_hash_ratio_ours_over_peer, 2)}`);
  row("   password + TOTP flows/s, ours ÷ peer", `${n(ours.totp_flows_per_s)} ÷ ${n(peer.totp_flows_per_s)} = ${n(c.totp_flows_per_s_ours_over_peer, 2)}`, "≥ 1.0", verdict(c.totp_flows_per_s_ours_over_peer, 1));
  const perHash = (l: Line) => (Number(l.raw_hash_per_s) ? Number(l.totp_flows_per_s) / Number(l.raw_hash_per_s) : null);
  row("   flows/s ÷ own raw hash rate, ours ÷ peer", `${n(perHash(ours), 3)} ÷ ${n(perHash(peer), 3)} = ${n(c.totp_flow_to_raw_hash_ratio_ours_over_peer, 2)}`);
  row("   flow p50 / p99, ours | peer", `${n(ours.totp_flow_p50_ms, 0)} / ${n(ours.totp_flow_p99_ms, 0)} | ${n(peer.totp_flow_p50_ms, 0)} / ${n(peer.totp_flow_p99_ms, 0)} ms`);
  row("   mean step ms (sign-in, verify), ours", `${n(flow.mean_sign_in_step_ms, 0)}, ${n(flow.mean_verify_step_ms, 0)}`);
  const replayed = replay.replayed_code_accepted;
  row("   replayed TOTP code accepted, ours | peer", `${String(replayed ?? "—")} (${String(replay.replay_result ?? "")}) | ${String(peerReplay.replayed_code_accepted ?? "—")}`, "ours: false", replayed === undefined ? "—" : replayed === false ? "met" : "MISSED");
  const racing = replay.concurrent_same_code as { submitted?: number; accepted?: number } | undefined;
  row("   one code from 4 simultaneous sign-ins, accepted", racing ? `${racing.accepted} of ${racing.submitted}` : "—", "1", racing ? (racing.accepted === 1 ? "met" : "MISSED") : "—");
  row("   cheap baseline: our /api/health | peer get-session", `${n(ours.health_per_s)} | ${n(peer.get_session_per_s)} /s`);
  const cpu = (l: Line) => l.cpu as { wall_s: number; other_s: number; server_ms_per_op: number | null; postgres_ms_per_op: number | null } | undefined;
  const perOp = (l: Line) => (cpu(l) ? `${n(cpu(l)!.server_ms_per_op)} + ${n(cpu(l)!.postgres_ms_per_op)}` : "—");
  row("CPU (Linux /proc, whole phase incl. warm-up)", "");
  row("   ms per op, server + PostgreSQL: sign-in | verify | flow", `${perOp(signIn)} | ${perOp(verify)} | ${perOp(flow)}`);
  const others = ["raw_hash", "sign_in", "health", "verify", "totp_flow"].map((phase) => {
    const c0 = cpu(find("stepwise", phase));
    return c0 ? n(c0.other_s / c0.wall_s, 2) : "—";
  });
  row("   other processes' load, cores: hash | sign-in | health | verify | flow", others.join(" | "));
  if (!r.lines.length) rows.length = 0; // BENCH_ONLY without auth and peer: no empty rows 1–3
  if (r.rollout || r.dashboard) row("4. included benchmarks", "");
  if (r.rollout) {
    const [median, p95, max] = r.rollout.sent_to_served_ms;
    row("   rollout: flip sent → other instance serves it (median/p95/max)", `${n(median)} / ${n(p95)} / ${n(max)} ms`, "≤ 1000 ms", max === undefined ? "—" : max <= 1000 ? "met" : "MISSED");
  }
  if (r.dashboard?.queries.length) {
    const queries = r.dashboard.queries;
    const first = queries.reduce((a, b) => (b.p95_ms > a.p95_ms ? b : a));
    const again = queries.reduce((a, b) => (b.repeat_p95_ms > a.repeat_p95_ms ? b : a));
    row(`   dashboard, ${r.dashboard.accounts} accounts: slowest p95, pass 1 | pass 2`, `${n(first.p95_ms)} (${first.query}) | ${n(again.repeat_p95_ms)} ms (${again.query})`, "(≤ 50 ms is the 1 M target)");
  }

  if (r.pages) pageRows(r.pages, row, "5. ");

  const [ourHash, peerHash] = [Number(ours.raw_hash_per_s), Number(peer.raw_hash_per_s)];
  const skewed = ourHash && peerHash && Math.abs(ourHash / peerHash - 1) > 0.15;
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.filter((x) => x[1] || x[2]).map((x) => x[i]!.length)));
  const out = [
    "",
    `Stepwise benchmarks — ${r.date}, ${machine.cores ?? "?"} vCPU ${machine.cpu ?? ""} ${machine.mem_gib ?? "?"} GiB, Node ${String(config.node ?? process.version)}${r.lines.length ? `, ${r.seconds} s windows` : ""}${r.minutes ? `, ${r.minutes} min in all` : ""}`,
    ...(r.lines.length ? ["Every ratio's two sides were measured in this same run on this same (shared, noisy) machine."] : []),
    "",
    ...rows.map((x) => x.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()),
    ...(skewed
      ? ["", `Warning: the raw hash rates differ (${n(ourHash)} vs ${n(peerHash)}/s): the two sides ran under different background load; trust the "÷ own raw hash rate" rows, or run again.`]
      : []),
    "",
  ];
  process.stdout.write(out.join("\n"));
}

const score = (x: number | null | undefined) => (typeof x === "number" ? String(Math.round(x * 100)) : "—");

/** Rows for the page-weight bench: each page's median Lighthouse scores against the targets, then first-load JS. */
export function pageRows(p: PagesLine, row: (figure: string, value: string, target?: string, status?: string) => void, prefix = "") {
  const t = p.targets;
  const pad = " ".repeat(prefix.length);
  row(`${prefix}Lighthouse, median of ${p.runs} runs (perf / a11y / best practices / SEO)`, "", `≥ ${t.performance * 100} / ${t.accessibility * 100} / ${t["best-practices"] * 100} / —`);
  for (const page of p.pages) {
    const m = page.median;
    const met = [m.performance! >= t.performance, m.accessibility! >= t.accessibility, m["best-practices"]! >= t["best-practices"]];
    const known = [m.performance, m.accessibility, m["best-practices"]].every((x) => typeof x === "number");
    const errored = page.errored_runs ? ` (${page.errored_runs} run${page.errored_runs > 1 ? "s" : ""} failed, left out)` : "";
    row(`${pad}   ${page.name} (${page.path}), ${page.form_factor}`, `${score(m.performance)} / ${score(m.accessibility)} / ${score(m["best-practices"])} / ${score(m.seo)}${errored}`, "", known ? (met.every(Boolean) ? "met" : "MISSED") : "—");
  }
  const indexes = p.pages.map((x) => x.benchmark_index).filter((x): x is number => typeof x === "number").sort((a, b) => a - b);
  if (indexes.length) {
    const mid = indexes[Math.floor(indexes.length / 2)]!;
    row(`${pad}   host speed, Lighthouse benchmarkIndex (median, min–max)`, `${Math.round(mid)}, ${Math.round(indexes[0]!)}–${Math.round(indexes.at(-1)!)}`, "", "mobile scores fall with it");
  }
  const account = p.first_load_js.filter((x) => x.route === "/account" || x.route.startsWith("/account/"));
  const worst = account.reduce<PagesLine["first_load_js"][number] | undefined>((a, b) => (!a || b.gzip_kb > a.gzip_kb ? b : a), undefined);
  row(`${pad}first-load JS, kB gzip (build manifests | fetched by the page in Chromium)`, "", `≤ ${t.first_load_js_gzip_kb}`);
  for (const page of p.pages) {
    if (page.form_factor !== p.pages[0]!.form_factor) continue;
    const js = p.first_load_js.find((x) => x.route === page.path);
    if (!js) continue;
    // The target is for account holders' pages; the staff console is listed for reference.
    const status = page.path.startsWith("/admin") ? "staff: no target" : js.gzip_kb <= t.first_load_js_gzip_kb ? "met" : "MISSED";
    row(`${pad}   ${page.path}`, `${n(js.gzip_kb)} | ${n(js.browser_kb)}`, "", status);
  }
  if (worst) {
    const over = account.filter((x) => x.gzip_kb > t.first_load_js_gzip_kb).length;
    row(`${pad}   max of ${account.length} account pages (${worst.route})`, `${n(worst.gzip_kb)}; ${over} over ${t.first_load_js_gzip_kb}`, `≤ ${t.first_load_js_gzip_kb}`, worst.gzip_kb <= t.first_load_js_gzip_kb ? "met" : "MISSED");
  }
  const failing = new Map<string, string>();
  for (const page of p.pages) {
    const target = (c: string) => (t as unknown as Record<string, number | undefined>)[c];
    const missed = (c: string) => target(c) !== undefined && (page.median[c] ?? 0) < target(c)!;
    for (const f of page.failing.filter((x) => missed(x.category) && x.weight > 0)) {
      const key = `${f.category}:${f.id}`;
      failing.set(key, `${failing.get(key) ? `${failing.get(key)}, ` : ""}${page.path} ${page.form_factor[0]} ${f.runs}/${p.runs}`);
    }
  }
  // Long lines with no value: printed past the columns (the widths ignore rows without a value).
  const [otherMedian = 0, otherMax = 0] = p.other_cores ?? [];
  if (otherMedian > 0.25 || otherMax > 0.75) {
    row(`${pad}   Warning: other jobs used ${otherMedian} cores during the median run (up to ${otherMax}): that costs performance (TBT above all); run again when quiet.`, "");
  }
  const errored = new Map<string, number>();
  for (const page of p.pages) for (const e of page.errored_audits ?? []) errored.set(e.id, Math.max(errored.get(e.id) ?? 0, e.weight));
  if (errored.size) {
    const weighted = [...errored].filter(([, w]) => w > 0).map(([id]) => id);
    row(`${pad}   Lighthouse could not compute ${errored.size} audits (${[...errored.keys()].join(", ")}): ${weighted.length ? `WEIGHTED, scores are off: ${weighted.join(", ")}` : "all unweighted, scores unaffected"}.`, "");
  }
  if (failing.size) row(`${pad}   scored audits failing where a category missed (page, mobile/desktop, runs):`, "");
  for (const [key, where] of failing) row(`${pad}     ${key}: ${where}`, "");
}

/** The table of `npm run bench:pages` alone, in the same layout as the full run's. */
export function printPagesTable(p: PagesLine, header: string) {
  const rows: [string, string, string, string][] = [];
  pageRows(p, (figure, value, target = "", status = "") => rows.push([figure, value, target, status]));
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.filter((x) => x[1] || x[2]).map((x) => x[i]!.length)));
  process.stdout.write(["", header, "", ...rows.map((x) => x.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()), ""].join("\n"));
}
