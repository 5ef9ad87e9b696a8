// Where the time of the screen bench's phases goes, from a Chrome trace written by
// `npm run bench -- --only=screen --profile=FILE`. For every phase the page marked with a
// user-timing measure "bench:…" (open-cold, key-j, status-…, scroll, …) it prints how the page's
// main thread spent that time (script, style, layout, paint, GC, idle: the innermost trace event at
// each moment) and the JavaScript functions with the most self time (CPU profile samples).
//
//   node bench/trace-summary.mjs FILE [--phase=REGEX] [--top=N]
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/trace-summary.mjs TRACE.json [--phase=REGEX] [--top=N]');
  process.exit(2);
}
const options = Object.fromEntries(rest.map((arg) => arg.replace(/^--/, '').split('=')));
const phaseFilter = new RegExp(options.phase ?? '.');
const top = Number(options.top ?? 12);

const parsed = JSON.parse(readFileSync(file, 'utf8'));
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;

// ---- the phases ----
const phases = [];
const open = new Map();
for (const e of events) {
  if (typeof e.name !== 'string' || !e.name.startsWith('bench:') || !String(e.cat).includes('blink.user_timing')) continue;
  const key = `${e.name}|${e.id ?? e.id2?.local ?? e.id2?.global ?? ''}`;
  if (e.ph === 'b') open.set(key, e);
  else if (e.ph === 'e' && open.has(key)) {
    const begin = open.get(key);
    open.delete(key);
    phases.push({ name: e.name.slice('bench:'.length), start: begin.ts, end: e.ts, pid: e.pid });
  } else if (e.ph === 'X') phases.push({ name: e.name.slice('bench:'.length), start: e.ts, end: e.ts + e.dur, pid: e.pid });
}
if (phases.length === 0) {
  console.error('no "bench:" measures in this trace');
  process.exit(1);
}
phases.sort((a, b) => a.start - b.start);
const pid = phases[0].pid;
const mainTid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid;

// ---- the main thread as segments labelled with the innermost event ----
const slices = events
  .filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X' && typeof e.dur === 'number' && e.dur > 0)
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const segments = [];
/** Outermost slices (tasks) with their wall and thread (CPU) time: a machine that is busy elsewhere shows as CPU < wall. */
const tasks = [];
{
  const stack = [];
  let cursor = -Infinity;
  const advanceTo = (t) => {
    while (stack.length) {
      const topSlice = stack.at(-1);
      const end = topSlice.ts + topSlice.dur;
      if (end > t) break;
      if (end > cursor) segments.push([Math.max(cursor, topSlice.ts), end, topSlice.name]);
      cursor = Math.max(cursor, end);
      stack.pop();
    }
    if (stack.length && t > cursor && Number.isFinite(t)) segments.push([Math.max(cursor, stack.at(-1).ts), t, stack.at(-1).name]);
    cursor = Math.max(cursor, t);
  };
  for (const slice of slices) {
    advanceTo(slice.ts);
    const parent = stack.at(-1);
    if (!parent) tasks.push(slice);
    const dur = parent ? Math.min(slice.dur, parent.ts + parent.dur - slice.ts) : slice.dur;
    stack.push({ ts: slice.ts, dur, name: slice.name });
  }
  advanceTo(Infinity);
}

const CATEGORIES = [
  ['gc', /GC|Sweep|Scavenge|Mark|Finalize|BlinkGC|CppGC/],
  ['style', /UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|Style/],
  ['layout', /^Layout$|UpdateLayout|IntersectionObserver|ResizeObserver/],
  ['paint/commit', /Paint|Layerize|Commit|Composite|Raster|UpdateLayer|Decode/],
  ['parse/compile', /ParseHTML|compile|Compile|parseOnBackground|ScriptStreamer/i],
  ['script', /FunctionCall|EvaluateScript|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|V8\.Execute|v8\.run|v8\.callFunction|HandlePostMessage|XHR|Microtask|EvaluateModule|v8\.evaluateModule/],
];
const categoryOf = (name) => CATEGORIES.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';

function mainThreadBreakdown(start, end) {
  const byName = new Map();
  let busy = 0;
  // Segments are sorted by start; a binary search finds the first that may overlap.
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid][1] <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < segments.length && segments[i][0] < end; i++) {
    const [s, e, name] = segments[i];
    const overlap = Math.min(e, end) - Math.max(s, start);
    if (overlap <= 0) continue;
    byName.set(name, (byName.get(name) ?? 0) + overlap);
    busy += overlap;
  }
  const byCategory = new Map();
  for (const [name, us] of byName) byCategory.set(categoryOf(name), (byCategory.get(categoryOf(name)) ?? 0) + us);
  return { busy, byName, byCategory };
}

// ---- CPU profile samples of the main thread ----
const profiles = new Map();
for (const e of events) {
  if (e.pid !== pid) continue;
  if (e.name === 'Profile') profiles.set(e.id, { tid: e.tid, startTime: e.args.data.startTime, nodes: new Map(), samples: [], times: [] });
  else if (e.name === 'ProfileChunk') {
    const profile = profiles.get(e.id);
    if (!profile) continue;
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    let t = profile.times.at(-1) ?? profile.startTime;
    (data.cpuProfile?.samples ?? []).forEach((id, index) => {
      t += data.timeDeltas?.[index] ?? 0;
      profile.samples.push(id);
      profile.times.push(t);
    });
  }
}
const profile = [...profiles.values()].find((p) => p.tid === mainTid) ?? [...profiles.values()].sort((a, b) => b.samples.length - a.samples.length)[0];

function shortUrl(url) {
  if (!url) return '';
  return url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, '').replace(/^node_modules\/\.vite\/deps\//, 'deps/');
}

function jsBreakdown(start, end) {
  const byFunction = new Map();
  const byFile = new Map();
  if (!profile) return { byFunction, byFile, interval: 0 };
  let count = 0;
  for (let i = 1; i < profile.samples.length; i++) {
    const t = profile.times[i];
    if (t < start || t >= end) continue;
    const weight = t - profile.times[i - 1];
    const node = profile.nodes.get(profile.samples[i]);
    const frame = node?.callFrame ?? {};
    const name = frame.functionName || (frame.url ? '(anonymous)' : frame.functionName ?? '?');
    if (name === '(idle)' || name === '(program)' || name === '(root)') continue;
    const key = `${name}  ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + weight);
    const fileKey = shortUrl(frame.url) || name;
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + weight);
    count++;
  }
  return { byFunction, byFile, interval: count };
}

const ms = (us) => (us / 1000).toFixed(1);
const topOf = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);

console.log(`${file}: ${phases.length} phases, main thread ${mainTid} of process ${pid}, ${segments.length} segments, ` + `${profile ? profile.samples.length : 0} CPU samples`);
for (const phase of phases) {
  if (!phaseFilter.test(phase.name)) continue;
  const wall = phase.end - phase.start;
  const main = mainThreadBreakdown(phase.start, phase.end);
  let taskWall = 0;
  let taskCpu = 0;
  for (const task of tasks) {
    if (task.ts < phase.start || task.ts >= phase.end || task.tdur === undefined) continue;
    taskWall += task.dur;
    taskCpu += task.tdur;
  }
  const js = jsBreakdown(phase.start, phase.end);
  console.log(
    `\n== ${phase.name}: ${ms(wall)} ms wall, main thread busy ${ms(main.busy)} ms (${((100 * main.busy) / wall).toFixed(0)}%)` +
      (taskWall ? `; its tasks ran on a CPU ${((100 * taskCpu) / taskWall).toFixed(0)}% of their time (the rest: descheduled, the machine busy elsewhere, or blocked)` : ''),
  );
  console.log(`   by kind: ${topOf(main.byCategory, 10).map(([k, us]) => `${k} ${ms(us)}`).join(', ')}`);
  console.log(`   innermost events: ${topOf(main.byName, top).map(([k, us]) => `${k} ${ms(us)}`).join(', ')}`);
  if (js.byFunction.size) {
    console.log(`   JS by file: ${topOf(js.byFile, 8).map(([k, us]) => `${k} ${ms(us)}`).join(', ')}`);
    console.log('   JS self time by function:');
    for (const [key, us] of topOf(js.byFunction, top)) console.log(`     ${ms(us).padStart(7)} ms  ${key}`);
  }
}
