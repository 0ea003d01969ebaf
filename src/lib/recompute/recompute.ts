/**
 * 复算: recompute one unit's published result of one quarter from the open data alone, with the site's own scoring
 * module (`src/lib/scoring/score.ts`, fed through `open-data.ts`), and say whether it matches what was published.
 * The same function runs in the reader's browser (`src/scripts/recompute.ts`, files fetched from `/data/`) and on the
 * command line (`npm run recompute`, files read from a folder or fetched from a site).
 *
 * It reads: the data package (`datapackage.json`, the SHA-256 every file must have), the quarter's published grades,
 * the year's rubric, the quarter's evidence and that of the quarters before it whose points can still count
 * ("至次年同月认定的前一季度止"), the units, the 失信 records, the commitments and the pledges. Each file's SHA-256 is
 * computed with WebCrypto (in browsers and in Node alike) and compared with the data package. Then every indicator's
 * points, the total, the score, the grade by the rubric's thresholds, the 失信 override and the rank within the
 * category (every unit of the quarter is recomputed for it) are compared with the published ones.
 *
 * Pure but for the `read` function it is given: no DOM, no file system.
 */
import Papa from 'papaparse';
import { scoreQuarters, type UnitResult } from '../scoring/score.ts';
import { publicOverride, type PublicOverride, type PublicRecord } from '../dishonesty/public.ts';
import type { Rubric } from '../../schemas/rubric.ts';
import { GRADES, UNIT_CATEGORIES, labelsOf, type Grade, type UnitCategory } from '../../schemas/enums.ts';
import { addQuarters, isQuarterId, type QuarterId } from '../quarters.ts';
import { scoringInput, type OpenCommitment, type OpenPledge, type OpenUnit } from './open-data.ts';

/** Reads an open-data file by its path under `/data/` (`grades/2023-Q4.json`). */
export type ReadData = (path: string) => Promise<Uint8Array>;

/** A file read, with its SHA-256 and the one the data package gives. */
export interface InputFile {
	path: string;
	sha256: string;
	/** `sha256:<hex>` from the data package; undefined for the data package itself, and for a file it does not list. */
	expected?: string;
	ok: boolean;
}

/** One indicator: what the scoring module computed and what was published. */
export interface Step {
	id: string;
	title: string;
	max: number;
	explain: string;
	points: number;
	published: number | undefined;
	ok: boolean;
}

/** A published value that the recomputation does not give. */
export interface Difference {
	what: string;
	published: string;
	recomputed: string;
}

/** The published result of a unit, as `/data/grades/<季度>.json` has it. */
interface PublishedUnit {
	id: string;
	name: string;
	category: string;
	score: number;
	grade: Grade;
	rank: number;
	change: number | null;
	maxPoints: number;
	points: Record<string, number>;
	overrides: PublicOverride[];
	records: string[];
}

/** What the recomputation found. */
export interface RecomputeReport {
	quarter: QuarterId;
	unitId: string;
	name: string;
	inputs: InputFile[];
	steps: Step[];
	totalPoints: number;
	maxPoints: number;
	score: number;
	thresholds: Rubric['thresholds'];
	scoreGrade: Grade;
	grade: Grade;
	overrides: PublicOverride[];
	rank: number;
	/** Units of the category in the quarter. */
	ranked: number;
	/** The previous calendar quarter, and the score change since it (null when it has no published result). */
	previous: QuarterId;
	change: number | null;
	published: PublishedUnit;
	differences: Difference[];
	/** Every input matches the data package and every value the published one. */
	consistent: boolean;
}

/** Hex SHA-256 with WebCrypto. */
async function sha256(bytes: Uint8Array): Promise<string> {
	const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');

/** Rows of a CSV file as published (`toCsv`: header, BOM, CRLF), keyed by the header. */
function csvRows(bytes: Uint8Array, path: string): Record<string, string>[] {
	const r = Papa.parse<Record<string, string>>(text(bytes), { header: true, skipEmptyLines: 'greedy' });
	if (r.errors.length)
		throw new Error(`${path} 无法读取：${r.errors[0].message}（第 ${(r.errors[0].row ?? 0) + 2} 行）`);
	return r.data;
}

/**
 * Recomputes a unit's result in a quarter.
 * @throws when a file cannot be read or is not what it should be, with a message naming it
 */
export async function recompute(
	quarter: QuarterId,
	unitId: string,
	read: ReadData,
): Promise<RecomputeReport> {
	if (!isQuarterId(quarter)) throw new Error(`“${quarter}” 不是季度`);
	const inputs: InputFile[] = [];
	let hashes = new Map<string, string>();
	const load = async (path: string): Promise<Uint8Array> => {
		let bytes: Uint8Array;
		try {
			bytes = await read(path);
		} catch (e) {
			throw new Error(`读取 /data/${path} 失败：${(e as Error).message}`);
		}
		const hex = await sha256(bytes);
		const expected = hashes.get(path);
		inputs.push({
			path,
			sha256: hex,
			expected,
			ok: path === 'datapackage.json' || expected === `sha256:${hex}`,
		});
		return bytes;
	};
	const json = async <T>(path: string): Promise<T> => {
		const bytes = await load(path);
		try {
			return JSON.parse(text(bytes)) as T;
		} catch {
			throw new Error(`/data/${path} 不是有效的 JSON`);
		}
	};

	const pkg = await json<{ resources: { path: string; hash: string }[] }>('datapackage.json');
	hashes = new Map(pkg.resources.map((r) => [r.path, r.hash]));
	const grades = await json<{ rubric: string; units: PublishedUnit[] }>(`grades/${quarter}.json`);
	const published = grades.units.find((u) => u.id === unitId);
	if (!published) throw new Error(`${quarter} 的评价结果中没有单位 ${unitId}`);
	const rubric = await json<Rubric>(`rubrics/${grades.rubric}.json`);
	// Points stay valid for up to `validQuarters` quarters, counting the one earned: those quarters' evidence counts.
	const reach = Math.max(
		1,
		...rubric.indicators.map((i) => ('validQuarters' in i.rule && i.rule.validQuarters) || 1),
	);
	const evidence: Record<string, string>[] = [];
	for (let k = reach - 1; k >= 0; k--) {
		const path = `evidence/${addQuarters(quarter, -k)}.csv`;
		// A quarter before the first published one has no file, and adds no evidence.
		if (k > 0 && !hashes.has(path)) continue;
		evidence.push(...csvRows(await load(path), path));
	}
	const units = await json<OpenUnit[]>('units.json');
	const dishonesty = await json<PublicRecord[]>('dishonesty.json');
	const commitments = await json<OpenCommitment[]>('commitments.json');
	const pledges = await json<OpenPledge[]>('pledges.json');

	const [result] = scoreQuarters(
		scoringInput({ rubric, units, evidence, dishonesty, commitments, pledges }, quarter),
	);
	const mine = result?.units.find((u) => u.id === unitId);
	if (!mine) throw new Error(`按开放数据，${unitId} 在 ${quarter} 不是被评价单位`);
	const publication = {
		records: dishonesty,
		publicId: new Map(dishonesty.map((r) => [r.id, r.id])),
		repaired: new Set(dishonesty.filter((r) => r.repaired).map((r) => r.id)),
	};
	const overrides = mine.overrides.map((o) => publicOverride(o, publication));
	// The change since the previous calendar quarter, from its published result when there is one (SPEC: none when
	// that quarter was not released, or the unit was not scored in it). In tenths, so no binary fraction is rounded.
	const before = addQuarters(quarter, -1);
	const beforePath = `grades/${before}.json`;
	const previousUnits = hashes.has(beforePath)
		? (await json<{ units: { id: string; score: number }[] }>(beforePath)).units
		: [];
	const prior = previousUnits.find((u) => u.id === unitId);
	const change = prior ? (Math.round(mine.score * 10) - Math.round(prior.score * 10)) / 10 : null;
	return report(quarter, rubric, mine, result.units, published, overrides, inputs, {
		quarter: before,
		change,
		ids: grades.units.map((u) => u.id),
	});
}

/** Compares the recomputed result with the published one. */
function report(
	quarter: QuarterId,
	rubric: Rubric,
	mine: UnitResult,
	all: readonly UnitResult[],
	published: PublishedUnit,
	overrides: PublicOverride[],
	inputs: InputFile[],
	previous: { quarter: QuarterId; change: number | null; ids: readonly string[] },
): RecomputeReport {
	const titles = new Map(rubric.indicators.map((i) => [i.id, i.title]));
	const steps: Step[] = mine.indicators.map((i) => ({
		id: i.id,
		title: titles.get(i.id) ?? '',
		max: i.max,
		explain: i.explain,
		points: i.points,
		published: published.points[i.id],
		ok: published.points[i.id] === i.points,
	}));
	const differences: Difference[] = [];
	const differ = (what: string, p: unknown, r: unknown) => {
		if (JSON.stringify(p) !== JSON.stringify(r))
			differences.push({ what, published: show(p), recomputed: show(r) });
	};
	for (const s of steps) differ(`指标 ${s.id} 得分`, s.published, s.points);
	for (const id of Object.keys(published.points))
		if (!steps.some((s) => s.id === id)) differ(`指标 ${id} 得分`, published.points[id], undefined);
	differ('适用指标满分之和', published.maxPoints, mine.maxPoints);
	differ('得分', published.score, mine.score);
	differ('等次', GRADE[published.grade], GRADE[mine.grade]);
	differ(
		'等次调整',
		published.overrides.map((o) => `${GRADE[o.grade]}：${o.reason}（${o.recordId}）`),
		overrides.map((o) => `${GRADE[o.grade]}：${o.reason}（${o.recordId}）`),
	);
	differ('失信记录', [...published.records].sort(), [...mine.records].sort());
	differ('类内排名', published.rank, mine.rank);
	differ('名称（该季度时）', published.name, mine.name);
	differ('类别', CATEGORY[published.category as UnitCategory] ?? published.category, CATEGORY[mine.category]);
	differ(`与上季度（${previous.quarter}）相比`, published.change, previous.change);
	// Every unit of the quarter is in the rank: one left out of the published file (or one too many) moves it.
	const listed = new Set(previous.ids);
	const scored = all.map((u) => u.id);
	const missing = scored.filter((id) => !listed.has(id));
	const extra = previous.ids.filter((id) => !scored.includes(id));
	if (missing.length)
		differences.push({
			what: '本季度被评价的单位',
			published: `缺少 ${missing.join('、')}`,
			recomputed: missing.join('、'),
		});
	if (extra.length)
		differences.push({
			what: '本季度被评价的单位',
			published: extra.join('、'),
			recomputed: `没有 ${extra.join('、')}`,
		});
	const bad = inputs.filter((i) => !i.ok);
	for (const i of bad)
		differences.unshift({
			what: `文件 /data/${i.path} 的 SHA-256`,
			published: i.expected ?? '（数据包中没有这个文件）',
			recomputed: `sha256:${i.sha256}`,
		});
	return {
		quarter,
		unitId: mine.id,
		name: published.name,
		inputs,
		steps,
		totalPoints: mine.totalPoints,
		maxPoints: mine.maxPoints,
		score: mine.score,
		thresholds: rubric.thresholds,
		scoreGrade: mine.scoreGrade,
		grade: mine.grade,
		overrides,
		rank: mine.rank,
		ranked: all.filter((u) => u.category === mine.category).length,
		previous: previous.quarter,
		change: previous.change,
		published,
		differences,
		consistent: differences.length === 0,
	};
}

const GRADE = labelsOf(GRADES);
const CATEGORY = labelsOf(UNIT_CATEGORIES);

/** The verdict in one line: `与公布结果一致`, or what differs. */
export function verdictText(r: RecomputeReport): string {
	if (r.consistent) return '与公布结果一致';
	return `与公布结果不一致：${r.differences.map((d) => `${d.what} 公布为 ${d.published}，复算为 ${d.recomputed}`).join('；')}`;
}

/** The steps of the arithmetic after the indicators, each one line. */
export function arithmeticLines(r: RecomputeReport): string[] {
	const t = r.thresholds;
	// Deductions can take the total below 0 (倒扣): then the score is the floor of the range, not the quotient.
	const clamped = r.totalPoints < 0 || r.totalPoints > r.maxPoints;
	return [
		`合计 ${r.totalPoints} 分，适用指标满分之和 ${r.maxPoints} 分；得分 = 100 × ${r.totalPoints} ÷ ${r.maxPoints}，四舍五入保留一位小数${clamped ? '，限定在 0～100 分' : ''} = ${r.score.toFixed(1)} 分`,
		`按分数线（${GRADE.red} ≥ ${t.red}，${GRADE.blue} ≥ ${t.blue}）：${GRADE[r.scoreGrade]}`,
		r.overrides.length
			? `等次调整：${r.overrides.map((o) => `${o.reason}（${o.recordId}），列入${GRADE[o.grade]}`).join('；')}`
			: `没有失信记录调整等次：${GRADE[r.grade]}`,
		`同类 ${r.ranked} 个单位中排第 ${r.rank} 名（1 + 得分更高的同类单位数）`,
		r.change === null
			? `与上季度（${r.previous}）相比：无（那一季度没有公布结果，或本单位未参评）`
			: `与上季度（${r.previous}）相比：${r.change > 0 ? '+' : ''}${r.change.toFixed(1)} 分`,
	];
}

/** The whole recomputation as lines of text (the command line's output). */
export function reportLines(r: RecomputeReport): string[] {
	return [
		`复算 ${r.name}（${r.unitId}）${r.quarter} 的评价结果，只用开放数据和本站的评分程序：`,
		'',
		'输入文件（SHA-256，与 datapackage.json 核对）：',
		...r.inputs.map(
			(i) =>
				`  ${i.ok ? '✓' : '✗'} /data/${i.path}  sha256:${i.sha256}${i.path === 'datapackage.json' ? '（数据包本身）' : i.ok ? '' : `（数据包中为 ${i.expected ?? '无'}）`}`,
		),
		'',
		'各项指标：',
		...r.steps.map(
			(s) =>
				`  ${s.ok ? '✓' : '✗'} ${s.id} ${s.title}：${s.explain} → ${s.points} / ${s.max}${s.ok ? '' : `（公布为 ${s.published ?? '无'}）`}`,
		),
		'',
		...arithmeticLines(r),
		'',
		`结论：${verdictText(r)}`,
	];
}

/** A value in a difference: numbers and text as they are, lists joined, nothing as （无）. */
function show(v: unknown): string {
	if (v === undefined || v === null) return '（无）';
	if (Array.isArray(v)) return v.length ? v.join('；') : '（无）';
	return String(v);
}
