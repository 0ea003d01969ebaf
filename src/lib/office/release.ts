/**
 * `npm run release` (区信用办的发布工具): the last step of draft → report → release, and the two steps that keep a
 * released quarter's results auditable afterwards.
 *
 * - **Release** (`<季度> --date <发布日期> --doc <文号>`): the quarter must be complete (every unit × applicable
 *   indicator has a row — the validator's `release-incomplete` message, word for word) and not yet released. Writes the
 *   quarter's published results in canonical form to `releases/<季度>.json` and appends its release row with the
 *   fingerprint (`sha256:` of that file) to `releases/releases.csv`.
 * - **Seal** (`<季度> --seal`): for a release row already there without a fingerprint (releases made before the
 *   ledger existed), writes the snapshot of today's results and fills in the row's fingerprint.
 * - **Correct** (`<季度> --correct --date … --doc … --reason …`): when a released quarter's results have changed
 *   (the build names the changes and refuses to publish them), appends one row per changed unit and field to
 *   `releases/corrections.csv`, with the values before and after computed here, never typed.
 *
 * Pure: the dataset (validated, without errors), this build's results and the files' current bytes in; the files to
 * write, or the reasons for refusing, out. `scripts/release.ts` reads and writes.
 */
import type { Dataset } from '../validate/dataset.ts';
import type { QuarterResult } from '../scoring/score.ts';
import { releaseTable } from '../../schemas/release.ts';
import { correctionTable } from '../../schemas/correction.ts';
import { date as dateCell, identifier, text as textCell, type Cell } from '../../schemas/table.ts';
import { addQuarters, quarterEnd, type QuarterId } from '../quarters.ts';
import { missingCells } from '../releases.ts';
import { missingCellsText, snapshotPath } from '../validate/checks/releases.ts';
import { nameInQuarter } from '../units/names.ts';
import { decodeText } from '../csv.ts';
import { canonicalQuarter, canonicalText, fingerprintOf } from '../ledger/canonical.ts';
import { correctionRows, describeChanges, unexplainedChanges } from '../ledger/ledger.ts';
import { appendRows, missingColumns, newTableText, setCell } from './csv-edit.ts';
import { scoreAsReleased } from './report.ts';

/** A file the tool writes: its path under the data folder and its new text. */
export interface FileWrite {
	rel: string;
	text: string;
}

/** What the tool does: the files to write and what to tell the office, or why it refuses. */
export type Outcome = { ok: true; writes: FileWrite[]; lines: string[] } | { ok: false; errors: string[] };

/** Reads a file of the data folder (undefined when it is not there). */
export type ReadFile = (rel: string) => Uint8Array | undefined;

const refuse = (...errors: string[]): Outcome => ({ ok: false, errors });

/** A value checked with a column's cell schema; the schema's message when it is refused. */
function checkCell<T>(
	cell: Cell<T>,
	value: string | undefined,
	label: string,
): { value?: T; error?: string } {
	if (value === undefined || value.trim() === '') return { error: `缺少${label}` };
	const r = cell.schema.safeParse(value.trim());
	if (r.success) return { value: r.data };
	// The cell's message ends "可运行 npm run validate -- --fix 自动修正" for a file; --fix mends no option typed here.
	return {
		error: `${label}：${r.error.issues[0].message.replace(/；?可运行 npm run validate -- --fix 自动修正/, '')}`,
	};
}

/** A UTF-8 CSV file's text, or why the tool will not edit it. */
function editable(read: ReadFile, rel: string, shown: string): { text?: string; error?: string } {
	const bytes = read(rel);
	if (!bytes) return {};
	const d = decodeText(bytes, shown + rel);
	if (d.text === undefined || (d.encoding !== 'utf-8' && d.encoding !== 'utf-8-bom'))
		return { error: `${shown}${rel} 不是 UTF-8 编码，请先运行 npm run validate -- --fix 转换后再发布` };
	return { text: (d.encoding === 'utf-8-bom' ? '\uFEFF' : '') + d.text };
}

/** The results of one quarter, scored by this build. */
const resultOf = (results: readonly QuarterResult[], q: QuarterId) => results.find((r) => r.quarter === q);

/** The snapshot of a quarter's results and its fingerprint. */
function snapshotOf(result: QuarterResult): { text: string; fingerprint: string } {
	const text = canonicalText(canonicalQuarter(result));
	return { text, fingerprint: fingerprintOf(text) };
}

/**
 * Releases a draft quarter.
 * @param shown how the data folder's paths are shown (`data/`)
 */
export function releaseQuarter(
	d: Dataset,
	results: readonly QuarterResult[],
	q: QuarterId,
	opts: { date?: string; doc?: string; note?: string },
	read: ReadFile,
	shown: string,
): Outcome {
	const errors: string[] = [];
	const existing = d.releases.find((r) => r.value.quarter === q);
	if (existing)
		return refuse(
			`${q} 已于 ${existing.value.releasedOn} 发布（${existing.value.docNumber}，${existing.file} 第 ${existing.line} 行）。${existing.value.fingerprint ? '已发布的结果如需更正，请用 --correct' : `补写发布快照请用 npm run release -- ${q} --seal`}`,
		);
	const result = resultOf(results, q);
	if (!result)
		return refuse(
			`${q} 没有评价记录：请先在 ${shown}evidence/${q}.csv 中填写（npm run new:quarter -- ${q} 可生成预填文件）`,
		);
	const date = checkCell(dateCell(), opts.date, '发布日期（--date）');
	const doc = checkCell(textCell({ max: 60 }), opts.doc, '文号（--doc）');
	if (date.error) errors.push(date.error);
	else if (date.value! <= quarterEnd(q))
		errors.push(`发布日期 ${date.value} 不晚于 ${q} 的最后一天 ${quarterEnd(q)}：季度结束后才能发布评价结果`);
	if (doc.error) errors.push(doc.error);
	const note = opts.note?.trim() ? checkCell(textCell({ max: 300 }), opts.note, '备注（--note）') : {};
	if (note.error) errors.push(note.error);
	const rubric = d.rubrics.get(Number(q.slice(0, 4)))!;
	const names = d.unitNames.map((n) => n.value);
	for (const m of missingCells(
		q,
		rubric,
		d.units.map((u) => u.value),
		d.evidence.filter((e) => e.value.quarter === q).map((e) => e.value),
	)) {
		const unit = d.units.find((u) => u.value.id === m.unitId)!.value;
		errors.push(`${q} 还不能发布：${missingCellsText(nameInQuarter(names, unit, q), m)}`);
	}
	const file = editable(read, releaseTable.path, shown);
	if (file.error) errors.push(file.error);
	if (file.text !== undefined) {
		const lacking = missingColumns(releaseTable, file.text).filter(
			(k) => releaseTable.columns.find((c) => c.key === k)!.required || k === 'fingerprint',
		);
		if (lacking.length)
			errors.push(
				`${shown}${releaseTable.path} 的表头缺少 ${lacking.map((k) => releaseTable.columns.find((c) => c.key === k)!.header).join('、')} 列：请按 data/templates/releases.csv 补上`,
			);
	}
	if (errors.length) return { ok: false, errors };
	if (d.sealed.has(q) || read(snapshotPath(q)))
		return refuse(`${shown}${snapshotPath(q)} 已经存在，但 ${q} 没有发布记录：请确认后删去这个文件再发布`);
	// The results the site publishes from the release date on: this quarter public, with what was public by then. The
	// results passed in score it as the draft it still is, and a draft takes carried points from earlier drafts too.
	const published = scoreAsReleased(d, q, date.value!);
	const snap = snapshotOf(published);
	const row = {
		quarter: q,
		releasedOn: date.value!,
		docNumber: doc.value!,
		fingerprint: snap.fingerprint,
		note: (note.value as string | undefined) ?? '',
	};
	const text =
		file.text === undefined ? newTableText(releaseTable, [row]) : appendRows(releaseTable, file.text, [row]);
	// Released before the quarter before it (a draft with rows): said, not refused. Its 较上季度 is 无 until that one is
	// released, and points that one earns and carries on (valid four quarters) count here only from then: this
	// quarter's published results would change, and the build would ask for a correction.
	const before = addQuarters(q, -1);
	const draftBefore =
		resultOf(results, before) !== undefined && !d.releases.some((r) => r.value.quarter === before);
	return {
		ok: true,
		writes: [
			{ rel: snapshotPath(q), text: snap.text },
			{ rel: releaseTable.path, text },
		],
		lines: [
			`${q} 已登记发布：${row.releasedOn}，${row.docNumber}；${result.units.length} 个单位的结果写入 ${shown}${snapshotPath(q)}，结果指纹 ${snap.fingerprint}。`,
			`请提交 ${shown}${snapshotPath(q)} 和 ${shown}${releaseTable.path}。${row.releasedOn} 起（以构建的截至日期为准）网站公开这一季度的结果；此后结果的任何变化都要登记更正。`,
			...(draftBefore
				? [
						`注意：上一季度 ${before} 还是草稿，没有发布。${q} 的“较上季度”在 ${before} 发布前显示为“无”；${before} 以后发布时，它仍在有效期内的得分（如诚信镇创建）会计入 ${q}，${q} 已公布的结果可能随之改变，就要登记更正。如果 ${before} 也要公布，请先发布 ${before}：删去 ${shown}${snapshotPath(q)} 和 ${shown}${releaseTable.path} 新加的一行（或不提交这两个文件），发布 ${before} 后再发布 ${q}。`,
					]
				: []),
		],
	};
}

/** Seals a release row that has no fingerprint yet: writes its snapshot and fills in the fingerprint. */
export function sealQuarter(
	d: Dataset,
	results: readonly QuarterResult[],
	q: QuarterId,
	read: ReadFile,
	shown: string,
	asOf: string,
): Outcome {
	const row = d.releases.find((r) => r.value.quarter === q);
	if (!row)
		return refuse(
			`${q} 没有发布记录：--seal 只为已登记的发布补写快照；发布新季度请用 npm run release -- ${q} --date <发布日期> --doc <文号>`,
		);
	if (row.value.fingerprint)
		return refuse(
			`${q} 已有结果指纹 ${row.value.fingerprint}（${row.file} 第 ${row.line} 行），发布快照不能重写；结果如有变化，请用 --correct 登记更正`,
		);
	// A release dated after the as-of date is not public yet, and the results passed in score it as a draft: the
	// snapshot is what the site publishes from its release date on, as for a new release.
	const result =
		row.value.releasedOn > asOf ? scoreAsReleased(d, q, row.value.releasedOn) : resultOf(results, q)!;
	const file = editable(read, releaseTable.path, shown);
	if (file.error || file.text === undefined)
		return refuse(file.error ?? `找不到 ${shown}${releaseTable.path}`);
	const snap = snapshotOf(result);
	return {
		ok: true,
		writes: [
			{ rel: snapshotPath(q), text: snap.text },
			{
				rel: releaseTable.path,
				text: setCell(releaseTable, file.text, row.line, 'fingerprint', snap.fingerprint),
			},
		],
		lines: [
			`${q}（${row.value.releasedOn} 发布，${row.value.docNumber}）已封存：${result.units.length} 个单位的现有结果写入 ${shown}${snapshotPath(q)}，结果指纹 ${snap.fingerprint} 写入 ${shown}${releaseTable.path} 第 ${row.line} 行。`,
			`请提交这两个文件。此后这一季度结果的任何变化都要登记更正。`,
		],
	};
}

/** The next correction id of a year: `GZ-2022-01`, `GZ-2022-02` … */
export function nextCorrectionId(d: Dataset, date: string): string {
	const prefix = `GZ-${date.slice(0, 4)}-`;
	const used = new Set(d.corrections.map((c) => c.value.id));
	let n = 1;
	while (used.has(`${prefix}${String(n).padStart(2, '0')}`)) n++;
	return `${prefix}${String(n).padStart(2, '0')}`;
}

/** Records the changes of a released quarter's results as one correction. */
export function correctQuarter(
	d: Dataset,
	results: readonly QuarterResult[],
	q: QuarterId,
	opts: { id?: string; date?: string; doc?: string; reason?: string },
	read: ReadFile,
	shown: string,
	asOf: string,
): Outcome {
	const sealed = d.sealed.get(q);
	if (!sealed)
		return refuse(
			d.releases.some((r) => r.value.quarter === q)
				? `${q} 还没有发布快照，无法计算更正前后的值：请先运行 npm run release -- ${q} --seal`
				: `${q} 没有发布记录：只有已发布季度的结果需要更正`,
		);
	const errors: string[] = [];
	const date = checkCell(dateCell(), opts.date, '更正日期（--date）');
	const doc = checkCell(textCell({ max: 60 }), opts.doc, '文号（--doc）');
	const reason = checkCell(textCell({ max: 500 }), opts.reason, '理由（--reason）');
	const id = opts.id ? checkCell(identifier(), opts.id, '更正编号（--id）') : {};
	for (const c of [date, doc, reason, id]) if (c.error) errors.push(c.error);
	if (date.value && date.value < sealed.release.value.releasedOn)
		errors.push(`更正日期 ${date.value} 早于 ${q} 的发布日期 ${sealed.release.value.releasedOn}`);
	// The changed results are in the data now, and the build publishes a correction only from its date on: one dated
	// later would be in force on the site before it was made (ledgerCheck refuses it too).
	if (date.value && date.value > asOf)
		errors.push(`更正日期 ${date.value} 晚于今天（${asOf}）：请写实际作出更正的日期`);
	if (id.value && d.corrections.some((c) => c.value.id === id.value))
		errors.push(`更正编号 ${id.value} 已经用过，请换一个（不写 --id 会自动编号）`);
	const file = editable(read, correctionTable.path, shown);
	if (file.error) errors.push(file.error);
	const lacking = file.text === undefined ? [] : missingColumns(correctionTable, file.text);
	if (lacking.length)
		errors.push(
			`${shown}${correctionTable.path} 的表头缺少 ${lacking.map((k) => correctionTable.columns.find((c) => c.key === k)!.header).join('、')} 列：请按 data/templates/corrections.csv 补上`,
		);
	if (errors.length) return { ok: false, errors };
	const result = resultOf(results, q)!;
	const changes = unexplainedChanges(
		sealed.snapshot,
		d.corrections.map((c) => c.value),
		result,
	);
	if (!changes.length) return refuse(`${q} 的结果与发布时（含已登记的更正）相同，没有需要更正的变化`);
	const entry = {
		id: (id.value as string | undefined) ?? nextCorrectionId(d, date.value!),
		quarter: q,
		date: date.value!,
		docNumber: doc.value!,
		reason: reason.value!,
	};
	const rows = correctionRows(changes, entry);
	const text =
		file.text === undefined
			? newTableText(correctionTable, rows)
			: appendRows(correctionTable, file.text, rows);
	const names = new Map(result.units.map((u) => [u.id, u.name]));
	return {
		ok: true,
		writes: [{ rel: correctionTable.path, text }],
		lines: [
			`更正 ${entry.id}（${q}，${entry.date}，${entry.docNumber}）记入 ${shown}${correctionTable.path}，共 ${rows.length} 行：${describeChanges(changes, (u) => names.get(u) ?? u)}。`,
			`请提交 ${shown}${correctionTable.path}（以及引起更正的数据改动）。网站的“更正台账”页和 ${q} 的结果页、相关单位页会列出这次更正。`,
		],
	};
}
