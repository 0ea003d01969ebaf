/**
 * The data dictionary of the office's input files, generated from the table definitions (`src/schemas/`) and the
 * validator's issue codes (`src/lib/validate/codes.ts`): every file, every column with its header and key, type and
 * format, allowed values, whether it is required, its meaning and an example, an example row, and the error codes
 * the validator can give for the file, and how the published CSV files treat text that looks like a formula. The
 * `/data/dictionary/` page renders it as HTML; `npm run docs` writes the same
 * content as Markdown into src/docs/data-dictionary.md. Nothing here is typed a second time: change a schema, and both follow.
 */
import Papa from 'papaparse';
import { z } from 'astro/zod';
import type { Column, TableDef } from '../../schemas/table.ts';
import { siteSchema } from '../../schemas/site.ts';
import { rubricSchema } from '../../schemas/rubric.ts';
import { INPUT_TABLES } from '../validate/tables.ts';
import { ISSUE_CODES, inputCodes, tableCodes, type IssueCode } from '../validate/codes.ts';
import { CSV_FORMULA_NOTE } from './csv.ts';

/** One column of an input table, as the dictionary shows it. */
export interface DictColumn {
	header: string;
	key: string;
	/** Type and format in Chinese, e.g. `日期（YYYY-MM-DD）`. */
	type: string;
	/** Allowed values (the Chinese label, its code, other accepted spellings), or ''. */
	values: string;
	required: boolean;
	doc: string;
	example: string;
}

/** A field of a JSON input file. */
export interface DictField {
	key: string;
	type: string;
	required: boolean;
}

/** One input file (or family of files, such as one evidence file per quarter). */
export interface DictEntry {
	/** Stable name, used as the page anchor (`units`, `evidence`, `site` …). */
	name: string;
	title: string;
	/** Where it lives under `data/` (`<年>` for the varying part). */
	path: string;
	doc: string;
	/** CSV tables: the headers of the primary key, the columns and an example (header and one row). */
	primaryKey?: string[];
	columns?: DictColumn[];
	exampleCsv?: string;
	/** JSON files: the top-level fields. */
	fields?: DictField[];
	codes: IssueCode[];
}

const TYPE_LABEL: Record<string, string> = {
	string: '文本',
	integer: '整数',
	number: '数字',
	date: '日期',
	boolean: '是/否',
	array: '多项',
};

/** A column's type and format in Chinese. */
function typeOf(c: Column): string {
	const cell = c.cell;
	const base = cell.choices && cell.type === 'string' ? '选项' : (TYPE_LABEL[cell.type] ?? cell.type);
	const details = [
		cell.format,
		cell.minimum !== undefined || cell.maximum !== undefined
			? `${cell.minimum ?? '−∞'}～${cell.maximum ?? '+∞'}`
			: undefined,
	].filter(Boolean);
	return details.length ? `${base}（${details.join('，')}）` : base;
}

/** Allowed values: `镇街（town；也可写 镇、街道）`. */
function valuesOf(c: Column): string {
	return (c.cell.choices ?? [])
		.map((ch) => {
			const notes = [
				ch.value !== ch.label ? ch.value : '',
				ch.aliases?.length ? `也可写 ${ch.aliases.join('、')}` : '',
			]
				.filter(Boolean)
				.join('；');
			return notes ? `${ch.label}（${notes}）` : ch.label;
		})
		.join('、');
}

/** `path` with `*` written the way the office reads it. */
function displayPath(def: TableDef): string {
	if (!def.path.includes('*')) return def.path;
	return def.path.replace('*', def.name === 'evidence' ? '<年>-Q<季>' : '<年>');
}

function tableEntry(def: TableDef): DictEntry {
	const header = def.columns.map((c) => c.header);
	const example = def.columns.map((c) => c.example);
	return {
		name: def.name,
		title: def.title,
		path: displayPath(def),
		doc: def.doc,
		primaryKey: def.primaryKey?.map((k) => def.columns.find((c) => c.key === k)!.header),
		columns: def.columns.map((c) => ({
			header: c.header,
			key: c.key,
			type: typeOf(c),
			values: valuesOf(c),
			required: c.required,
			doc: c.doc,
			example: c.example,
		})),
		exampleCsv: Papa.unparse([header, example], { newline: '\n' }),
		codes: tableCodes(def),
	};
}

/** Top-level fields of a JSON input, from its zod schema. */
function jsonFields(schema: z.ZodType): DictField[] {
	const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
		properties: Record<string, { type?: string; anyOf?: { type?: string }[] }>;
		required?: string[];
	};
	const label: Record<string, string> = {
		string: '文本',
		number: '数字',
		integer: '整数',
		boolean: 'true/false',
		array: '数组',
		object: '对象',
	};
	return Object.entries(js.properties).map(([key, p]) => ({
		key,
		type: label[p.type ?? p.anyOf?.[0]?.type ?? ''] ?? '—',
		required: !!js.required?.includes(key),
	}));
}

/** The dictionary: every CSV table, then the other input files. */
export function dataDictionary(): DictEntry[] {
	return [
		...INPUT_TABLES.map(tableEntry),
		{
			name: 'site',
			title: '网站标识',
			path: 'site.json',
			doc: '网站名称、主办单位、公开的邮箱和电话、网站标识码、备案号；demo 为 true 时每页显示“演示数据”提示',
			fields: jsonFields(siteSchema),
			codes: inputCodes('site'),
		},
		{
			name: 'rubrics',
			title: '评价指标',
			path: 'rubrics/<年>.json',
			doc: '每年一个文件：当年的评价指标（淮信用办〔2022〕6号 附件1），含分组、分值、适用类别、计分规则、考核主体，由开发人员与区信用办共同维护；各项指标见“评价方法”页，从原文件整理指标时的理解说明（notes、interpretation）见数据字典页',
			fields: jsonFields(rubricSchema),
			codes: inputCodes('rubrics'),
		},
		{
			name: 'snapshots',
			title: '发布快照',
			path: 'releases/<年>-Q<季>.json',
			doc: '每个已发布季度一个文件，由 npm run release 在发布（或 --seal 封存）时写出：该季度公布的各单位得分、等次、排名和各项指标得分；它的 SHA-256 就是 releases.csv 中的结果指纹。请勿修改，已发布结果的变化记入 releases/corrections.csv',
			codes: inputCodes('snapshots'),
		},
		{
			name: 'stories',
			title: '详细事迹',
			path: 'exemplars/stories/<编号>.mdx',
			doc: '每名候选人一个文件，文件名为候选人编号；纯文字（可用 Markdown 标题、段落、列表和链接），不少于 1500 字（按 WPS、Word 的字数计，不计 Markdown 标记）',
			codes: inputCodes('stories'),
		},
		{
			name: 'photos',
			title: '候选人照片',
			path: 'exemplars/photos/',
			doc: 'JPEG 或 PNG，120×160 像素（宽×高），小于 30KB；在 candidates.csv 的“照片”列填写文件名',
			codes: inputCodes('photos'),
		},
		{
			name: 'policy-texts',
			title: '政策文件正文',
			path: 'policies/<编号>.mdx',
			doc: '每份政策文件的正文，文件名为 policies.csv 中的编号；纯文字（Markdown）',
			codes: inputCodes('policy-texts'),
		},
	];
}

/** Every code with its meaning, in the registry's order. */
export function codeLegend(): { code: IssueCode; text: string }[] {
	return (Object.keys(ISSUE_CODES) as IssueCode[]).map((code) => ({ code, text: ISSUE_CODES[code] }));
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ') || ' ';

/** The dictionary as Markdown (between the dictionary markers of src/docs/data-dictionary.md). */
export function dictionaryMarkdown(): string {
	const out: string[] = [
		'本节由 `npm run docs` 根据 `src/schemas/` 中的定义生成（与网站的 /data/dictionary/ 页相同），请勿手工修改。',
		'“必填”为“否”的列可以留空；选项列可以填中文或括号中的代码。每个文件可能出现的错误代码见各节末尾，含义见本节最后的“错误代码”表。',
		'',
	];
	for (const e of dataDictionary()) {
		out.push(
			`### ${e.title} · \`${e.path}\``,
			'',
			e.doc + (e.primaryKey ? `。编号（不可重复）：${e.primaryKey.join(' + ')}` : ''),
			'',
		);
		if (e.columns) {
			out.push(
				'| 列名 | 字段名 | 类型与格式 | 允许的值 | 必填 | 说明 | 示例 |',
				'| --- | --- | --- | --- | --- | --- | --- |',
			);
			for (const c of e.columns)
				out.push(
					`| ${cell(c.header)} | \`${c.key}\` | ${cell(c.type)} | ${cell(c.values)} | ${c.required ? '是' : '否'} | ${cell(c.doc)} | ${cell(c.example)} |`,
				);
			out.push('', '示例：', '', '```csv', e.exampleCsv!, '```', '');
		}
		if (e.fields) {
			out.push('| 字段名 | 类型 | 必填 |', '| --- | --- | --- |');
			for (const f of e.fields) out.push(`| \`${f.key}\` | ${f.type} | ${f.required ? '是' : '否'} |`);
			out.push('');
		}
		out.push(`可能的错误代码：${e.codes.map((c) => `\`${c}\``).join('、')}`, '');
	}
	out.push('### 开放数据的 CSV 文件', '', CSV_FORMULA_NOTE, '');
	out.push('### 错误代码', '', '| 代码 | 含义 |', '| --- | --- |');
	for (const { code, text } of codeLegend()) out.push(`| \`${code}\` | ${cell(text)} |`);
	return out.join('\n');
}

/** The markers between which `npm run docs` writes the dictionary. */
export const DICTIONARY_MARKERS = ['<!-- dictionary:start -->', '<!-- dictionary:end -->'] as const;

/** A document's text with the dictionary section replaced by the current one; throws when the markers are missing. */
export function withDictionary(readme: string): string {
	const [start, end] = DICTIONARY_MARKERS;
	const i = readme.indexOf(start);
	const j = readme.indexOf(end);
	if (i < 0 || j < i) throw new Error(`src/docs/data-dictionary.md 中没有 ${start} … ${end} 标记`);
	return `${readme.slice(0, i + start.length)}\n\n${dictionaryMarkdown()}\n\n${readme.slice(j)}`;
}
