/**
 * The facts behind the scores on the pages: the evidence rows behind a unit's indicator points, and the units' 失信
 * records (also as open data; each quarter's evidence file is made in `src/lib/opendata/bulk.ts`). Every field of
 * these records is public by design (the office writes them for publication), so the rows go out as validated.
 */
import { getCollection } from 'astro:content';
import { loadDataset } from '../../loaders/pipeline.ts';
import type { Evidence } from '../validate/dataset.ts';

/** 失信 record field order in open data. */
export const DISHONESTY_FIELDS = [
	'id',
	'unitId',
	'date',
	'severity',
	'kind',
	'what',
	'source',
	'repairedOn',
	'repairHow',
] as const;

let byId: { evidence: unknown; map: Map<string, Evidence> } | undefined;

/**
 * The published evidence rows by id (for the unit pages' breakdowns), from the validated dataset the pipeline holds
 * (evidence is not a content collection: see `src/content.config.ts`), indexed once per build.
 */
export function evidenceById(): ReadonlyMap<string, Evidence> {
	const evidence = loadDataset().evidence;
	if (byId?.evidence !== evidence)
		byId = { evidence, map: new Map(evidence.map((e) => [e.value.id, e.value])) };
	return byId.map;
}

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};
/** Text as HTML: every character that could start markup or end an attribute is escaped. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]);

const KIND_LABEL = { done: '完成', item: '事项', incident: '扣分', judged: '评分' } as const;

/**
 * The `<li>` items of the evidence rows behind an indicator's points (date · kind · what · source · reason, and the
 * row's 记录编号 in small print, which objections and citations quote), as HTML text. Built as a string rather than as Astro elements: a unit's year page lists four quarters of them (about
 * 400 rows at city scale), 2,500 such pages per build, and Astro renders each expression of each row separately.
 * Every value from the data goes through `escapeHtml`.
 */
export function evidenceItemsHtml(ids: readonly string[], evidence: ReadonlyMap<string, Evidence>): string {
	let html = '';
	for (const id of ids) {
		const e = evidence.get(id);
		if (!e) continue;
		const count = e.count && e.count > 1 ? ` ${e.count} 项` : '';
		const reason = e.reason ? `（理由：${escapeHtml(e.reason)}）` : '';
		html += `<li><span class="date">${escapeHtml(e.date ?? '')}</span> · ${KIND_LABEL[e.kind ?? 'item']}${count} · ${escapeHtml(e.what ?? '')} · ${escapeHtml(e.source ?? '')}${reason} <small class="record-id">${escapeHtml(id)}</small></li>`;
	}
	return html;
}

/** All 失信 records, sorted by date then id. */
export async function dishonestyRecords(): Promise<Record<string, unknown>[]> {
	return (await getCollection('dishonesty'))
		.map(({ data }) => Object.fromEntries(DISHONESTY_FIELDS.map((k) => [k, data[k] ?? null])))
		.sort((a, b) => (`${a.date}${a.id}` < `${b.date}${b.id}` ? -1 : 1));
}
