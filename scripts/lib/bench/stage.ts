/**
 * Timing one stage of a benchmark build: wall time, CPU time and peak memory of its process (from `/usr/bin/time`),
 * and the figures of a whole build from its stages.
 */
import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const BIN = join(ROOT, 'node_modules', '.bin');
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

export interface Stage {
	seconds: number;
	/** Peak resident set size of the stage's process, MB (null when /usr/bin/time is missing). */
	peakMB: number | null;
	/**
	 * CPU seconds (user + system) of the stage's processes. The machine is shared with other sessions; wall time
	 * swings with their load, CPU time much less, so ratios are also given on it.
	 */
	cpuSeconds: number | null;
}

export interface Build {
	stages: Record<string, Stage>;
	/** Wall time of the whole build, stages side by side included. */
	buildSeconds: number;
	/** Σ CPU seconds of the stages. */
	buildCpuSeconds: number | null;
	/**
	 * The most memory the build's processes held at one moment, sampled every 100 ms from /proc (`sampleTreeRss`);
	 * without /proc, the upper bound below.
	 */
	peakMemoryMB: number | null;
	/** The stages running at the same time, each counted at its own peak, added up: an upper bound. */
	peakMemoryUpperMB: number | null;
	/** Pages (and endpoint files) Astro reports having built. */
	pages: number;
	/** HTML pages in the output. */
	htmlPages: number;
	/** Astro build stage milliseconds per page. */
	msPerPage: number;
}

/** A finished stage: its figures, its output, and when it ran (`performance.now()` at its start and end). */
export interface Ran {
	stage: Stage;
	stdout: string;
	from: number;
	to: number;
}

export const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Runs one stage, timed; rejects with its output when it fails. Its output is kept in `logDir/<label>.log`. */
export async function timeStage(
	label: string,
	cmd: string,
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv,
	logDir: string,
): Promise<Ran> {
	const name = label.replace(/\s+/g, '-');
	const rssFile = join(tmpdir(), `xy-bench-rss-${process.pid}-${name}`);
	const argv = hasTime ? ['-f', '%M %U %S', '-o', rssFile, cmd, ...args] : args;
	const from = performance.now();
	const child = spawn(hasTime ? TIME : cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
	child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
	const status = await new Promise<number | null>((done) => child.on('close', done));
	const to = performance.now();
	const seconds = (to - from) / 1000;
	writeFileSync(join(logDir, `${name}.log`), output);
	if (status !== 0) throw new Error(`${label} 失败（退出码 ${status}）：\n${output}`);
	let peakMB: number | null = null;
	let cpuSeconds: number | null = null;
	if (hasTime) {
		const [kb, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
		peakMB = Math.round(kb / 1024);
		cpuSeconds = round(user + sys, 2);
		rmSync(rssFile, { force: true });
	}
	process.stdout.write(
		`  ${label.padEnd(16)} ${seconds.toFixed(1).padStart(7)} 秒（CPU ${cpuSeconds ?? '—'} 秒） ${String(peakMB ?? '—').padStart(6)} MB\n`,
	);
	return { stage: { seconds: round(seconds, 2), peakMB, cpuSeconds }, stdout: output, from, to };
}

/**
 * The most memory held at once: at each stage's start, the peaks of the stages running then, added up (an upper
 * bound, since two stages need not reach their peaks at the same moment). Null without `/usr/bin/time`.
 */
export function peakTogether(ran: readonly Ran[]): number | null {
	if (ran.some((r) => r.stage.peakMB === null)) return null;
	let most = 0;
	for (const r of ran) {
		const held = ran
			.filter((o) => o.from <= r.from && r.from < o.to)
			.reduce((sum, o) => sum + o.stage.peakMB!, 0);
		most = Math.max(most, held);
	}
	return most;
}

/**
 * Samples, every `ms` milliseconds, the resident memory of every process descended from `root` (the stages and what
 * they start, not `root` itself), added up, from /proc (Linux). `stop()` ends the sampling and gives the highest sum
 * in MB, or null where there is no /proc. Peaks shorter than the interval can be missed; the stages' memory grows
 * and falls over seconds.
 */
export function sampleTreeRss(root: number, ms = 100): { stop(): number | null } {
	if (!existsSync('/proc/self/status')) return { stop: () => null };
	let peak = 0;
	const read = (file: string) => {
		try {
			return readFileSync(file, 'utf8');
		} catch {
			return undefined; // the process ended between listing and reading
		}
	};
	const tick = () => {
		const children = new Map<number, number[]>();
		for (const d of readdirSync('/proc')) {
			if (!/^\d+$/.test(d)) continue;
			const stat = read(`/proc/${d}/stat`);
			if (!stat) continue;
			// pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ")".
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const siblings = children.get(ppid);
			if (siblings) siblings.push(Number(d));
			else children.set(ppid, [Number(d)]);
		}
		let kb = 0;
		const queue = [...(children.get(root) ?? [])];
		for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
			kb += Number(read(`/proc/${pid}/status`)?.match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? 0);
			queue.push(...(children.get(pid) ?? []));
		}
		peak = Math.max(peak, kb);
	};
	const timer = setInterval(tick, ms);
	return {
		stop() {
			clearInterval(timer);
			return Math.round(peak / 1024);
		},
	};
}

/** Counts the `.html` files under a folder (the HTML pages). */
export function countHtml(dir: string): number {
	let n = 0;
	for (const name of readdirSync(dir)) {
		const f = join(dir, name);
		if (statSync(f).isDirectory()) n += countHtml(f);
		else if (name.endsWith('.html')) n++;
	}
	return n;
}

/** A work folder for one build, with the project's node_modules reachable from the prerender chunks. */
export function workDir(base: string, name: string): string {
	const dir = join(base, name);
	mkdirSync(dir, { recursive: true });
	if (!existsSync(join(dir, 'node_modules')))
		symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
	return dir;
}

/** Pages Astro says it built, from its log. */
export const pagesBuilt = (astroLog: string) => Number(astroLog.match(/(\d+) page\(s\) built/)?.[1] ?? NaN);

/**
 * A build's figures from its stages; its wall time runs from the first stage's start to the last one's end.
 * @param sampledPeakMB the build's peak memory as `sampleTreeRss` measured it, when it could
 */
export function summarise(
	ran: Record<string, Ran>,
	htmlPages: number,
	sampledPeakMB: number | null = null,
): Build {
	const all = Object.values(ran);
	const stages = Object.fromEntries(Object.entries(ran).map(([k, r]) => [k, r.stage]));
	const seconds = (Math.max(...all.map((r) => r.to)) - Math.min(...all.map((r) => r.from))) / 1000;
	const cpu = all.map((r) => r.stage.cpuSeconds);
	const pages = pagesBuilt(ran.astroBuild.stdout);
	return {
		stages,
		buildSeconds: round(seconds, 2),
		buildCpuSeconds: cpu.every((c) => c !== null)
			? round(
					(cpu as number[]).reduce((s, c) => s + c, 0),
					2,
				)
			: null,
		peakMemoryMB: sampledPeakMB ?? peakTogether(all),
		peakMemoryUpperMB: peakTogether(all),
		pages,
		htmlPages,
		msPerPage: round((ran.astroBuild.stage.seconds * 1000) / pages, 2),
	};
}
