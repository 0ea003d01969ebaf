/**
 * Validates a whole data folder: every file, every row, every reference between files. Pure: it reads through a
 * `DataFiles` view (the real folder, or an in-memory one in tests) and returns the validated dataset with every
 * problem found — all of them, not the first. The build publishes nothing while any error stands.
 */
import { z } from 'astro/zod';
import { imageSize } from 'image-size';
import type { Issue } from '../issues.ts';
import { readTable, type Located, type TableResult } from './read-table.ts';
import { readJson } from './json.ts';
import { FirstSeen } from './first-seen.ts';
import { decodeText } from '../csv.ts';
import { isQuarterId, quarterEnd, quarterStart, type QuarterId } from '../quarters.ts';
import {
	noticeEnd,
	UnknownCalendarYearError,
	WorkCalendar,
	type CalendarOverride,
} from '../calendar/workdays.ts';
import { storyText } from './story.ts';
import { lifecycleProblems } from '../exemplars/lifecycle.ts';
import { siteSchema, type Site } from '../../schemas/site.ts';
import { rubricSchema, type Indicator, type Rubric } from '../../schemas/rubric.ts';
import { unitTable, unitNameTable, type UnitRow, type UnitNameRow } from '../../schemas/unit.ts';
import { evidenceTable, type EvidenceRow } from '../../schemas/evidence.ts';
import { dishonestyTable, type DishonestyRow } from '../../schemas/dishonesty.ts';
import {
	candidateTable,
	eventTable,
	noticeTable,
	reviewTable,
	REVIEW_BODIES,
	type CandidateRow,
	type EventRow,
	type NoticeRow,
	type ReviewRow,
} from '../../schemas/candidate.ts';
import {
	commitmentTable,
	commitmentUpdateTable,
	type CommitmentRow,
	type CommitmentUpdateRow,
} from '../../schemas/commitment.ts';
import { pledgeTable, type PledgeRow } from '../../schemas/pledge.ts';
import { calendarTable, type CalendarRow } from '../../schemas/calendar.ts';
import { policyTable, type PolicyRow } from '../../schemas/policy.ts';
import type { TableDef } from '../../schemas/table.ts';
import { UNIT_CATEGORIES } from '../../schemas/enums.ts';

z.config(z.locales.zhCN());

/** Rows grouped by a key, in their order. */
function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
	const m = new Map<string, T[]>();
	for (const r of rows) {
		const k = key(r);
		const list = m.get(k);
		if (list) list.push(r);
		else m.set(k, [r]);
	}
	return m;
}

/** Read access to a data folder; paths are relative to it and use `/`. */
export interface DataFiles {
	/** File names (not paths) directly inside `dir` (`''` for the top), sorted. */
	list(dir: string): string[];
	read(path: string): Uint8Array | undefined;
}

/** Per-file accounting: rows read and rows that passed validation. */
export interface FileCount {
	file: string;
	table: string;
	rowsIn: number;
	rowsValid: number;
	/** Valid rows that are blank placeholders (evidence files only): kept for their ids, neither published nor scored. */
	placeholders?: number;
}

/** An evidence row with its quarter (from the file name). */
export type Evidence = EvidenceRow & { quarter: QuarterId };
/** A notice with its derived last day (7th working day). */
export type Notice = NoticeRow & { end: string };
/** A candidate's story: its text (the MDX source) and its length in 字. */
export interface Story {
	candidateId: string;
	path: string;
	source: string;
	chars: number;
}
/** A photo of a candidate. */
export interface Photo {
	candidateId: string;
	file: string;
	path: string;
	width: number;
	height: number;
	bytes: number;
}

/** A validated dataset. Arrays hold only valid rows; `issues` names every other row. */
export interface Dataset {
	site?: Site;
	rubrics: Map<number, Rubric>;
	units: Located<UnitRow>[];
	unitNames: Located<UnitNameRow>[];
	evidence: Located<Evidence>[];
	dishonesty: Located<DishonestyRow>[];
	candidates: Located<CandidateRow>[];
	reviews: Located<ReviewRow>[];
	notices: Located<Notice>[];
	events: Located<EventRow>[];
	stories: Map<string, Story>;
	photos: Photo[];
	policies: Located<PolicyRow>[];
	commitments: Located<CommitmentRow>[];
	commitmentUpdates: Located<CommitmentUpdateRow>[];
	pledges: Located<PledgeRow>[];
	calendar: WorkCalendar;
	files: FileCount[];
	issues: Issue[];
}

/** Largest photo size: seed 000 附件1 注 "小于 30KB" (30 × 1024 bytes). */
export const PHOTO_MAX_BYTES = 30 * 1024;
/** Photo size in pixels: seed 000 附件1 注 "120 像素×160 像素" (width × height). */
export const PHOTO_WIDTH = 120;
export const PHOTO_HEIGHT = 160;
/** Shortest story: seed 000 附件1 注 "不少于 1500 字". */
export const STORY_MIN_CHARS = 1500;
/** Candidates per recommending unit per year: seed 000 第六条 "每次推荐限2人". */
export const MAX_CANDIDATES_PER_UNIT = 2;

/**
 * A blank placeholder evidence row, as `npm run new:quarter` writes one per unit and indicator: only 记录编号, 单位编号
 * and 指标编号 filled. It is checked (ids, unit, indicator) but neither published nor scored, so a quarter whose file
 * holds only placeholders is not published yet. A row with anything else filled is a fact and must be complete.
 */
export function isPlaceholder(e: EvidenceRow): boolean {
	return (
		!e.kind && !e.date && e.count === undefined && e.points === undefined && !e.what && !e.source && !e.reason
	);
}

/**
 * Validates the data folder.
 * @param files the folder
 * @param shown how paths are shown in messages (e.g. `data/`), prefixed to each file's relative path
 */
export function validateDataset(files: DataFiles, shown = 'data/'): Dataset {
	const issues: Issue[] = [];
	const counts: FileCount[] = [];
	/** The accounting of each file, by its shown path (a lookup per invalid row, so a map, not a search). */
	const countOf = new Map<string, FileCount>();
	const p = (rel: string) => shown + rel;
	const error = (file: string, line: number, column: number, code: string, message: string) =>
		issues.push({ file, line, column, code, message, severity: 'error' });
	const at = <T>(r: Located<T>, key: string, code: string, message: string) =>
		error(r.file, r.line, r.col(key) || 1, code, message);

	function table<T>(
		def: TableDef,
		rel: string,
		required: boolean,
		opts: { declare?: readonly string[] } = {},
	): TableResult<T> {
		const bytes = files.read(rel);
		if (!bytes) {
			if (required)
				error(
					p(rel),
					1,
					1,
					'missing-file',
					`缺少文件 ${p(rel)}（${def.title}：${def.doc}）；模板见 data/templates/`,
				);
			return { records: [], issues: [], rowsIn: 0, declared: () => new Set() };
		}
		const r = readTable<T>(def, bytes, p(rel), opts);
		// One at a time: a badly broken file can have more problems than `push(...)` takes arguments.
		for (const i of r.issues) issues.push(i);
		const count = { file: p(rel), table: def.name, rowsIn: r.rowsIn, rowsValid: r.records.length };
		counts.push(count);
		countOf.set(count.file, count);
		return r;
	}
	/** Records whose key repeats an earlier one are errors and are dropped (never silently overwritten). */
	function unique<T>(records: Located<T>[], keys: readonly string[], label: string): Located<T>[] {
		const keyOf = (r: Located<T>) => {
			const v = r.value as Record<string, unknown>;
			return keys.length === 1 ? String(v[keys[0]]) : keys.map((key) => String(v[key])).join(' / ');
		};
		const out: Located<T>[] = [];
		const seen = new FirstSeen((n) => keyOf(out[n]));
		for (const r of records) {
			const k = keyOf(r);
			const earlier = seen.add(k, out.length);
			if (earlier < 0) {
				out.push(r);
				continue;
			}
			const first = out[earlier];
			at(
				r,
				keys[0],
				'unique-error',
				`${label} "${k}" 重复，与 ${first.file} 第 ${first.line} 行相同；每个${label}只能出现一次`,
			);
			markInvalid(r);
		}
		return out;
	}
	function markInvalid(r: Located<unknown>) {
		const c = countOf.get(r.file);
		if (c) c.rowsValid--;
	}
	function json<T>(schema: z.ZodType<T>, rel: string): T | undefined {
		const bytes = files.read(rel);
		if (!bytes) {
			error(p(rel), 1, 1, 'missing-file', `缺少文件 ${p(rel)}`);
			return undefined;
		}
		const d = decodeText(bytes, p(rel));
		issues.push(...d.issues.filter((i) => i.severity === 'error'));
		if (d.text === undefined) return undefined;
		const r = readJson(schema, d.text, p(rel));
		issues.push(...r.issues);
		return r.value;
	}

	// ---- site identity --------------------------------------------------------------------------------------
	const site = json(siteSchema, 'site.json');

	// ---- calendar overrides ---------------------------------------------------------------------------------
	const overrides = new Map<number, CalendarOverride[]>();
	for (const name of files.list('calendar')) {
		const rel = `calendar/${name}`;
		const m = name.match(/^(\d{4})\.csv$/);
		if (!m) {
			error(p(rel), 1, 1, 'file-name', `节假日补充文件应按年份命名，如 2027.csv`);
			continue;
		}
		const year = Number(m[1]);
		const rows = unique(table<CalendarRow>(calendarTable, rel, true).records, ['date'], '日期');
		const entries: CalendarOverride[] = [];
		for (const r of rows) {
			if (Number(r.value.date.slice(0, 4)) !== year) {
				at(r, 'date', 'out-of-period', `日期 ${r.value.date} 不在文件名所示的 ${year} 年内`);
				markInvalid(r);
			} else entries.push({ date: r.value.date, type: r.value.type });
		}
		overrides.set(year, entries);
	}
	const calendar = new WorkCalendar(overrides);

	// ---- rubrics --------------------------------------------------------------------------------------------
	const rubrics = new Map<number, Rubric>();
	for (const name of files.list('rubrics')) {
		const rel = `rubrics/${name}`;
		const m = name.match(/^(\d{4})\.json$/);
		if (!m) {
			error(p(rel), 1, 1, 'file-name', '评价指标文件应按年份命名，如 2022.json');
			continue;
		}
		const rubric = json(rubricSchema, rel);
		if (!rubric) continue;
		let ok = true;
		const fail = (code: string, message: string) => {
			error(p(rel), 1, 1, code, message);
			ok = false;
		};
		if (rubric.year !== Number(m[1])) fail('rubric-year', `文件名是 ${m[1]} 年，但 "year" 是 ${rubric.year}`);
		const ids = new Set<string>();
		for (const ind of rubric.indicators) {
			if (ids.has(ind.id)) fail('unique-error', `指标编号 "${ind.id}" 重复`);
			ids.add(ind.id);
			if (!rubric.groups.some((g) => g.id === ind.group))
				fail('foreign-key', `指标 ${ind.id} 的分组 "${ind.group}" 不在 groups 中`);
			if (ind.rule.kind === 'perItem' && ind.rule.cap > ind.max)
				fail('rubric-rule', `指标 ${ind.id} 的封顶分 ${ind.rule.cap} 大于满分 ${ind.max}`);
			if (ind.rule.kind === 'deduction' && ind.max !== 0)
				fail('rubric-rule', `指标 ${ind.id} 是纯扣分项，满分应为 0`);
		}
		if (ok) rubrics.set(rubric.year, rubric);
	}
	if (files.list('rubrics').length === 0)
		error(p('rubrics/'), 1, 1, 'missing-file', '缺少评价指标文件 rubrics/<年>.json');

	// ---- units ----------------------------------------------------------------------------------------------
	const unitFile = table<UnitRow>(unitTable, 'units.csv', true, { declare: ['id'] });
	const units = unique(unitFile.records, ['id'], '单位编号');
	const unitsDeclared = unitFile.declared('id');
	const unitById = new Map(units.map((u) => [u.value.id, u]));
	for (const u of units) {
		const { from, to, mergedInto } = u.value;
		if (from && to && to <= from) at(u, 'to', 'date-order', `撤销日期 ${to} 应晚于设立日期 ${from}`);
		if (mergedInto && !unitById.has(mergedInto))
			at(u, 'mergedInto', 'foreign-key', `并入单位 "${mergedInto}" 不在 units.csv 中`);
		if (mergedInto && !to) at(u, 'to', 'required', '填写了并入单位，也要填写撤销日期（合并生效日）');
	}
	const unitNames = table<UnitNameRow>(unitNameTable, 'unit-names.csv', true).records.filter((n) => {
		if (!unitById.has(n.value.unitId)) {
			if (!unitsDeclared.has(n.value.unitId))
				at(n, 'unitId', 'foreign-key', `单位编号 "${n.value.unitId}" 不在 units.csv 中`);
			markInvalid(n);
			return false;
		}
		if (n.value.from && n.value.to && n.value.to < n.value.from) {
			at(n, 'to', 'date-order', `停用日期 ${n.value.to} 早于启用日期 ${n.value.from}`);
			markInvalid(n);
			return false;
		}
		return true;
	});
	const namesOf = groupBy(unitNames, (n) => n.value.unitId);
	for (const u of units) {
		const names = (namesOf.get(u.value.id) ?? []).sort((a, b) =>
			(a.value.from ?? '') < (b.value.from ?? '') ? -1 : 1,
		);
		if (names.length === 0) at(u, 'id', 'missing-name', `单位 "${u.value.id}" 在 unit-names.csv 中没有名称`);
		for (let i = 1; i < names.length; i++) {
			const prev = names[i - 1].value;
			const cur = names[i];
			if (!prev.to || !cur.value.from || cur.value.from <= prev.to)
				at(
					cur,
					'from',
					'overlap',
					`单位 "${u.value.id}" 的名称时段重叠：上一个名称 "${prev.name}" 须在本名称启用前停用`,
				);
		}
	}
	/** Whether a unit exists on a date (set up on or before it, not yet dissolved). */
	const existsOn = (u: UnitRow, date: string) => (!u.from || u.from <= date) && (!u.to || date < u.to);
	/** Whether a unit exists at any time between two days (a quarter's first and last). */
	const existsBetween = (u: UnitRow, first: string, last: string) =>
		(!u.from || u.from <= last) && (!u.to || first < u.to);
	const unitRef = <T>(r: Located<T>, key: string, label = '单位编号'): UnitRow | undefined => {
		const id = (r.value as Record<string, string>)[key];
		const u = unitById.get(id);
		if (!u && !unitsDeclared.has(id)) at(r, key, 'foreign-key', `${label} "${id}" 不在 units.csv 中`);
		return u?.value;
	};
	const categoryLabel = (c: string) => UNIT_CATEGORIES.find((x) => x.value === c)?.label ?? c;

	// ---- evidence -------------------------------------------------------------------------------------------
	const evidence: Located<Evidence>[] = [];
	for (const name of files.list('evidence')) {
		const rel = `evidence/${name}`;
		const quarter = name.replace(/\.csv$/, '');
		if (!name.endsWith('.csv') || !isQuarterId(quarter)) {
			error(p(rel), 1, 1, 'file-name', `季度评价记录文件应按季度命名，如 2023-Q4.csv，而不是 "${name}"`);
			continue;
		}
		const year = Number(quarter.slice(0, 4));
		const [first, last] = [quarterStart(quarter), quarterEnd(quarter)];
		const rubric = rubrics.get(year);
		const indicatorById = new Map(rubric?.indicators.map((i) => [i.id, i]));
		const rows = table<EvidenceRow>(evidenceTable, rel, true).records;
		if (!rubric && rows.length)
			error(
				p(rel),
				1,
				1,
				'missing-rubric',
				`没有 ${year} 年的评价指标文件 rubrics/${year}.json，本季度无法计分`,
			);
		for (const r of rows) {
			const e = r.value;
			let ok = true;
			const bad = (key: string, code: string, message: string) => {
				at(r, key, code, message);
				ok = false;
			};
			const unit = unitRef(r, 'unitId');
			if (!unit) ok = false;
			const ind: Indicator | undefined = indicatorById.get(e.indicatorId);
			if (rubric && !ind)
				bad('indicatorId', 'foreign-key', `指标编号 "${e.indicatorId}" 不在 rubrics/${year}.json 中`);
			if (!rubric) ok = false;
			if (unit && ind && !ind.appliesTo.includes(unit.category))
				bad(
					'indicatorId',
					'not-applicable',
					`指标 ${ind.id}「${ind.title}」不适用于${categoryLabel(unit.category)}单位（适用于：${ind.appliesTo.map(categoryLabel).join('、')}）`,
				);
			if (unit && !existsBetween(unit, first, last))
				bad(
					'unitId',
					'unit-inactive',
					`单位 "${unit.id}" 在 ${quarter} 不存在（设立 ${unit.from ?? '—'}，撤销 ${unit.to ?? '—'}）`,
				);
			const blank = isPlaceholder(e);
			if (!blank) {
				if (!e.date) bad('date', 'required', '"日期" 不能为空');
				else if (e.date < first || e.date > last)
					bad('date', 'out-of-period', `日期 ${e.date} 不在 ${quarter}（${first} 至 ${last}）内`);
				if (!e.what) bad('what', 'required', '"事项" 不能为空：写明做了什么或发生了什么');
				if (!e.source)
					bad('source', 'required', '"来源" 不能为空：写明数据来源（如 信用办、法院、纪委、网信办）');
			}
			if (ind && !blank) {
				const rule = ind.rule;
				const kind =
					e.kind ??
					(rule.kind === 'done'
						? 'done'
						: rule.kind === 'perItem'
							? 'item'
							: rule.kind === 'judged'
								? 'judged'
								: rule.kind === 'deduction'
									? 'incident'
									: undefined);
				const allowed: string[] = [];
				if (rule.kind === 'done') allowed.push('done');
				if (rule.kind === 'perItem' && rule.source === 'evidence') allowed.push('item');
				if (rule.kind === 'judged') allowed.push('judged');
				if (rule.kind === 'deduction' || ('deduction' in rule && rule.deduction)) allowed.push('incident');
				if (rule.kind === 'commitmentCoverage' || (rule.kind === 'perItem' && rule.source === 'pledges'))
					bad(
						'indicatorId',
						'computed-indicator',
						`指标 ${ind.id}「${ind.title}」由${rule.kind === 'commitmentCoverage' ? '公开承诺' : '企业信用承诺'}数据自动计算，不要在评价记录中填写`,
					);
				else if (!kind || !allowed.includes(kind))
					bad(
						'kind',
						'kind-mismatch',
						`指标 ${ind.id} 的记录类型只能是：${allowed.map((k) => ({ done: '完成', item: '事项', incident: '扣分', judged: '评分' })[k]).join('、')}`,
					);
				if (kind === 'judged') {
					if (e.points === undefined)
						bad('points', 'required', `评分类指标 ${ind.id} 要填写"得分"（0～${ind.max}）`);
					else if (e.points < 0 || e.points > ind.max)
						bad('points', 'out-of-range', `得分 ${e.points} 超出指标 ${ind.id} 的范围 0～${ind.max}`);
					if (!e.reason) bad('reason', 'reason-required', `评分类指标 ${ind.id} 必须写明评分理由`);
				} else if (e.points !== undefined)
					bad(
						'points',
						'points-not-allowed',
						`只有评分类指标填写"得分"；${ind.id} 的分值按规则计算，请清空此格`,
					);
				if (kind === 'done' && e.count !== undefined && e.count !== 1)
					bad('count', 'out-of-range', '"完成" 类记录的数量只能是 1 或空');
			}
			// In place rather than copied: a million rows, two objects fewer each.
			if (ok) (((e as Evidence).quarter = quarter), evidence.push(r as Located<Evidence>));
			else markInvalid(r);
		}
	}
	const evidenceIds = unique(evidence, ['id'], '记录编号');
	evidence.length = 0;
	for (const r of evidenceIds) {
		if (!isPlaceholder(r.value)) evidence.push(r);
		else {
			const c = countOf.get(r.file)!;
			c.placeholders = (c.placeholders ?? 0) + 1;
		}
	}

	// ---- dishonesty -----------------------------------------------------------------------------------------
	const dishonesty = unique(
		table<DishonestyRow>(dishonestyTable, 'dishonesty.csv', true).records,
		['id'],
		'记录编号',
	).filter((r) => {
		let ok = !!unitRef(r, 'unitId');
		const { date, repairedOn, repairHow } = r.value;
		if (repairedOn && repairedOn < date) {
			at(r, 'repairedOn', 'date-order', `修复日期 ${repairedOn} 早于认定日期 ${date}`);
			ok = false;
		}
		if (repairedOn && !repairHow) {
			at(r, 'repairHow', 'required', '填写了修复日期，也要写明修复方式');
			ok = false;
		}
		if (!repairedOn && repairHow) {
			at(r, 'repairedOn', 'required', '填写了修复方式，也要填写修复日期');
			ok = false;
		}
		if (!ok) markInvalid(r);
		return ok;
	});

	// ---- exemplars ------------------------------------------------------------------------------------------
	const candidatesAll = unique(
		table<CandidateRow>(candidateTable, 'exemplars/candidates.csv', true).records,
		['id'],
		'候选人编号',
	);
	const noticesAll = unique(
		table<NoticeRow>(noticeTable, 'exemplars/notices.csv', true).records,
		['id'],
		'公示编号',
	);
	const notices: Located<Notice>[] = [];
	for (const n of noticesAll) {
		try {
			notices.push({ ...n, value: { ...n.value, end: noticeEnd(calendar, n.value.start) } });
		} catch (e) {
			if (!(e instanceof UnknownCalendarYearError)) throw e;
			at(
				n,
				'start',
				'calendar-unknown',
				`公示期（${n.value.start} 起 7 个工作日）涉及 ${e.year} 年，但 chinese-days 和 data/calendar/ 都没有 ${e.year} 年的节假日安排，无法计算工作日。请按国务院办公厅公布的 ${e.year} 年节假日安排填写 data/calendar/${e.year}.csv（模板见 data/templates/calendar.csv）`,
			);
			markInvalid(n);
		}
	}
	const noticeById = new Map(notices.map((n) => [n.value.id, n]));
	const reviews = unique(
		table<ReviewRow>(reviewTable, 'exemplars/reviews.csv', true).records,
		['candidateId', 'body'],
		'候选人的审查单位',
	);
	const events = table<EventRow>(eventTable, 'exemplars/events.csv', true).records;
	const reviewsOf = groupBy(reviews, (v) => v.value.candidateId);
	const perUnitYear = new Map<string, Located<CandidateRow>[]>();
	const candidates = candidatesAll.filter((r) => {
		const c = r.value;
		let ok = !!unitRef(r, 'recommender', '推荐单位');
		const key = `${c.recommender}/${c.year}`;
		const list = perUnitYear.get(key) ?? [];
		list.push(r);
		perUnitYear.set(key, list);
		if (list.length > MAX_CANDIDATES_PER_UNIT) {
			at(
				r,
				'recommender',
				'over-quota',
				`推荐单位 "${c.recommender}" 在 ${c.year} 年已推荐 ${list.length} 人，每单位每年限 ${MAX_CANDIDATES_PER_UNIT} 人（seed 000 第六条；另见第 ${list.map((x) => x.line).join('、')} 行）`,
			);
			ok = false;
		}
		if (c.recommendedOn > `${c.year}-12-10`)
			(at(
				r,
				'recommendedOn',
				'deadline',
				`推荐日期 ${c.recommendedOn} 晚于 ${c.year} 年 12 月 10 日的报送截止日（seed 000 第六条）`,
			),
				(ok = false));
		if (Number(c.recommendedOn.slice(0, 4)) !== c.year)
			(at(r, 'recommendedOn', 'out-of-period', `推荐日期 ${c.recommendedOn} 不在评选年度 ${c.year} 年内`),
				(ok = false));
		const checks = reviewsOf.get(c.id) ?? [];
		const hit = checks.some((v) => v.value.result === 'hit');
		const complete = REVIEW_BODIES.every((b) => checks.some((v) => v.value.body === b.value));
		if (c.review && (hit || !complete))
			(at(
				r,
				'review',
				'lifecycle-order',
				hit
					? '信用审查有记录的候选人已取消资格，不能进入评审（seed 000 第七条）'
					: '信用审查尚未完成（纪检、公安、检察院、信访四家都要有回复），不能填写评审结果',
			),
				(ok = false));
		if (c.noticeId) {
			const n = noticeById.get(c.noticeId);
			if (!n && !noticesAll.some((x) => x.value.id === c.noticeId))
				(at(r, 'noticeId', 'foreign-key', `公示编号 "${c.noticeId}" 不在 notices.csv 中`), (ok = false));
			else if (!n) ok = false;
			if (c.review !== 'passed')
				(at(r, 'noticeId', 'lifecycle-order', '只有评审通过的候选人才能公示（seed 000 第八条）'),
					(ok = false));
			if (n && n.value.year !== c.year)
				(at(
					r,
					'noticeId',
					'out-of-period',
					`公示 ${n.value.id} 属于 ${n.value.year} 年度，候选人属于 ${c.year} 年度`,
				),
					(ok = false));
			if (n && n.value.start < c.recommendedOn)
				(at(r, 'noticeId', 'date-order', `公示开始 ${n.value.start} 早于推荐日期 ${c.recommendedOn}`),
					(ok = false));
		}
		if (!ok) markInvalid(r);
		return ok;
	});
	const candidateById = new Map(candidatesAll.map((c) => [c.value.id, c]));
	const candidateIds = new Set(candidateById.keys());
	for (const v of reviews)
		if (!candidateIds.has(v.value.candidateId))
			(at(v, 'candidateId', 'foreign-key', `候选人编号 "${v.value.candidateId}" 不在 candidates.csv 中`),
				markInvalid(v));
	const validEvents = events.filter((e) => {
		const c = candidateById.get(e.value.candidateId)?.value;
		if (!c)
			return (
				at(e, 'candidateId', 'foreign-key', `候选人编号 "${e.value.candidateId}" 不在 candidates.csv 中`),
				markInvalid(e),
				false
			);
		const n = c.noticeId ? noticeById.get(c.noticeId) : undefined;
		if (!n)
			return (
				at(e, 'candidateId', 'lifecycle-order', '候选人尚未公示，不能有异议或撤销记录'),
				markInvalid(e),
				false
			);
		if (e.value.date < n.value.start)
			return (
				at(e, 'date', 'date-order', `日期 ${e.value.date} 早于公示开始日 ${n.value.start}`),
				markInvalid(e),
				false
			);
		if (e.value.event === 'revoked' && !e.value.publicReason)
			return (
				at(e, 'publicReason', 'required', '撤销必须写明向社会公开的撤销理由（公开说明）'),
				markInvalid(e),
				false
			);
		return true;
	});
	// The order of each noticed candidate's objections, conclusions and revocation (seed 000 第八条, 第十条).
	const eventsOf = groupBy(validEvents, (e) => e.value.candidateId);
	for (const c of candidatesAll) {
		const n = c.value.noticeId ? noticeById.get(c.value.noticeId) : undefined;
		const own = eventsOf.get(c.value.id) ?? [];
		if (!n || own.length === 0) continue;
		const facts = { recommendedOn: c.value.recommendedOn, reviews: [], events: own.map((e) => e.value) };
		for (const problem of lifecycleProblems({ ...facts, notice: { start: n.value.start, end: n.value.end } }))
			(at(own[problem.event], 'event', problem.code, problem.message), markInvalid(own[problem.event]));
	}

	// Stories (MDX) and photos.
	const stories = new Map<string, Story>();
	const storyFiles = files.list('exemplars/stories');
	const storyFileSet = new Set(storyFiles);
	for (const name of storyFiles) {
		const rel = `exemplars/stories/${name}`;
		const id = name.replace(/\.mdx$/, '');
		if (!name.endsWith('.mdx')) {
			error(p(rel), 1, 1, 'file-name', '详细事迹文件应为 <候选人编号>.mdx');
			continue;
		}
		if (!candidateIds.has(id)) {
			error(p(rel), 1, 1, 'foreign-key', `没有编号为 "${id}" 的候选人（文件名应为候选人编号）`);
			continue;
		}
		const d = decodeText(files.read(rel)!, p(rel));
		if (d.text === undefined) {
			issues.push(...d.issues);
			continue;
		}
		if (d.encoding === 'gb18030') {
			error(p(rel), 1, 1, 'bad-encoding', '详细事迹文件须为 UTF-8 编码，请另存为 UTF-8');
			continue;
		}
		const s = storyText(d.text, p(rel));
		issues.push(...s.issues);
		if (s.issues.length) continue;
		if (s.chars < STORY_MIN_CHARS) {
			error(
				p(rel),
				1,
				1,
				'story-too-short',
				`详细事迹只有 ${s.chars} 字，不少于 ${STORY_MIN_CHARS} 字（seed 000 附件1 注；按去掉空白和标记后的字符计）`,
			);
			continue;
		}
		stories.set(id, { candidateId: id, path: rel, source: d.text, chars: s.chars });
	}
	for (const c of candidatesAll)
		if (!storyFileSet.has(`${c.value.id}.mdx`))
			at(
				c,
				'id',
				'missing-story',
				`缺少详细事迹 data/exemplars/stories/${c.value.id}.mdx（不少于 ${STORY_MIN_CHARS} 字，seed 000 附件1 注）`,
			);
	const photos: Photo[] = [];
	const photoFiles = files.list('exemplars/photos');
	const usedPhotos = new Set<string>();
	for (const c of candidatesAll) {
		const names = (c.value.photos ?? '')
			.split(/[、,，;；]/)
			.map((s) => s.trim())
			.filter(Boolean);
		if (names.length > 2) at(c, 'photos', 'too-many', '照片最多 2 张（seed 000 附件1 注）');
		if (names.length > 0 && !c.value.photoAlt)
			at(c, 'photoAlt', 'required', '有照片时要填写"照片说明"（供读屏软件朗读的替代文本）');
		for (const name of names) {
			usedPhotos.add(name);
			const rel = `exemplars/photos/${name}`;
			const bytes = files.read(rel);
			if (!bytes) {
				at(c, 'photos', 'missing-file', `照片 data/${rel} 不存在`);
				continue;
			}
			let dims: { width?: number; height?: number; type?: string };
			try {
				dims = imageSize(bytes);
			} catch {
				error(p(rel), 1, 1, 'photo-format', '无法识别的图片文件：请使用 JPEG 或 PNG');
				continue;
			}
			let ok = true;
			if (!['jpg', 'png'].includes(dims.type ?? ''))
				(error(p(rel), 1, 1, 'photo-format', `照片格式是 ${dims.type}，请使用 JPEG 或 PNG`), (ok = false));
			if (dims.width !== PHOTO_WIDTH || dims.height !== PHOTO_HEIGHT)
				(error(
					p(rel),
					1,
					1,
					'photo-size',
					`照片是 ${dims.width}×${dims.height} 像素，应为 ${PHOTO_WIDTH}×${PHOTO_HEIGHT} 像素（宽×高，seed 000 附件1 注）`,
				),
					(ok = false));
			if (bytes.length >= PHOTO_MAX_BYTES)
				(error(
					p(rel),
					1,
					1,
					'photo-bytes',
					`照片 ${(bytes.length / 1024).toFixed(1)} KB，应小于 30 KB（seed 000 附件1 注）`,
				),
					(ok = false));
			if (ok)
				photos.push({
					candidateId: c.value.id,
					file: name,
					path: rel,
					width: dims.width!,
					height: dims.height!,
					bytes: bytes.length,
				});
		}
	}
	for (const name of photoFiles)
		if (!usedPhotos.has(name))
			issues.push({
				file: p(`exemplars/photos/${name}`),
				line: 1,
				column: 1,
				code: 'unused-file',
				message: '没有候选人引用这张照片，不会发布',
				severity: 'warning',
			});

	// ---- commitments ----------------------------------------------------------------------------------------
	const commitmentsAll = unique(
		table<CommitmentRow>(commitmentTable, 'commitments/commitments.csv', true).records,
		['id'],
		'承诺编号',
	);
	const commitments = commitmentsAll.filter((r) => {
		const unit = unitRef(r, 'unitId');
		let ok = !!unit;
		if (r.value.dueBy < r.value.madeOn)
			(at(r, 'dueBy', 'date-order', `完成时限 ${r.value.dueBy} 早于承诺日期 ${r.value.madeOn}`),
				(ok = false));
		if (unit && !existsOn(unit, r.value.madeOn))
			(at(r, 'madeOn', 'unit-inactive', `单位 "${unit.id}" 在 ${r.value.madeOn} 不存在`), (ok = false));
		if (!ok) markInvalid(r);
		return ok;
	});
	const commitmentById = new Map(commitmentsAll.map((c) => [c.value.id, c.value]));
	const commitmentUpdates = unique(
		table<CommitmentUpdateRow>(commitmentUpdateTable, 'commitments/updates.csv', true).records,
		['commitmentId', 'date', 'status'],
		'承诺进展',
	).filter((r) => {
		const c = commitmentById.get(r.value.commitmentId);
		let ok = true;
		if (!c)
			(at(r, 'commitmentId', 'foreign-key', `承诺编号 "${r.value.commitmentId}" 不在 commitments.csv 中`),
				(ok = false));
		else if (r.value.date < c.madeOn)
			(at(r, 'date', 'date-order', `进展日期 ${r.value.date} 早于承诺日期 ${c.madeOn}`), (ok = false));
		if (r.value.status !== 'in-progress' && !r.value.evidence)
			(at(r, 'evidence', 'required', '已兑现、依法变更、未兑现都要写明"说明"（兑现证明或变更的法律依据）'),
				(ok = false));
		if (!ok) markInvalid(r);
		return ok;
	});

	// ---- pledges --------------------------------------------------------------------------------------------
	const pledges = unique(
		table<PledgeRow>(pledgeTable, 'pledges.csv', true).records,
		['id'],
		'承诺书编号',
	).filter((r) => {
		const unit = unitRef(r, 'unitId');
		let ok = !!unit;
		if (unit && unit.category !== 'town' && unit.category !== 'park')
			(at(
				r,
				'unitId',
				'not-applicable',
				`企业信用承诺由镇街或园区收集（属地行政监管），"${unit.id}" 是${categoryLabel(unit.category)}单位`,
			),
				(ok = false));
		if (!ok) markInvalid(r);
		return ok;
	});

	// ---- policy documents ---------------------------------------------------------------------------------
	const policyFile = table<PolicyRow>(policyTable, 'policies/policies.csv', false, { declare: ['id'] });
	const policies = unique(policyFile.records, ['id'], '文件编号').filter((r) => {
		const rel = `policies/${r.value.id}.mdx`;
		const bytes = files.read(rel);
		if (!bytes) return (at(r, 'id', 'missing-file', `缺少正文文件 ${p(rel)}`), markInvalid(r), false);
		const d = decodeText(bytes, p(rel));
		if (d.text === undefined || d.encoding === 'gb18030') {
			issues.push(...d.issues.filter((i) => i.severity === 'error'));
			if (d.encoding === 'gb18030')
				error(p(rel), 1, 1, 'bad-encoding', '正文文件须为 UTF-8 编码，请另存为 UTF-8');
			markInvalid(r);
			return false;
		}
		const s = storyText(d.text, p(rel));
		issues.push(...s.issues);
		if (s.issues.length) markInvalid(r);
		return s.issues.length === 0;
	});
	const declaredPolicies = policyFile.declared('id');
	for (const name of files.list('policies'))
		if (name.endsWith('.mdx') && !declaredPolicies.has(name.slice(0, -4)))
			error(
				p(`policies/${name}`),
				1,
				1,
				'foreign-key',
				`policies/policies.csv 中没有编号为 "${name.slice(0, -4)}" 的文件，正文不会发布`,
			);

	return {
		site,
		rubrics,
		units,
		unitNames,
		evidence,
		dishonesty,
		candidates,
		reviews,
		notices,
		events: validEvents,
		stories,
		photos,
		policies,
		commitments,
		commitmentUpdates,
		pledges,
		calendar,
		files: counts,
		issues,
	};
}
