/**
 * The one definition of a CSV table: its columns, each with the Chinese header the office types, the zod schema
 * of its cell, and the metadata the data dictionary and the Frictionless `datapackage.json` are generated from.
 * Every cell schema is idempotent (a parsed value parses to itself), so the same schema validates a CSV cell in the
 * command-line validator and an already-parsed record in Astro's content layer.
 */
import { z } from 'astro/zod';
import { QUOTE_MAX_CHARS, quoteValue } from '../lib/quote.ts';

/** Frictionless Table Schema field types we use. */
export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'boolean' | 'array';

/** An allowed value of an enumerated column: the code stored in open data and the Chinese label the office may type. */
export interface Choice<V extends string = string> {
	value: V;
	label: string;
	/** Other spellings accepted for this value (e.g. `A类` for `A`). */
	aliases?: readonly string[];
}

/** A cell type: zod schema plus what the dictionary says about it. */
export interface Cell<T = unknown> {
	schema: z.ZodType<T>;
	/**
	 * A quick test for the common case, true only for text the schema accepts and stores unchanged. The schema itself
	 * starts with this test, so the two cannot disagree; the validator calls it first to skip zod's cost per call
	 * (about half a microsecond, over millions of cells of free text and ids that rarely repeat).
	 */
	verbatim?: (text: string) => boolean;
	type: FieldType;
	/** Human-readable format shown in the dictionary (e.g. `YYYY-MM-DD`). */
	format?: string;
	choices?: readonly Choice[];
	/** A regular expression a string must match (Table Schema `constraints.pattern`). */
	pattern?: string;
	minimum?: number;
	maximum?: number;
	/**
	 * The one spelling the cell's message asks for, of a value typed another way, for `npm run validate -- --fix`
	 * (fix.ts); undefined when there is none to be sure of. (Dates have theirs by their type: `suggestIsoDate`.)
	 */
	fix?: (text: string) => string | undefined;
}

/** A column of a table. */
export interface Column<T = unknown, K extends string = string, R extends boolean = boolean> {
	/** Field name in records and open data (ASCII). */
	key: K;
	/** The header the office writes in the first row (Chinese). The key is accepted too. */
	header: string;
	cell: Cell<T>;
	required: R;
	/** One line: what the column holds and which seed it comes from. */
	doc: string;
	/** A value shown in templates and the data dictionary. */
	example: string;
	/**
	 * Free text the site publishes as written (pages, open data, search): checked for personal numbers — a 身份证号 is
	 * an error, a mobile number or e-mail address a warning (`src/lib/validate/personal.ts`).
	 */
	public?: boolean;
	/**
	 * Public text where no contact belongs (a correction's reason, what is said of a candidate): a mobile number, e-mail
	 * address, QQ or WeChat id found there can only be a person's, so it is an error, where elsewhere it is a warning
	 * (a unit may publish its own service line in a commitment or an evidence row).
	 */
	noContacts?: boolean;
	/**
	 * An optional column a file may leave out without a warning: one that most files need on no row (the 失信记录编号
	 * of a deduction), where a warning for every file without it would only teach the office to skip warnings.
	 */
	omittable?: boolean;
}

/** Issue codes a cell can produce, with the zod `params.code` we attach. */
type Ctx = z.core.$RefinementCtx;
/** Reports a cell's problem with its code; `fixable` when `npm run validate -- --fix` rewrites it (fix.ts). */
const fail = (ctx: Ctx, code: string, message: string, input: unknown, fixable = code === 'full-width') =>
	ctx.addIssue({ code: 'custom', message, params: fixable ? { code, fixable } : { code }, input });

/** Full-width ASCII (０-９, Ａ-Ｚ, －, ／ …) as typed with a Chinese IME; reported, and fixed by `validate --fix`. */
export const FULL_WIDTH = /[\uFF01-\uFF5E]/;

/** Converts full-width ASCII to half-width (what `validate --fix` does). */
export function toHalfWidth(s: string): string {
	return s
		.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.replace(/\u3000/g, ' ');
}

export const fullWidthMessage = (v: string) =>
	`${quoteValue(v)} 含全角字符，请改为半角${v.length <= QUOTE_MAX_CHARS ? `：${toHalfWidth(v)}` : ''}（可运行 npm run validate -- --fix 自动修正）`;

/**
 * Characters that show as nothing: zero-width and bidirectional-control characters (U+200B–U+200F, U+202A–U+202E,
 * U+2060–U+2064, U+2066–U+2069, U+FEFF, the Arabic letter mark U+061C), the soft hyphen (U+00AD), the combining
 * grapheme joiner (U+034F), Hangul and Khmer fillers (U+115F, U+1160, U+17B4, U+17B5, U+3164, U+FFA0), Mongolian
 * variation selectors and vowel separator (U+180B–U+180F), variation selectors (U+FE00–U+FE0F), interlinear
 * annotation marks (U+FFF9–U+FFFB) and tag characters (U+E0000–U+E007F). Any of them makes two names that read the
 * same differ, or splits a number.
 */
export const INVISIBLE =
	/[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/;

/** Control characters other than newline and tab, and U+FFFE and U+FFFF, which XML (the RSS feeds) may not hold. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;
/** Any half of a surrogate pair (an emoji is a pair of them): the one test each text gets before `loneSurrogate`. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Where a text has half of a surrogate pair without its other half (JSON can write one as `\ud800`), or undefined. A
 * loop rather than `isWellFormed()` or a look-behind, which the office page's older browsers may not have.
 */
function loneSurrogate(v: string): number | undefined {
	if (!SURROGATE.test(v)) return undefined;
	for (let i = 0; i < v.length; i++) {
		const c = v.charCodeAt(i);
		if (c < 0xd800 || c > 0xdfff) continue;
		if (c > 0xdbff || (v.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) return i;
		i++;
	}
	return undefined;
}

/** A character a text may not hold, found by `hiddenChars`: its code, where it is and what to tell the office. */
export interface HiddenChar {
	code: 'control-char' | 'invisible-char';
	/** Offset of the character in the text (UTF-16 units). */
	index: number;
	message: string;
}

/**
 * The characters no text the site publishes may hold: the first control character other than newline, carriage return
 * and tab, and the first zero-width or bidirectional-control character. Control characters break CSV files and pages.
 * Bidirectional overrides and zero-width characters come from copy-paste; they can reverse how a name reads on the
 * page or hide text from search, so they are refused rather than published. One rule for CSV cells and for the
 * Markdown texts (stories, policy documents).
 */
export function hiddenChars(v: string): HiddenChar[] {
	const out: HiddenChar[] = [];
	// A lone half of a surrogate pair comes only from a JSON escape (`\ud800`): no UTF-8 file, page or feed can hold it.
	const control = CONTROL.exec(v)?.index ?? loneSurrogate(v);
	if (control !== undefined)
		out.push({
			code: 'control-char',
			index: control,
			message: '含有不可见的控制字符，请删除后重新输入',
		});
	const invisible = INVISIBLE.exec(v);
	if (invisible)
		out.push({
			code: 'invisible-char',
			index: invisible.index,
			message: `含有不可见字符 U+${invisible[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}（从网页或文档复制时常会带入），请删除后重新输入`,
		});
	return out;
}

/** Free text. Control characters other than newline and tab are refused (they break CSV and pages). */
export function text(opts: { max?: number } = {}): Cell<string> {
	const max = opts.max ?? 5000;
	const verbatim = (v: string) =>
		v.length <= max && !CONTROL.test(v) && !INVISIBLE.test(v) && loneSurrogate(v) === undefined;
	return {
		type: 'string',
		verbatim,
		schema: z.string().superRefine((v, ctx) => {
			if (verbatim(v)) return;
			for (const h of hiddenChars(v)) fail(ctx, h.code, h.message, v);
			// Code points ≤ UTF-16 units: count them (an array of characters per cell) only when it could matter.
			if (v.length > max && [...v].length > max)
				fail(ctx, 'too-long', `内容过长：${[...v].length} 字，最多 ${max} 字`, v);
		}),
	};
}

/**
 * A code the office types by hand that another table names (an indicator's number `3.6`, a period `2022-Q3`): text,
 * but in half-width characters, so a full-width `３.６` or `2023－Q2` is refused as full-width, which
 * `npm run validate -- --fix` corrects, instead of as an unknown indicator or a period in the wrong form.
 */
export function code(opts: { max: number; format: string }): Cell<string> {
	const plain = text({ max: opts.max });
	const verbatim = (v: string) => plain.verbatim!(v) && !FULL_WIDTH.test(v);
	return {
		type: 'string',
		format: opts.format,
		verbatim,
		schema: z.string().superRefine((v, ctx) => {
			if (verbatim(v)) return;
			if (FULL_WIDTH.test(v)) fail(ctx, 'full-width', fullWidthMessage(v), v);
			for (const i of plain.schema.safeParse(v).error?.issues ?? []) ctx.addIssue(i as never);
		}),
	};
}

/** Identifiers: ASCII letters, digits, `-` and `_`, starting with a letter or digit (stable in URLs). */
/**
 * Names Windows keeps for devices, in any case: a folder so named (an id is a folder of the site's addresses,
 * `units/<编号>/`) cannot be opened, copied or checked out there, where the office works.
 */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

export function identifier(): Cell<string> {
	const pattern = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$';
	const re = new RegExp(pattern);
	const verbatim = (v: string) => re.test(v) && !WINDOWS_RESERVED.test(v);
	return {
		type: 'string',
		pattern,
		format: '字母、数字、- 或 _',
		verbatim,
		schema: z.string().superRefine((v, ctx) => {
			if (verbatim(v)) return;
			if (FULL_WIDTH.test(v)) fail(ctx, 'full-width', fullWidthMessage(v), v);
			else if (WINDOWS_RESERVED.test(v))
				fail(
					ctx,
					'id-format',
					`编号 ${quoteValue(v)} 是 Windows 保留的名称（CON、PRN、AUX、NUL、COM1～COM9、LPT1～LPT9，不分大小写）：编号会成为网址中的文件夹，这样的文件夹在 Windows 上无法打开或检出，请换一个编号`,
					v,
				);
			else
				fail(
					ctx,
					'id-format',
					`编号 ${quoteValue(v)} 不合格式：只能用英文字母、数字、- 和 _，且不超过 64 个字符`,
					v,
				);
		}),
	};
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `y-m-d` is a real calendar date. */
export function isRealDate(y: number, m: number, d: number): boolean {
	const t = new Date(Date.UTC(y, m - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Whether a text is a real date written `YYYY-MM-DD`. */
function isIsoDate(v: string): boolean {
	const m = v.match(ISO_DATE);
	return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * A date typed another way: `2022年11月22日`, `2022/11/22`, `2022.11.22`, `20221122`, full-width digits, and any of
 * them followed by its day of the week (`2022年11月22日星期二`, a long date format's) or by a time of day as Excel and
 * WPS export a date cell formatted with one (`2022/11/22 0:00:00`, `2022-11-22T14:30`). `time` is that time when it
 * is not midnight.
 */
function typedDate(v: string): { iso: string; time?: string } | undefined {
	const text = toHalfWidth(v).trim();
	// No date written any of these ways is longer (２０２２ 年 １１ 月 ２２ 日 （星期二） 23:59:59.999 is 35), and the pattern's
	// runs of optional spaces side by side take time growing with the cube of a long run of spaces: a cell of a date,
	// 8,000 spaces and a letter held the validator for five minutes.
	if (text.length > MAX_TYPED_DATE) return undefined;
	const m = text.match(
		/^(\d{4})(?:\s*(?:年|\/|\.|-)\s*(\d{1,2})\s*(?:月|\/|\.|-)\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))(?:\s*[(（]?\s*(?:星期|周|礼拜)([一二三四五六日天])\s*[)）]?)?(?:(?:\s+|T)(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/,
	);
	if (!m) return undefined;
	const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
	if (!isRealDate(y, mo, d)) return undefined;
	// A day of the week after the date, as a spreadsheet's long date format shows it (2023年12月20日星期三): the date
	// only when it is that day's (a different one leaves the date in doubt).
	if (m[6] !== undefined && WEEKDAYS.indexOf(m[6]) % 7 !== new Date(Date.UTC(y, mo - 1, d)).getUTCDay())
		return undefined;
	const iso = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
	const time = m[7];
	return time && /[1-9]/.test(time) ? { iso, time } : { iso };
}

/** The longest text read as a date typed another way (`typedDate`). */
const MAX_TYPED_DATE = 64;

/** The days of the week as written after 星期 or 周, Sunday first (日 and 天 both Sunday: index 7 is 0 mod 7). */
const WEEKDAYS = '日一二三四五六天';

/**
 * A month and day without a year (`12月20日`, `12/20`): what a spreadsheet exports from a date cell formatted to show
 * only those (Excel's and WPS's `m月d日`), the year lost.
 */
const MONTH_DAY = /^(\d{1,2})\s*(?:月|\/|-)\s*(\d{1,2})\s*日?$/;

/**
 * Suggests the ISO form of a date typed another way (`2022年11月22日`, `2022/11/22`, `2022.11.22`, `20221122`,
 * full-width digits, with a midnight time as a spreadsheet exports a date cell), or undefined when the text is not
 * recognisably a date, or has a time of day that writing the date alone would drop.
 */
export function suggestIsoDate(v: string): string | undefined {
	const t = typedDate(v);
	return t && !t.time ? t.iso : undefined;
}

/** The first and last day of Excel's date serial numbers read as dates here: 2000-01-01 and 2099-12-31. */
const EXCEL_SERIALS = [36526, 73050] as const;

/** The date an Excel date serial number stands for (days since 1899-12-30), when it is one of this century. */
function excelSerialDate(v: string): string | undefined {
	if (!/^\d{5}$/.test(v.trim())) return undefined;
	const n = Number(v);
	if (n < EXCEL_SERIALS[0] || n > EXCEL_SERIALS[1]) return undefined;
	return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Dates are `YYYY-MM-DD` only. Other forms (`2022年11月22日`, `2022/11/22` as WPS writes date cells) are refused with
 * the exact fix named, rather than silently reinterpreted: one spelling in the files means one spelling on the site.
 */
export function date(): Cell<string> {
	return {
		type: 'date',
		format: 'YYYY-MM-DD',
		verbatim: isIsoDate,
		schema: z.string().superRefine((v, ctx) => {
			if (isIsoDate(v)) return;
			const m = v.match(ISO_DATE);
			const suggestion = suggestIsoDate(v);
			if (m) fail(ctx, 'date-invalid', `日期 ${quoteValue(v)} 不存在，请核对年月日`, v);
			else if (suggestion && FULL_WIDTH.test(v)) fail(ctx, 'full-width', fullWidthMessage(v), v);
			else if (suggestion)
				fail(
					ctx,
					'date-format',
					`日期 ${quoteValue(v)} 格式不对，应写作 ${suggestion}（年-月-日；可运行 npm run validate -- --fix 自动修正）`,
					v,
					true,
				);
			else {
				const timed = typedDate(v);
				const serial = excelSerialDate(v);
				// Neither is corrected by --fix: a time of day would be dropped, and a number is a date only by a guess.
				fail(
					ctx,
					'date-format',
					timed
						? `日期 ${quoteValue(v)} 带有时间 ${timed.time}：日期列只写日期，应写作 ${timed.iso}`
						: serial
							? `${quoteValue(v)} 不是日期，看起来是 Excel 的日期序号（对应 ${serial}）：请在 Excel/WPS 中把这一列设为日期格式后重新导出，或直接写 ${serial}`
							: MONTH_DAY.test(toHalfWidth(v).trim())
								? `日期 ${quoteValue(v)} 没有年份：表格中这一列的日期格式只显示月和日（如“m月d日”），另存时年份就丢了。请把这一列的单元格格式设为 yyyy-mm-dd 后重新另存，或直接写作 YYYY-MM-DD`
								: `${quoteValue(v)} 不是日期，日期应写作 YYYY-MM-DD，例如 2022-11-22`,
					v,
				);
			}
		}),
	};
}

/**
 * What to write instead of a cell that is almost a number: one typed with its unit (3 项, 10分), with a minus sign
 * from a word processor (−2, U+2212), or with thousands separators as a spreadsheet shows them (1,000); else nothing.
 */
function numberHint(v: string): string {
	const unit = v.match(/^(-?\d+(?:\.\d+)?)\s*(分|项|个|次|场|人|户|家|条|件|名|期|篇|元|万元)$/);
	if (unit) return `：只写数字 ${unit[1]}，不写单位“${unit[2]}”`;
	if (/^\u2212\d+(\.\d+)?$/.test(v)) return `：负号“−”是排版用的减号，应写作 ${v.replace('\u2212', '-')}`;
	if (/^-?\d+(\.\d+)?\s*[%％]$/.test(v)) return '：不写百分号，按这一列的说明只写数字';
	const formula = v.match(/^="(.*)"$/);
	if (formula) return `：这是 Excel 的公式写法 ="…"，只写引号里的 ${quoteValue(formula[1])}`;
	if (/^-?\d{1,3}([,，]\d{3})+(\.\d+)?$/.test(v))
		return `：不加千位分隔符，应写作 ${v.replace(/[,，]/g, '')}`;
	return '';
}

/** Parses a number typed in a cell; full-width digits and thousands separators are refused with a fix. */
function numberCell(
	kind: 'integer' | 'number',
	opts: { min?: number; max?: number; places?: number },
): Cell<number> {
	const label = kind === 'integer' ? '整数' : '数字';
	return {
		type: kind,
		minimum: opts.min,
		maximum: opts.max,
		schema: z.union([z.number(), z.string()]).transform((v, ctx) => {
			let n: number;
			if (typeof v === 'number') n = v;
			else if (FULL_WIDTH.test(v)) {
				fail(ctx, 'full-width', fullWidthMessage(v), v);
				return z.NEVER;
			} else if (!/^-?\d+(\.\d+)?$/.test(v)) {
				fail(ctx, 'type-error', `${quoteValue(v)} 不是${label}${numberHint(v)}`, v);
				return z.NEVER;
			} else n = Number(v);
			if (kind === 'integer' && !Number.isInteger(n)) {
				fail(ctx, 'type-error', `${quoteValue(String(v))} 不是整数`, v);
				return z.NEVER;
			}
			// More decimals than the rule keeps would be published as typed here and rounded elsewhere (scoring keeps
			// hundredths of a point), so the two would disagree.
			const decimals = /\.(\d+)$/.exec(String(v))?.[1].length ?? 0;
			if (opts.places !== undefined && decimals > opts.places) {
				fail(ctx, 'type-error', `${quoteValue(String(v))} 最多保留 ${opts.places} 位小数`, v);
				return z.NEVER;
			}
			if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
				fail(
					ctx,
					'out-of-range',
					`${quoteValue(String(v))} 超出允许范围 ${opts.min ?? '-∞'}～${opts.max ?? '+∞'}`,
					v,
				);
				return z.NEVER;
			}
			return n;
		}),
	};
}

/** An integer cell. */
export const integer = (opts: { min?: number; max?: number } = {}) => numberCell('integer', opts);
/** A decimal number cell. */
export const decimal = (opts: { min?: number; max?: number; places?: number } = {}) =>
	numberCell('number', opts);

/** Finds the choice a typed value means (its code, its Chinese label, or an alias). */
export function matchChoice<V extends string>(choices: readonly Choice<V>[], v: string): V | undefined {
	const t = toHalfWidth(v).trim();
	return choices.find((c) => c.value === t || c.label === t || c.aliases?.includes(t))?.value;
}

const describeChoices = (choices: readonly Choice[]) =>
	choices.map((c) => (c.label === c.value ? c.value : `${c.label}（${c.value}）`)).join('、');

/** An enumerated cell: accepts the code or the Chinese label, stores the code. */
export function oneOf<V extends string>(choices: readonly Choice<V>[]): Cell<V> {
	return {
		type: 'string',
		choices,
		schema: z.string().transform((v, ctx) => {
			const hit = matchChoice(choices, v);
			if (hit === undefined) {
				fail(ctx, 'enum-error', `${quoteValue(v)} 不是允许的值，应为 ${describeChoices(choices)} 之一`, v);
				return z.NEVER;
			}
			return hit;
		}) as unknown as z.ZodType<V>,
	};
}

/** Separators the office uses between list items in one cell, a line break among them (Alt+Enter in a cell). */
const LIST_SEP = /[、,，;；/|\r\n]/;

/** A list of enumerated values in one cell, separated by 、 or ; (e.g. `安全、环保`). Stored as an array of codes. */
export function listOf<V extends string>(choices: readonly Choice<V>[]): Cell<V[]> {
	return {
		type: 'array',
		choices,
		format: '用"、"分隔',
		schema: z.union([z.array(z.string()), z.string()]).transform((v, ctx) => {
			const parts = (Array.isArray(v) ? v : v.split(LIST_SEP)).map((s) => s.trim()).filter(Boolean);
			const out: V[] = [];
			for (const p of parts) {
				const hit = matchChoice(choices, p);
				if (hit === undefined) {
					fail(
						ctx,
						'enum-error',
						`${quoteValue(p)} 不是允许的值，应为 ${describeChoices(choices)} 之一（多项用"、"分隔）`,
						v,
					);
					return z.NEVER;
				}
				if (out.includes(hit)) {
					fail(ctx, 'duplicate-value', `${quoteValue(p)} 重复填写`, v);
					return z.NEVER;
				}
				out.push(hit);
			}
			if (out.length === 0) {
				fail(ctx, 'required', '至少填写一项', v);
				return z.NEVER;
			}
			return out;
		}) as unknown as z.ZodType<V[]>,
	};
}

/** Declares a column. */
export function col<K extends string, T, R extends boolean = true>(
	key: K,
	header: string,
	cell: Cell<T>,
	opts: {
		required?: R;
		doc: string;
		example: string;
		public?: boolean;
		noContacts?: boolean;
		omittable?: boolean;
	},
): Column<T, K, R> {
	return {
		key,
		header,
		cell,
		required: (opts.required ?? true) as R,
		doc: opts.doc,
		example: opts.example,
		...(opts.public ? { public: true } : {}),
		...(opts.public && opts.noContacts ? { noContacts: true } : {}),
		...(opts.omittable ? { omittable: true } : {}),
	};
}

/**
 * The optional 备注 column some tables end with: free text, shown as typed where the table's pages show it. Scanned for
 * personal numbers like public text wherever it goes: the data files themselves are committed.
 * @param doc what the data dictionary says of it: whether the site shows it
 */
export function noteColumn(max: number, doc = '说明（公开）') {
	return col('note', '备注', text({ max }), {
		public: true,
		required: false,
		doc,
		example: '',
	});
}

/** A table (one CSV file, or a family of them such as one evidence file per quarter). */
export interface TableDef {
	/** Stable name (`units`, `evidence` …), used in the data dictionary and datapackage. */
	name: string;
	/** Chinese title. */
	title: string;
	/** Path under DATA_DIR; `*` stands for the part that varies (e.g. `evidence/*.csv`). */
	path: string;
	/** What one row is. */
	doc: string;
	columns: readonly AnyColumn[];
	/** Column keys whose combined value must be unique. */
	primaryKey?: readonly string[];
}

/** Builds the zod object schema of a table's records from its columns: the record type pages and scripts use. */
export function recordSchema<const C extends readonly AnyColumn[]>(columns: C): z.ZodObject<ShapeOf<C>> {
	const shape: Record<string, z.ZodType> = {};
	for (const c of columns) shape[c.key] = c.required ? c.cell.schema : c.cell.schema.optional();
	return z.object(shape) as unknown as z.ZodObject<ShapeOf<C>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyColumn = Column<any, string, boolean>;
type CellType<E> = E extends Column<infer T, string, boolean> ? T : never;
/** The zod shape a list of columns makes: required columns typed `T`, optional ones `T | undefined`. */
export type ShapeOf<C extends readonly AnyColumn[]> = {
	[E in C[number] as E['key']]: E['required'] extends true
		? z.ZodType<CellType<E>, unknown>
		: z.ZodOptional<z.ZodType<CellType<E>, unknown>>;
};
