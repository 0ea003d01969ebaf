/**
 * The validator's issue codes: what each means, and which input file can produce which. The data dictionary
 * (`/data/dictionary/` and src/docs/data-dictionary.md) is generated from this and from the table definitions.
 *
 * What is derived and what is listed: the codes a *cell* can produce are found by asking each column's zod schema
 * (`cellCodes`), so a new rule in `src/schemas/table.ts` shows up by itself. The codes of reading a CSV file and of
 * the checks across rows and files (`src/lib/validate/checks/`) are listed here, next to their meaning; the unit
 * test `test/unit/codes.test.ts` reads the validator's source and fails when a code it emits is missing here, or when
 * a code listed here is emitted nowhere.
 */
import type { Cell, Column, TableDef } from '../../schemas/table.ts';

/** Every issue code, with a one-line Chinese description for the office. */
export const ISSUE_CODES = {
	// Reading a file.
	'bad-encoding':
		'文件编码无法确定（二进制文件，既不是 UTF-8 也不是 GBK，或 JSON、正文文件不是 UTF-8），须另存为 UTF-8（表格选"CSV UTF-8"）',
	'mixed-encoding':
		'文件混用了 UTF-8 和 GBK 两种编码（如从不同文件复制粘贴），无法可靠读取；须整个另存为"CSV UTF-8"',
	'encoding-utf16':
		'（警告）文件是 UTF-16 编码，已正确读取；建议另存为 UTF-8，可用 npm run validate -- --fix 转换',
	'encoding-gbk':
		'（警告）文件是 GBK 编码，已正确读取；建议另存为 UTF-8，可用 npm run validate -- --fix 转换',
	'gbk-lost-char':
		'（警告）GBK 编码的文件中有紧挨着汉字的英文问号 ?：可能是另存为“CSV”时 GBK 存不下、被换成 ? 的字（生僻字等），原字已丢失',
	'empty-file': '文件是空的，至少要有一行表头',
	symlink: '数据目录中有符号链接（不允许：请把文件本身复制到数据目录中）',
	'outside-data': '路径指向数据目录之外（含 .. 或绝对路径），不会读取',
	'unreadable-file': '文件无法读取（没有权限、磁盘错误，或不是普通文件）',
	'csv-quote': '引号没有闭合或使用不正确',
	'json-syntax': 'JSON 语法错误',
	'json-duplicate-key': 'JSON 对象中同一个属性名出现了两次（只有后一个生效）',
	'mdx-syntax': '正文（MDX）语法错误',
	'mdx-forbidden': '正文中不能有 import/export、组件、HTML 标签、{ } 表达式或图片',
	'unsafe-link': '正文中的链接只能指向 http(s)://、mailto: 或本站的相对地址',
	'broken-link':
		'正文中的本站链接指向网站上没有的页面或位置（网站建好后核对；读者点开会找不到）：改正地址或删去链接',
	'mdx-too-long': '正文超过 50000 字符',
	'mdx-too-complex':
		'正文无法可靠排版：一段中 * _ [ ] 等格式符号超过 200 个，或用 = 、- 画线的标题超过 100 个，或引用中没有 > 的续行超过 100 行',
	'too-deep': '嵌套层数过多（列表、引用、格式标记或 JSON 的对象、数组）',
	// Header and row shape.
	'wrong-delimiter': '各列不是用英文逗号分开的（制表符、分号等）',
	'blank-header': '表头中有空白的列名',
	'unknown-column': '表头中有模板里没有的列',
	'duplicate-column': '同一列在表头中出现了两次',
	'missing-column': '表头缺少必填的列',
	'rows-unchecked': '表头有误，数据行均未检查',
	'header-not-first': '表头不在第一行：上面还有标题或说明行（如“××汇总表”）',
	'repeated-header': '数据中有一行重复了表头（两份表格拼在了一起）',
	'extra-cell': '本行的列数多于表头（常见原因：内容含英文逗号却没加引号）',
	'missing-cell': '本行的列数少于表头',
	'totals-row': '这一行是表格的合计行（合计、总计、小计 …），不是一条记录',
	// Cells.
	required: '必填内容为空',
	'formula-error': '单元格是表格中公式出错时显示的值（如 #REF!、#N/A、#VALUE!），不是内容',
	'type-error': '类型不对，例如数字列填了文字',
	'enum-error': '不是允许的值之一',
	'full-width': '含全角字符（如 ３、Ａ），应改为半角；可用 npm run validate -- --fix 自动修正',
	'id-format': '编号只能用英文字母、数字、- 和 _，不超过 64 个字符',
	'date-format': '日期格式不对，应写作 YYYY-MM-DD（出生年月写作 YYYY-MM）',
	'date-invalid': '日期不存在（如 2月30日）',
	'quarter-format': '季度应写作 <年>-Q<季度>，如 2024-Q1',
	'out-of-range': '数值超出允许范围',
	'duplicate-value': '同一格中重复填写了同一项',
	'too-long': '内容超过字数上限',
	'control-char': '含有不可见的控制字符',
	'invisible-char': '含有零宽字符或文字方向控制字符（多从网页复制带入）',
	'uscc-invalid': '统一社会信用代码不合 GB 32100-2015（长度、字符、第 3～8 位的行政区划码或校验位不对）',
	'personal-id':
		'公开的文字中有身份证号（校验位正确的 18 位号码，连写或用空格、短横、点分段）：身份证号不得公开，须删除；形如身份证号而校验位不对的 18 位号码和形如旧式 15 位身份证号的号码是警告（可能是抄错了一位的或旧的身份证号）',
	'personal-contact':
		'公开的文字中有手机号码、电子邮箱、QQ 号或微信号：个人联系方式应删除。在写人和事的文字中（更正理由、候选人的事迹名称、主要事迹、奖励、报道、照片说明、撤销的公开说明和详细事迹）是错误，该行不发布；其他文字中是警告（单位可能公开自己的服务电话）；site.json 中本办公开的邮箱和电话不在此列',
	'unknown-field': 'JSON 中有不认识的字段',
	// Across rows and files.
	'missing-file': '缺少必需的文件',
	'file-name': '文件名不合要求（如季度文件应为 2024-Q1.csv）',
	'unique-error': '编号重复',
	'foreign-key': '引用的单位、指标、候选人、承诺或公示不存在',
	'date-order': '日期先后顺序不对（如结束早于开始）',
	'same-day-status':
		'（警告）同一承诺同一天有两条状态不同的进展：按表中靠后的一行计，表格排序会改变公布的状态',
	'out-of-period': '日期不在文件或年度所示的期间内',
	overlap: '同一单位的名称使用时段重叠',
	'duplicate-name': '两个单位同时使用相同（或看起来相同）的名称，读者无法区分',
	'missing-name': '单位在 unit-names.csv 中没有名称',
	'missing-rubric': '该年度的评价指标文件缺少或有错误，季度无法计分',
	'not-applicable': '指标或承诺不适用于该类别的单位',
	'unit-inactive': '单位在该日期或季度不存在（尚未设立或已撤销）',
	'unit-inactive-day':
		'（警告）评价记录的日期在单位设立之前或撤销（并入）之后：单位本季度仍参加评价，这一行照样计入它的得分',
	'missing-standard': '（警告）公开承诺的服务内容、服务质量、服务期限都没有填写',
	'objection-unregistered': 'events.csv 中对人选的异议没有登记在 objections.csv（异议处理情况）',
	'objection-conclusion':
		'对人选的异议在异议处理情况中已办结，但 exemplars/events.csv 没有同一天、同一结论的核实记录',
	'objection-unrecorded':
		'公示期内收到的对人选的异议没有记入 exemplars/events.csv：人选会在公示期满后照常认定',
	'notice-empty': '公示批次没有候选人（candidates.csv 中没有哪一行的“公示编号”是它），不在网站上发布',
	'dishonesty-unlinked':
		'扣分记录与同一单位前后一个月（31 天）内的失信记录没有关联（“失信记录编号”列为空）：该记录信用修复后，这一行的详情会继续公示',
	'computed-indicator': '该指标由其他数据自动计算，不要在评价记录中填写',
	'kind-mismatch': '记录类型与指标的计分方式不符',
	'kind-conflict': '同一单位同一指标在同一季度既有类型为“无”的记录，又有事实记录',
	'judged-twice': '（警告）同一单位同一指标在同一季度有不止一行评分，只计最后一行',
	'release-incomplete':
		'已登记发布的季度还缺少某些单位某些指标的评价记录（每个单位×适用指标至少一行，或一行类型为“无”）',
	'release-unsealed':
		'已发布的季度没有发布快照和结果指纹，以后的改动无法核对；运行 npm run release -- <季度> --seal 补上。此后的季度已封存时是错误（快照和指纹被删去），否则是警告',
	'fingerprint-mismatch':
		'发布快照（releases/<季度>.json）与发布记录中的结果指纹不符：快照被改动，或指纹被改写',
	'correction-conflict': '同一更正编号的各行，季度、更正日期、文号或理由不一致',
	'correction-chain': '更正的原值与发布时（或此前更正后）公布的值不符',
	'correction-future': '已发布季度的更正日期晚于截至日期（构建所按的日期）：更正要到那一天才能公开',
	'unexplained-change': '已发布季度的评价结果有变化，但 releases/corrections.csv 中没有相应的更正记录',
	'personal-number': '公开发布的内容中有手机号、身份证号或电子邮箱等个人信息',
	'objection-outcome': '异议的期别、结果或更正编号与异议对象、是否办结不相符',
	'site-identity': '（警告）site.json 缺少网站标识码、ICP 备案号、公安备案号或地址，页脚不显示该项',
	'reason-required': '评分类指标必须写明评分理由',
	'points-not-allowed': '只有评分类指标才能填写"得分"',
	'calendar-unknown': '公示期涉及的年份没有节假日安排，无法计算工作日',
	'reserved-id': '单位编号与网站自己的页面地址相同（如 pledges）',
	'calendar-no-holidays': '节假日补充文件没有列出任何休息日（如只有表头的模板），不能用来计算工作日',
	'calendar-incomplete':
		'（警告）节假日补充文件可能缺少法定节假日（元旦、春节、劳动节、国庆节的日期，或休息日总数不足），没有列出的日子按工作日计算',
	'calendar-weekday-workday':
		'节假日补充文件把星期一至星期五的日子填为调休上班（调休上班的只会是周末），可能是日期填错了',
	'calendar-replaces': '（警告）节假日补充文件整年替换了 chinese-days 已有的当年安排',
	'over-quota': '超过每单位每年推荐 2 人的限额',
	deadline: '推荐日期晚于 12 月 10 日的截止日',
	'duplicate-candidate':
		'（警告）同一年度有两行候选人的姓名、性别和出生年月都相同，可能是同一人被推荐了两次（会在公示、认定和激励名单中出现两次）',
	'lifecycle-order': '评选流程的先后顺序不对（如未通过审查即评审、未公示即有异议）',
	'missing-story': '缺少候选人的详细事迹文件',
	'missing-photo': '（警告）候选人没有照片（推荐材料应附 1—2 张）',
	'story-too-short': '详细事迹不足 1500 字',
	'too-many': '照片超过 2 张',
	'photo-name': '照片文件名不允许（含 /、\\ 或 ..，或以 . 开头）：只能填写 exemplars/photos/ 中的文件名',
	'photo-format': '照片不是 JPEG 或 PNG',
	'photo-size': '照片不是 120×160 像素',
	'photo-bytes': '照片不小于 30KB',
	'photo-orientation': '照片带有相机的旋转标记（EXIF 方向），发布时去掉后会横躺或倒置',
	'photo-corrupt': '照片无法读取：文件不完整或图像数据已损坏（如传输中断、只复制了一部分）',
	'unused-file': '（警告）没有被引用的文件，或只有一行有错误的数据引用它：不会发布',
	'unknown-file':
		'网站不读取的文件（如 Excel 另存的副本“pledges (1).csv”、放错文件夹的 CSV、xlsx 工作簿）：其中的内容不会发布；说明文件（README、.md、.txt）只是警告',
	'missing-optional-column': '（警告）表头缺少可选的列：各行的这一列按空值处理，公开的数据中为空',
	'rubric-year': '评价指标文件名的年份与其中的 year 不一致',
	'rubric-rule': '评价指标的计分规则自相矛盾（如封顶分大于满分）',
	'rubric-park': '（警告）评价指标只适用于镇街或只适用于园区：园区按镇街计分，两者通常同时适用',
	'rubric-id-number': '（警告）两个指标编号在 Excel、WPS 中会被读成同一个数（如 1.1 和 1.10）',
} as const satisfies Record<string, string>;

export type IssueCode = keyof typeof ISSUE_CODES;

/**
 * Codes that compare a file with another one (a reference, a file that must exist, a count across tables): the
 * office page's file mode, which checks dropped files without their folder (src/lib/office/files-alone.ts), leaves
 * them out, since there they would only say that the other file is absent. Every other code is about the file
 * itself and is reported there as in the build. A reference wrong within one file (a unit's successor) is a
 * `foreign-key` too and so waits for the folder's check as well: the page says that references need the folder.
 */
export const CROSS_FILE_CODES: readonly IssueCode[] = [
	'missing-file',
	'foreign-key',
	'missing-rubric',
	'missing-story',
	// A 公示 or an objection clock in a year chinese-days does not know is checked against calendar/<年>.csv, a file
	// of the folder: dropped alone, notices.csv or objections.csv would be told to fill in a calendar file the folder
	// may already have.
	'calendar-unknown',
	// An objection to a candidate within the 公示 is read against exemplars/events.csv, which may not be among them.
	'objection-unrecorded',
	'objection-conclusion',
];

/** Codes any CSV table can give while it is decoded and parsed (`csv.ts`) and matched to its header (`read-table.ts`). */
export const READ_CODES: readonly IssueCode[] = [
	'symlink',
	'outside-data',
	'unreadable-file',
	'bad-encoding',
	'mixed-encoding',
	'encoding-gbk',
	'encoding-utf16',
	'gbk-lost-char',
	'empty-file',
	'csv-quote',
	'wrong-delimiter',
	'blank-header',
	'unknown-column',
	'duplicate-column',
	'missing-column',
	'missing-optional-column',
	'rows-unchecked',
	'header-not-first',
	'repeated-header',
	'extra-cell',
	'missing-cell',
	'totals-row',
	'formula-error',
];

/** Codes of reading any file from the disk (`src/loaders/data-dir.ts`, `containment.ts`). */
const DISK_CODES: readonly IssueCode[] = ['symlink', 'outside-data', 'unreadable-file'];

/** Codes of reading a JSON file (`json.ts`). */
const JSON_CODES: readonly IssueCode[] = [
	...DISK_CODES,
	'bad-encoding',
	'too-deep',
	'json-syntax',
	'json-duplicate-key',
	'type-error',
	'enum-error',
	'unknown-field',
];
/** Codes of reading an MDX text (`story.ts`). */
const MDX_CODES: readonly IssueCode[] = [
	...DISK_CODES,
	'bad-encoding',
	'mdx-too-long',
	'control-char',
	'invisible-char',
	'too-deep',
	'mdx-too-complex',
	'mdx-syntax',
	'mdx-forbidden',
	'unsafe-link',
	'personal-id',
	'personal-contact',
];

/**
 * Codes of the checks across rows and files (`checks/`), by the input they are reported on: a CSV table's `name`,
 * or one of the other inputs (`site`, `rubrics`, `stories`, `photos`, `policy-texts`), or `data-folder` for what is
 * about the folder as a whole.
 */
export const CHECK_CODES: Readonly<Record<string, readonly IssueCode[]>> = {
	'data-folder': ['unknown-file'],
	units: [
		'missing-file',
		'unique-error',
		'foreign-key',
		'date-order',
		'required',
		'missing-name',
		'reserved-id',
	],
	'unit-names': ['missing-file', 'foreign-key', 'date-order', 'overlap', 'duplicate-name'],
	evidence: [
		'file-name',
		'unique-error',
		'missing-rubric',
		'foreign-key',
		'not-applicable',
		'unit-inactive',
		'unit-inactive-day',
		'required',
		'out-of-period',
		'computed-indicator',
		'kind-mismatch',
		'kind-conflict',
		'judged-twice',
		'out-of-range',
		'reason-required',
		'points-not-allowed',
		'dishonesty-unlinked',
	],
	releases: [
		'missing-file',
		'unique-error',
		'foreign-key',
		'date-order',
		'release-incomplete',
		'release-unsealed',
		'fingerprint-mismatch',
		'unexplained-change',
	],
	corrections: [
		'unique-error',
		'foreign-key',
		'date-order',
		'type-error',
		'correction-conflict',
		'correction-chain',
		'correction-future',
	],
	objections: [
		'unique-error',
		'foreign-key',
		'required',
		'quarter-format',
		'unit-inactive',
		'lifecycle-order',
		'date-order',
		'objection-outcome',
		'calendar-unknown',
		'personal-number',
		'objection-unrecorded',
		'objection-conclusion',
	],
	dishonesty: ['missing-file', 'unique-error', 'foreign-key', 'date-order', 'required', 'unit-inactive'],
	candidates: [
		'missing-file',
		'unique-error',
		'foreign-key',
		'unit-inactive',
		'over-quota',
		'deadline',
		'duplicate-candidate',
		'out-of-period',
		'lifecycle-order',
		'date-order',
		'missing-story',
		'missing-photo',
		'too-many',
		'photo-name',
		'required',
	],
	reviews: ['missing-file', 'unique-error', 'foreign-key', 'date-order'],
	notices: ['missing-file', 'unique-error', 'calendar-unknown', 'notice-empty'],
	events: [
		'missing-file',
		'foreign-key',
		'lifecycle-order',
		'date-order',
		'required',
		'objection-unregistered',
	],
	commitments: [
		'missing-file',
		'unique-error',
		'foreign-key',
		'date-order',
		'unit-inactive',
		'missing-standard',
	],
	'commitment-updates': [
		'missing-file',
		'unique-error',
		'foreign-key',
		'date-order',
		'required',
		'same-day-status',
	],
	pledges: ['missing-file', 'unique-error', 'foreign-key', 'not-applicable', 'unit-inactive'],
	calendar: [
		'file-name',
		'unique-error',
		'out-of-period',
		'calendar-no-holidays',
		'calendar-incomplete',
		'calendar-weekday-workday',
		'calendar-replaces',
	],
	policies: ['unique-error', 'missing-file'],
	site: [
		'missing-file',
		...JSON_CODES,
		'site-identity',
		'personal-id',
		'personal-contact',
		'control-char',
		'invisible-char',
	],
	rubrics: [
		'file-name',
		'missing-file',
		...JSON_CODES,
		'rubric-year',
		'unique-error',
		'foreign-key',
		'rubric-rule',
		'rubric-park',
		'rubric-id-number',
		'personal-id',
		'personal-contact',
		'control-char',
		'invisible-char',
	],
	stories: ['file-name', 'foreign-key', ...MDX_CODES, 'story-too-short', 'broken-link'],
	snapshots: [...JSON_CODES, 'foreign-key', 'file-name'],
	photos: [
		...DISK_CODES,
		'photo-format',
		'photo-size',
		'photo-bytes',
		'photo-orientation',
		'photo-corrupt',
		'unused-file',
	],
	'policy-texts': [...MDX_CODES, 'foreign-key', 'broken-link'],
};

/**
 * Values that between them trip every rule a cell schema has: wrong types, full-width digits, other date spellings,
 * impossible dates, control and zero-width characters, overlong text. Bounds and enumerations add their own probes.
 */
const PROBES = [
	'x',
	'x y',
	'1.5',
	'３',
	'２０２２-０１-０１',
	'2022/01/01',
	'2022-02-30',
	'1985-13',
	'、',
	'\u0001',
	'\u200B',
	'x'.repeat(100_000),
];

/** The codes a cell can give, found by validating probe values with its schema. */
export function cellCodes(cell: Cell): IssueCode[] {
	const probes = [...PROBES];
	if (cell.minimum !== undefined) probes.push(String(cell.minimum - 1));
	if (cell.maximum !== undefined) probes.push(String(cell.maximum + 1));
	if (cell.choices?.length) probes.push(`${cell.choices[0].label}、${cell.choices[0].label}`);
	const codes = new Set<string>();
	for (const p of probes) {
		const r = cell.schema.safeParse(p);
		if (r.success) continue;
		for (const i of r.error.issues) {
			const code = (i as { params?: { code?: string } }).params?.code;
			if (code) codes.add(code);
		}
	}
	return [...codes].filter((c): c is IssueCode => c in ISSUE_CODES).sort();
}

/** The codes a column can give: its cell's, `required` when it must be filled, the personal numbers when public. */
export function columnCodes(column: Column): IssueCode[] {
	const codes = new Set(cellCodes(column.cell));
	if (column.required) codes.add('required');
	if (column.public) (codes.add('personal-id'), codes.add('personal-contact'));
	return [...codes].sort();
}

/** Every code a CSV table can give, in the order of `ISSUE_CODES`. */
export function tableCodes(def: TableDef): IssueCode[] {
	const codes = new Set<IssueCode>([
		...READ_CODES,
		...def.columns.flatMap(columnCodes),
		...(CHECK_CODES[def.name] ?? []),
	]);
	return inOrder(codes);
}

/** Every code one of the other inputs (`site`, `rubrics`, `stories`, `photos`, `policy-texts`) can give. */
export function inputCodes(name: string): IssueCode[] {
	return inOrder(new Set(CHECK_CODES[name] ?? []));
}

function inOrder(codes: ReadonlySet<IssueCode>): IssueCode[] {
	return (Object.keys(ISSUE_CODES) as IssueCode[]).filter((c) => codes.has(c));
}
