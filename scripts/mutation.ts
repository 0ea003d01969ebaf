/**
 * `npm run mutation`: mutation testing of the rule modules (issue 16) with Stryker, configured in
 * `test/mutation/stryker.config.mjs`. A benchmark-like report, not a test: it runs Stryker, prints the score of each
 * module and every surviving mutant, and writes the summary to `bench/mutation.json` (committed, like
 * `bench/results.json`); the HTML and JSON reports go to `.cache/stryker/`.
 *
 * Stryker runs incrementally: it keeps its results in `.cache/stryker/incremental.json` and tests again only the
 * mutants of changed code or changed tests, so a re-run after a small change takes minutes. `--force` tests every
 * mutant again (about an hour and a half on two cores).
 *
 * The score of a module is Stryker's mutation score: mutants detected (killed, or timed out) over mutants that count
 * (detected, survived or not covered by any test); mutants disabled with a `Stryker disable` comment do not count.
 * It exits 1 when the score of all the modules together is below 90 %, so a person running it sees the failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { shanghaiDate } from '../src/lib/asof.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CONFIG = 'test/mutation/stryker.config.mjs';
const REPORT = join(ROOT, '.cache/stryker/mutation.json');
const INCREMENTAL = join(ROOT, '.cache/stryker/incremental.json');
const SUMMARY = join(ROOT, 'bench/mutation.json');
/** The score issue 16 asks of the rule modules, in percent. */
const REQUIRED = 90;

/** The rule modules, by the path prefixes of their files (each mutated file belongs to exactly one). */
const MODULES: [name: string, prefixes: string[]][] = [
	['scoring', ['src/lib/scoring/score.ts']],
	['validator rules', ['src/lib/validate/checks/', 'src/lib/validate/context.ts']],
	['exemplar lifecycle and public record', ['src/lib/exemplars/']],
	['commitments', ['src/lib/commitments/']],
	['working days', ['src/lib/calendar/workdays.ts']],
	['USCC', ['src/lib/uscc.ts']],
	['CSV writer', ['src/lib/opendata.ts']],
	['releases', ['src/lib/releases.ts']],
	['public 失信 records', ['src/lib/dishonesty/public.ts']],
];

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
	options: { force: { type: 'boolean' }, 'summary-only': { type: 'boolean' } },
});
const incremental = existsSync(INCREMENTAL) && !values.force;
const started = Date.now();
if (!values['summary-only']) {
	const stryker = spawnSync(
		join(ROOT, 'node_modules/.bin/stryker'),
		['run', CONFIG, ...(values.force ? ['--force'] : [])],
		{ cwd: ROOT, stdio: 'inherit' },
	);
	if (stryker.status !== 0) {
		console.error(`Stryker 运行失败（退出码 ${stryker.status}）`);
		process.exit(stryker.status ?? 1);
	}
}
const minutes = Math.round((Date.now() - started) / 6000) / 10;

const report = JSON.parse(readFileSync(REPORT, 'utf8')) as Report;
const files = Object.keys(report.files).sort();
const moduleOf = (file: string) => {
	const found = MODULES.filter(([, prefixes]) => prefixes.some((p) => file.startsWith(p)));
	if (found.length !== 1)
		throw new Error(`${file} belongs to ${found.length} modules of scripts/mutation.ts`);
	return found[0][0];
};
const modules = Object.fromEntries(
	MODULES.map(([name]) => {
		const own = files.filter((f) => moduleOf(f) === name);
		return [name, { files: own, ...count(own.flatMap((f) => report.files[f].mutants)) }];
	}),
);
const total = count(files.flatMap((f) => report.files[f].mutants));

const stryker = JSON.parse(
	readFileSync(join(ROOT, 'node_modules/@stryker-mutator/core/package.json'), 'utf8'),
);
const vitest = JSON.parse(readFileSync(join(ROOT, 'node_modules/vitest/package.json'), 'utf8'));
const summary = {
	command: 'npm run mutation',
	date: shanghaiDate(Date.now()),
	stryker: stryker.version as string,
	vitest: vitest.version as string,
	machine: { cpus: cpus().length, node: process.version },
	// A run that reused earlier results tests only what changed, so its minutes are not those of a full run.
	incremental,
	runMinutes: values['summary-only'] ? undefined : minutes,
	required: REQUIRED,
	total,
	modules,
};
writeFileSync(SUMMARY, JSON.stringify(summary, null, '\t') + '\n');

for (const f of files)
	for (const m of report.files[f].mutants)
		if (m.status === 'Survived' || m.status === 'NoCoverage')
			console.log(
				`${f}:${m.location.start.line}:${m.location.start.column + 1}: ${m.status} ${m.mutatorName} ${JSON.stringify(m.replacement ?? '')}`,
			);
const row = (name: string, c: Counts) =>
	`${name.padEnd(38)}${String(c.score.toFixed(2)).padStart(7)} %${String(c.mutants).padStart(7)}${String(c.killed).padStart(7)}${String(c.timeout).padStart(8)}${String(c.survived).padStart(9)}${String(c.noCoverage).padStart(11)}${String(c.ignored).padStart(8)}${c.score < REQUIRED ? '  < 90 %' : ''}`;
console.log(
	`\n${'module'.padEnd(38)}${'score'.padStart(9)}${'mutants'.padStart(7)}${'killed'.padStart(7)}${'timeout'.padStart(8)}${'survived'.padStart(9)}${'noCoverage'.padStart(11)}${'ignored'.padStart(8)}`,
);
for (const [name] of MODULES) console.log(row(name, modules[name]));
console.log(row('total', total));
console.log(`\n写入 ${SUMMARY}；HTML 报告：.cache/stryker/mutation.html`);
if (total.score < REQUIRED) {
	console.error(`变异分数 ${total.score} % 低于要求的 ${REQUIRED} %`);
	process.exit(1);
}
