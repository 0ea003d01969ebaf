/**
 * `npm run mutation`: mutation testing of the rule modules (issue 16) with Stryker, configured in
 * `test/mutation/stryker.config.mjs` and `test/mutation/modules.mjs`. A benchmark-like report, not a test: it runs
 * Stryker once per module, prints the score of each module and every surviving mutant, and writes the summary to
 * `bench/mutation.json` (committed, like `bench/results.json`); each module's HTML and JSON reports go to
 * `.cache/stryker/<module>/`.
 *
 *   npm run mutation                      every module
 *   npm run mutation -- --module scoring  one module (repeatable); the summary still covers every module measured
 *   npm run mutation -- --summary-only    no Stryker run: the summary from the reports in .cache/stryker
 *   npm run mutation -- --force           test every mutant again, not only those of changed code or tests
 *   npm run mutation -- --concurrency 2   more test runners than the configured one, on a machine nobody else uses
 *
 * Stryker runs incrementally: it keeps each module's results in `.cache/stryker/<module>/incremental.json` and tests
 * again only the mutants of changed code or changed tests, so a re-run after a small change takes minutes. Static
 * mutants that survived are always tested again (see `forgetStaticSurvivors`).
 *
 * The score of a module is Stryker's mutation score: mutants detected (killed, or timed out) over mutants that count
 * (detected, survived or not covered by any test); mutants disabled with a `Stryker disable` comment do not count.
 * It exits 1 when a module has no report or scores below 90 %, so a person running it sees the failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { shanghaiDate } from '../src/lib/asof.ts';
import { MODULES } from '../test/mutation/modules.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CONFIG = 'test/mutation/stryker.config.mjs';
const reportOf = (id: string) => join(ROOT, `.cache/stryker/${id}/mutation.json`);
const SUMMARY = join(ROOT, 'bench/mutation.json');
/** The score issue 16 asks of the rule modules, in percent. */
const REQUIRED = 90;

/** A mutant as Stryker's JSON report (mutation-testing-report-schema) has it; only the fields used here. */
interface Mutant {
	mutatorName: string;
	replacement?: string;
	status:
		| 'Killed'
		| 'Survived'
		| 'NoCoverage'
		| 'Timeout'
		| 'CompileError'
		| 'RuntimeError'
		| 'Ignored'
		| 'Pending';
	location: { start: { line: number; column: number } };
}
interface Report {
	files: Record<string, { mutants: Mutant[] }>;
}

/** Counts of one module (or of all), and its score in percent with two decimals. */
interface Counts {
	mutants: number;
	killed: number;
	timeout: number;
	survived: number;
	noCoverage: number;
	ignored: number;
	errors: number;
	score: number;
}

function count(mutants: readonly Mutant[]): Counts {
	const n = (s: Mutant['status']) => mutants.filter((m) => m.status === s).length;
	const c = {
		mutants: mutants.length,
		killed: n('Killed'),
		timeout: n('Timeout'),
		survived: n('Survived'),
		noCoverage: n('NoCoverage'),
		ignored: n('Ignored'),
		errors: n('CompileError') + n('RuntimeError'),
	};
	const detected = c.killed + c.timeout;
	const valid = detected + c.survived + c.noCoverage;
	return { ...c, score: valid ? Math.round((detected / valid) * 10000) / 100 : 100 };
}

const { values } = parseArgs({
	options: {
		force: { type: 'boolean' },
		'summary-only': { type: 'boolean' },
		module: { type: 'string', multiple: true },
		concurrency: { type: 'string' },
	},
});
const unknown = (values.module ?? []).filter((id) => !MODULES.some((m) => m.id === id));
if (unknown.length) {
	console.error(`没有这个模块：${unknown.join('、')}（可选：${MODULES.map((m) => m.id).join('、')}）`);
	process.exit(2);
}
const runs = values['summary-only']
	? []
	: MODULES.filter((m) => !values.module || values.module.includes(m.id));
/**
 * Drops a module's static mutants that survived (or had no test) from its incremental file, so that Stryker tests them
 * again. A static mutant is one that runs when its module loads (a constant, a label, a schema): no single test covers
 * it, and Stryker's incremental mode, which re-tests a mutant when a test that covers it changes, would otherwise keep
 * its old result for ever, even after a test for it was written.
 */
function forgetStaticSurvivors(file: string): void {
	if (!existsSync(file)) return;
	const incremental = JSON.parse(readFileSync(file, 'utf8')) as {
		files: Record<string, { mutants: (Mutant & { static?: boolean })[] }>;
	};
	let dropped = 0;
	for (const f of Object.values(incremental.files)) {
		const kept = f.mutants.filter(
			(m) => !(m.static && (m.status === 'Survived' || m.status === 'NoCoverage')),
		);
		dropped += f.mutants.length - kept.length;
		f.mutants = kept;
	}
	if (dropped) writeFileSync(file, JSON.stringify(incremental));
}

const runMinutes: Record<string, { minutes: number; incremental: boolean }> = {};
for (const m of runs) {
	forgetStaticSurvivors(join(ROOT, `.cache/stryker/${m.id}/incremental.json`));
	// A run that reused earlier results tests only what changed, so its minutes are not those of a full run.
	const incremental = existsSync(join(ROOT, `.cache/stryker/${m.id}/incremental.json`)) && !values.force;
	const started = Date.now();
	const stryker = spawnSync(
		// This Node (24, the devDependency), not the one `#!/usr/bin/env node` would find outside npm.
		process.execPath,
		[
			join(ROOT, 'node_modules/@stryker-mutator/core/bin/stryker.js'),
			'run',
			CONFIG,
			...(values.force ? ['--force'] : []),
			...(values.concurrency ? ['--concurrency', values.concurrency] : []),
		],
		{ cwd: ROOT, stdio: 'inherit', env: { ...process.env, MUTATION_MODULE: m.id } },
	);
	if (stryker.status !== 0) {
		console.error(`Stryker 运行失败（模块 ${m.id}，退出码 ${stryker.status}）`);
		process.exit(stryker.status ?? 1);
	}
	runMinutes[m.id] = { minutes: Math.round((Date.now() - started) / 6000) / 10, incremental };
}

// The summary covers every module with a report, each with the date its report was written.
const previous = existsSync(SUMMARY)
	? (JSON.parse(readFileSync(SUMMARY, 'utf8')) as { modules?: Record<string, { run?: unknown }> })
	: {};
const missing: string[] = [];
const reports: { id: string; name: string; date: string; files: Record<string, { mutants: Mutant[] }> }[] =
	[];
for (const m of MODULES) {
	const file = reportOf(m.id);
	if (!existsSync(file)) {
		missing.push(m.id);
		continue;
	}
	const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
	reports.push({ id: m.id, name: m.name, date: shanghaiDate(statSync(file).mtimeMs), files: report.files });
}
const modules = Object.fromEntries(
	reports.map((r) => {
		const files = Object.keys(r.files).sort();
		return [
			r.id,
			{
				name: r.name,
				date: r.date,
				files,
				run: runMinutes[r.id] ?? previous.modules?.[r.id]?.run,
				...count(files.flatMap((f) => r.files[f].mutants)),
			},
		];
	}),
);
const total = count(reports.flatMap((r) => Object.values(r.files).flatMap((f) => f.mutants)));

const stryker = JSON.parse(
	readFileSync(join(ROOT, 'node_modules/@stryker-mutator/core/package.json'), 'utf8'),
);
const vitest = JSON.parse(readFileSync(join(ROOT, 'node_modules/vitest/package.json'), 'utf8'));
const summary = {
	command: 'npm run mutation',
	date: reports.map((r) => r.date).sort()[0],
	stryker: stryker.version as string,
	vitest: vitest.version as string,
	machine: { cpus: cpus().length, node: process.version },
	required: REQUIRED,
	missing,
	total,
	modules,
};
writeFileSync(SUMMARY, JSON.stringify(summary, null, '\t') + '\n');

for (const r of reports)
	for (const f of Object.keys(r.files).sort())
		for (const m of r.files[f].mutants)
			if (m.status === 'Survived' || m.status === 'NoCoverage')
				console.log(
					`${f}:${m.location.start.line}:${m.location.start.column + 1}: ${m.status} ${m.mutatorName} ${JSON.stringify(m.replacement ?? '')}`,
				);
const row = (name: string, c: Counts) =>
	`${name.padEnd(38)}${String(c.score.toFixed(2)).padStart(7)} %${String(c.mutants).padStart(8)}${String(c.killed).padStart(7)}${String(c.timeout).padStart(8)}${String(c.survived).padStart(9)}${String(c.noCoverage).padStart(11)}${String(c.ignored).padStart(8)}${c.score < REQUIRED ? '  < 90 %' : ''}`;
console.log(
	`\n${'module'.padEnd(38)}${'score'.padStart(9)}${'mutants'.padStart(8)}${'killed'.padStart(7)}${'timeout'.padStart(8)}${'survived'.padStart(9)}${'noCoverage'.padStart(11)}${'ignored'.padStart(8)}`,
);
for (const r of reports) console.log(row(r.name, modules[r.id]));
console.log(row('total', total));
console.log(`\n写入 ${SUMMARY}；HTML 报告：.cache/stryker/<模块>/mutation.html`);
const below = reports.filter((r) => modules[r.id].score < REQUIRED).map((r) => r.id);
if (missing.length) console.error(`尚未测量的模块：${missing.join('、')}`);
if (below.length) console.error(`变异分数低于 ${REQUIRED} % 的模块：${below.join('、')}`);
if (missing.length || below.length) process.exit(1);
