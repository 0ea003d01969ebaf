/**
 * `/data/datapackage.json`: a Frictionless Data Package (v2, https://datapackage.org/) describing every open-data file
 * of SPEC "Public URLs and open data" — each JSON file and its CSV twin as a tabular resource with its Table Schema:
 * field names, types, allowed values, primary key and foreign keys — so that standard tools (frictionless-py,
 * the R and Julia readers, csvkit with the schema) can load and check them.
 *
 * The fields of data that comes from the office's files are made from the same column definitions the validator uses
 * (`src/schemas/`); only the fields the build computes (scores, grades, ranks, derived dates) are described here.
 * A resource is listed only when its file was rendered in this build, with its size and SHA-256.
 */
import type { FileFacts } from './facts.ts';
import type { Column, TableDef } from '../../schemas/table.ts';
import { unitNameTable, unitTable } from '../../schemas/unit.ts';
import { evidenceTable } from '../../schemas/evidence.ts';
import { dishonestyTable } from '../../schemas/dishonesty.ts';
import { candidateTable, eventTable, noticeTable } from '../../schemas/candidate.ts';
import { commitmentTable, commitmentUpdateTable } from '../../schemas/commitment.ts';
import { pledgeTable } from '../../schemas/pledge.ts';
import type { Rubric } from '../../schemas/rubric.ts';
import { GRADES as GRADE_CHOICES, type Grade } from '../../schemas/enums.ts';
import { correctionTable } from '../../schemas/correction.ts';
import { objectionTable } from '../../schemas/objection.ts';
import { releaseTable } from '../../schemas/release.ts';
import { CLOCK_STATES } from '../objections/public.ts';
import { STATUS_TITLES } from '../exemplars/public.ts';
import { gradeRanges } from '../scoring/grade-text.ts';
import type { OpenStatus } from '../exemplars/public.ts';
import { rubricCsvFields, rubricJsonFields } from './rubric.ts';
import { twinPath } from './twin.ts';
import {
	categoriesOf,
	derived,
	fieldOf,
	type Field,
	type ForeignKey,
	type JsonSchema,
	type Form,
	type TableSchema,
} from './table-schema.ts';

/** A tabular data resource. */
export interface Resource {
	name: string;
	type: 'table';
	/** Relative to the datapackage, i.e. under `/data/`. */
	path: string;
	format: Form;
	mediatype: string;
	encoding: 'utf-8';
	title: string;
	description: string;
	/** Where the rows are in a JSON file that is an object rather than an array (Table Dialect v2 `property`). */
	dialect?:
		{ type: 'structured'; property?: string; itemType: 'object' } | { type: 'delimited'; delimiter: ',' };
	schema: TableSchema;
	bytes: number;
	hash: string;
}

/** The Data Package descriptor. */
export interface DataPackage {
	$schema: string;
	name: string;
	title: string;
	description: string;
	homepage: string;
	created: string;
	keywords: string[];
	contributors: { title: string; email: string; path: string; roles: string[] }[];
	resources: Resource[];
}

/** What the package is built from: the site identity, the as-of date, the rubrics and the open-data files' facts. */
export interface PackageInput {
	site: { name: string; url: string; host: string; email: string };
	asOf: string;
	rubrics: readonly Rubric[];
	/** Every rendered open-data file: path under `/data/` → its facts. */
	files: ReadonlyMap<string, FileFacts>;
}

/** The open-data status of an exemplar (SPEC: "publicizing" | "recognized" | "revoked"). */
const EXEMPLAR_STATUSES = ['publicizing', 'recognized', 'revoked'] as const satisfies readonly OpenStatus[];
/** The grades (SPEC: "red" | "blue" | "yellow"). */
const GRADES = ['red', 'blue', 'yellow'] as const satisfies readonly Grade[];
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const QUARTER_PATTERN = '^\\d{4}-Q[1-4]$';

const col = (def: TableDef, key: string): Column => {
	const c = def.columns.find((c) => c.key === key);
	if (!c) throw new Error(`${def.name} 没有列 ${key}`);
	return c;
};
/** Fields of input columns, in the given order. */
const cols = (def: TableDef, keys: readonly string[], form: Form) =>
	keys.map((k) => fieldOf(col(def, k), form));

/** A derived text that every row has (a name on a date, a label …). */
const requiredText = (name: string, title: string, description: string): Field =>
	derived({ name, title, description, type: 'string', constraints: { required: true } });

/** The quarter of a row, written like 2023-Q4. */
const quarterField = (description: string): Field =>
	derived({
		name: 'quarter',
		title: '季度',
		description,
		type: 'string',
		constraints: { required: true, pattern: QUARTER_PATTERN },
	});

/** A foreign key from a unit id column of this resource to the units resource of the same form. */
const unitKey = (ref: (family: string) => string, field = 'unitId'): ForeignKey => ({
	fields: [field],
	reference: { resource: ref('units'), fields: ['id'] },
});

/** A JSON array of objects that every row has, each object with just these properties. */
const objectList = (
	name: string,
	title: string,
	description: string,
	properties: Record<string, JsonSchema>,
	required: string[],
): Field =>
	derived({
		name,
		title,
		description,
		type: 'array',
		constraints: {
			required: true,
			jsonSchema: {
				type: 'array',
				items: { type: 'object', properties, required, additionalProperties: false },
			},
		},
	});

// The fields of a quarter's results, which the grades, the grades history and the release snapshots share.
const resultUnitId = (form: Form) =>
	fieldOf(col(unitTable, 'id'), form, { title: '单位编号', description: '被评价单位，对应 units 的 id' });
const scoreField = (description: string) =>
	derived({
		name: 'score',
		title: '得分',
		description,
		type: 'number',
		constraints: { required: true, minimum: 0, maximum: 100 },
	});
const gradeField = (description: string) =>
	derived({
		name: 'grade',
		title: '等次',
		description,
		type: 'string',
		categories: categoriesOf(GRADE_CHOICES),
		constraints: { required: true, enum: GRADES },
	});
const rankField = (description: string) =>
	derived({
		name: 'rank',
		title: '同类排名',
		description,
		type: 'integer',
		constraints: { required: true, minimum: 1 },
	});
const changeField = (description: string) =>
	derived({ name: 'change', title: '较上季度变化', description, type: 'number' });
const maxPointsField = () =>
	derived({
		name: 'maxPoints',
		title: '适用指标满分之和',
		description: '适用于该类别的指标分值之和',
		type: 'number',
		constraints: { required: true, minimum: 0 },
	});
const pointsField = (description: string) =>
	derived({
		name: 'points',
		title: '各项指标得分',
		description,
		type: 'object',
		constraints: {
			required: true,
			jsonSchema: { type: 'object', additionalProperties: { type: 'number' } },
		},
	});
const RANK_RULE = '在同类单位中的名次：1 + 得分更高的同类单位数（同分同名次）';

/** A family of files: a JSON file and its CSV twin, once or once per `*` (quarter, year). */
interface Family {
	/** Resource name for the key (`*` part); the CSV twin gets `-csv`. */
	name: (key: string) => string;
	/** Path with `*` for the varying part and no extension, e.g. `grades/*`. */
	stem: string;
	/** Title; for a family with a `*`, `标题（key）`, which the 数据下载 page groups by the part before （. */
	title: (key: string) => string;
	description: string;
	/** JSON files that are objects: where the rows are. */
	property?: string;
	/** Fields of each form. */
	fields: (form: Form, key: string) => Field[];
	primaryKey: string[];
	/** Foreign keys, given the names of the resources referred to in the same form. */
	foreignKeys?: (ref: (family: string) => string, key: string) => ForeignKey[];
	/** SPEC lets these files carry more fields than described (`fieldsMatch: "subset"`). */
	open?: boolean;
}

/** Units as published (`src/page-data/units.ts`): the units.csv columns plus the current name and the name history. */
const units: Family = {
	name: () => 'units',
	stem: 'units',
	title: () => '被评价单位',
	description:
		'被评价单位（镇街、园区、A类、B类部门）：固定编号、类别、设立和撤销日期、并入单位，以及名称沿革。',
	fields: (form) => [
		fieldOf(col(unitTable, 'id'), form),
		fieldOf(col(unitNameTable, 'name'), form, {
			title: '名称',
			description: '单位在数据截至日的名称（名称沿革中当日使用的名称）',
		}),
		fieldOf(col(unitTable, 'category'), form),
		...cols(unitTable, ['from', 'to', 'mergedInto'], form),
		form === 'json'
			? objectList(
					'names',
					'名称沿革',
					'单位用过的名称及其启用、停用日期（空表示不限），按时间先后',
					{
						name: { type: 'string' },
						from: { type: ['string', 'null'], pattern: DATE_PATTERN },
						to: { type: ['string', 'null'], pattern: DATE_PATTERN },
					},
					['name', 'from', 'to'],
				)
			: requiredText(
					'names',
					'名称沿革',
					'单位用过的名称，每项写作“名称（启用日期～停用日期）”，多项用“、”分隔',
				),
	],
	primaryKey: ['id'],
	foreignKeys: () => [{ fields: ['mergedInto'], reference: { fields: ['id'] } }],
};

/** A year's rubric: one row per indicator (the JSON file's `indicators`). */
const rubrics: Family = {
	name: (y) => `rubric-${y}`,
	stem: 'rubrics/*',
	title: (y) => `评价指标（${y} 年）`,
	description:
		'当年的评价指标（淮信用办〔2022〕6号 附件1）：每行一项指标，含分组、分值、适用类别、计分规则和考核主体。JSON 文件中指标表在 indicators 下；另有年度（year）、名称（title）、依据（source）、分组（groups）、承诺类别（commitmentCategories）、等次分数线（thresholds）和整理说明（notes）。',
	property: 'indicators',
	fields: (form) => (form === 'json' ? rubricJsonFields() : rubricCsvFields()),
	primaryKey: ['id'],
};

/** A quarter's grades (`src/lib/opendata/csv.ts` gradesJson / gradesCsv). */
const grades = (rubricOf: (year: number) => Rubric | undefined): Family => ({
	name: (q) => `grades-${q.toLowerCase()}`,
	stem: 'grades/*',
	title: (q) => `季度评价结果（${q}）`,
	description:
		'季度政务诚信综合信用评价结果：每行一个单位的得分、等次、同类排名、较上季度变化和各项指标得分。得分 = 100 × 各适用指标得分之和 ÷ 适用指标满分之和（字段 maxPoints），限定在 0～100，保留一位小数。JSON 文件另有季度（quarter）、所用指标的年度（rubric）、发布日期（releasedOn）、文号（docNumber）和文件生成的截至日期（asOf）。',
	property: 'units',
	fields: (form, q) => {
		const rubric = rubricOf(Number(q.slice(0, 4)));
		return form === 'json' ? [...gradeFields(form, rubric), ...gradeDetails()] : gradeCsvFields(rubric);
	},
	primaryKey: ['id'],
	foreignKeys: (ref) => [unitKey(ref, 'id')],
});

/** The fields of a unit's result in a quarter's grades, in both forms. */
function gradeFields(form: Form, rubric: Rubric | undefined): Field[] {
	return [
		resultUnitId(form),
		requiredText('name', '名称', '单位在该季度的名称'),
		fieldOf(col(unitTable, 'category'), form),
		scoreField('折算后的得分（0～100，一位小数）'),
		gradeField(
			`${
				rubric
					? gradeRanges(rubric.thresholds)
							.map((g) => `${g.label} ${g.grade}（${g.range}）`)
							.join('、')
					: GRADES.join('、')
			}；失信记录可调整等次（见 overrides）`,
		),
		rankField(RANK_RULE),
		changeField('得分减去上一个日历季度的得分；上一季度的结果尚未发布、或该单位上一季度未参加评价时为空'),
		maxPointsField(),
	];
}

/** A JSON grades field mapping each indicator id to the ids of what its points rest on. */
const idsByIndicator = (name: string, title: string, description: string): Field =>
	derived({
		name,
		title,
		description,
		type: 'object',
		constraints: {
			required: true,
			jsonSchema: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
		},
	});

/**
 * What the JSON grades add to each unit's result: points, grade overrides, 失信 records, the evidence rows and
 * pledges behind each indicator, and the corrections that changed it.
 */
function gradeDetails(): Field[] {
	return [
		pointsField('指标编号 → 得分（扣分可使单项为负）'),
		objectList(
			'overrides',
			'等次调整',
			'因失信记录调整等次：调整后的等次、原因和失信记录编号（对应 dishonesty 的 id）',
			{ grade: { type: 'string', enum: GRADES }, reason: { type: 'string' }, recordId: { type: 'string' } },
			['grade', 'reason', 'recordId'],
		),
		derived({
			name: 'records',
			title: '失信记录',
			description: '该季度计入的失信记录编号，对应 dishonesty 的 id',
			type: 'array',
			constraints: { required: true, jsonSchema: { type: 'array', items: { type: 'string' } } },
		}),
		idsByIndicator(
			'evidence',
			'计分依据',
			'指标编号 → 计入得分的评价记录编号（对应 evidence 的 id，含仍在有效期内的往季度记录）',
		),
		idsByIndicator(
			'pledges',
			'计分的企业信用承诺',
			'企业信用承诺类指标的编号 → 计入得分的企业信用承诺编号（对应 pledges 的 id；每家企业一份，含仍在有效期内的往季度承诺）',
		),
		derived({
			name: 'corrections',
			title: '更正',
			description:
				'改动过该单位本季度结果的更正编号（对应 corrections 的 id，按日期先后）：本文件所列是更正后的值，更正前的值见 corrections；没有更正为空',
			type: 'array',
			constraints: { required: true, jsonSchema: { type: 'array', items: { type: 'string' } } },
		}),
		derived({
			name: 'changeCorrections',
			title: '较上季度所依据的更正',
			description:
				'本季度发布之后才更正了上季度得分的更正编号（对应 corrections 的 id）：change 是与更正后的上季度得分相比，与本季度发布时公布的不同；没有为空',
			type: 'array',
			constraints: { required: true, jsonSchema: { type: 'array', items: { type: 'string' } } },
		}),
	];
}

/** The CSV grades: the release on every row, then the results with one column per indicator of the year's rubric. */
function gradeCsvFields(rubric: Rubric | undefined): Field[] {
	return [
		quarterField('评价季度，如 2023-Q4'),
		derived({
			name: 'releasedOn',
			title: '发布日期',
			description: '本季度评价结果的发布日期',
			type: 'date',
			constraints: { required: true },
		}),
		requiredText('docNumber', '文号', '发布本季度评价结果的文件文号'),
		...gradeFields('csv', rubric),
		...(rubric?.indicators ?? []).map((i) =>
			derived({
				name: `points.${i.id}`,
				title: `${i.id} ${i.title}`,
				description: `指标 ${i.id} ${i.title}的得分（满分 ${i.max}）；不适用于该类别时为空`,
				type: 'number',
			}),
		),
		derived({
			name: 'overrides',
			title: '等次调整',
			description:
				'因失信记录调整等次：“调整后的等次（红名单、蓝名单或黄名单）：原因（失信记录编号）”，多条用“；”分隔；编号对应 dishonesty.csv',
			type: 'string',
		}),
	];
}

/** A quarter's evidence rows (`src/page-data/evidence.ts`). */
const evidence: Family = {
	name: (q) => `evidence-${q.toLowerCase()}`,
	stem: 'evidence/*',
	title: (q) => `季度评价记录（${q}）`,
	description:
		'季度评价记录：每行一条计分依据（完成、事项、扣分、评分），评价结果中 evidence 引用的就是这些编号。空白预填行不公布。',
	fields: (form) => [
		fieldOf(col(evidenceTable, 'id'), form),
		quarterField('记录所属季度（文件名）'),
		fieldOf(col(evidenceTable, 'unitId'), form),
		requiredText('unitName', '单位名称', '单位在记录日期的名称（改名前的记录写当时的名称）'),
		...cols(
			evidenceTable,
			['indicatorId', 'kind', 'date', 'count', 'points', 'what', 'source', 'reason'],
			form,
		),
	],
	primaryKey: ['id'],
	foreignKeys: (ref, q) => [
		unitKey(ref),
		{ fields: ['indicatorId'], reference: { resource: ref(`rubric-${q.slice(0, 4)}`), fields: ['id'] } },
	],
};

/** Units' 失信 records as published (`src/lib/dishonesty/public.ts`, fields `PUBLIC_RECORD_FIELDS`). */
const withheld = '；信用修复后不再公示，为空';
const dishonesty: Family = {
	name: () => 'dishonesty',
	stem: 'dishonesty',
	title: () => '单位失信记录',
	description:
		'被评价单位的失信和违约记录及信用修复情况；评价结果中 records 和 overrides 引用的就是这些编号。信用修复后（信用修复管理办法，国家发展改革委令第 36 号）记录的详情不再公示：只留下不含内容的编号、单位、计入评价的季度和对等次的限制，以便复算已公布的等次。',
	fields: (form) => [
		fieldOf(col(dishonestyTable, 'id'), form, {
			description: `失信记录编号；信用修复后为不含内容的公开编号（XF-单位编号-起计季度-序号）`,
		}),
		fieldOf(col(dishonestyTable, 'unitId'), form),
		requiredText('unitName', '单位名称', '单位在认定日期的名称（信用修复后：在起计季度的名称）'),
		derived({
			name: 'activeFrom',
			title: '起计季度',
			description: '记录开始计入评价的季度（认定日期所在季度）',
			type: 'string',
			constraints: { required: true, pattern: QUARTER_PATTERN },
		}),
		derived({
			name: 'activeTo',
			title: '止计季度',
			description: '记录最后计入评价的季度（信用修复日期所在季度）；未修复为空',
			type: 'string',
			constraints: { pattern: QUARTER_PATTERN },
		}),
		derived({
			name: 'cap',
			title: '等次上限',
			description:
				'记录计入期间单位最高可列入的等次：蓝名单 blue（一般失信）或黄名单 yellow（违约，或较重、严重失信）',
			type: 'string',
			categories: categoriesOf(GRADE_CHOICES.filter((g) => g.value !== 'red')),
			constraints: { required: true, enum: ['blue', 'yellow'] },
		}),
		derived({
			name: 'repaired',
			title: '已信用修复',
			description: '截至数据日期已信用修复；为 true 时以下详情不再公示',
			type: 'boolean',
			constraints: { required: true },
		}),
		...(['date', 'severity', 'kind', 'what', 'source'] as const).map((k) => {
			const c = col(dishonestyTable, k);
			return fieldOf(c, form, { description: c.doc + withheld, constraints: { required: undefined } });
		}),
		...(['repairedOn', 'repairHow'] as const).map((k) => {
			const c = col(dishonestyTable, k);
			return fieldOf(c, form, { description: c.doc + withheld });
		}),
	],
	primaryKey: ['id'],
	foreignKeys: (ref) => [unitKey(ref)],
};

/** Exemplar fields of SPEC: `[{ id, year, name, gender, unit, position, category, status, noticeStart, … }]`. */
const exemplarFields = (form: Form): Field[] => [
	...cols(candidateTable, ['id', 'year', 'name', 'gender', 'unit', 'position', 'category'], form),
	derived({
		name: 'status',
		title: '状态',
		description: '公示中 publicizing、已认定 recognized、已撤销 revoked（含公示期异议成立未予认定）',
		type: 'string',
		categories: EXEMPLAR_STATUSES.map((value) => ({ value, label: STATUS_TITLES[value] })),
		constraints: { required: true, enum: EXEMPLAR_STATUSES },
	}),
	fieldOf(col(noticeTable, 'start'), form, {
		name: 'noticeStart',
		title: '公示开始日期',
		description: '公示第一天',
	}),
	derived({
		name: 'noticeEnd',
		title: '公示结束日期',
		description: '公示期第 7 个工作日（按国务院节假日安排，含调休）',
		type: 'date',
		constraints: { required: true },
	}),
	derived({ name: 'recognizedOn', title: '认定日期', description: '公示期满无异议的认定日期', type: 'date' }),
	derived({ name: 'revokedOn', title: '撤销日期', description: '撤销或未予认定的日期', type: 'date' }),
	fieldOf(col(eventTable, 'publicReason'), form, {
		name: 'revokedReason',
		title: '撤销理由',
		description: '向社会公开的撤销理由',
	}),
	...cols(candidateTable, ['title', 'summary'], form),
	requiredText('statusLabel', '状态说明', '状态的中文说明：公示中、异议待核实、已认定、已撤销、未予认定'),
	fieldOf(col(candidateTable, 'noticeId'), form),
	requiredText('recommender', '推荐单位', '推荐单位的名称'),
	...cols(candidateTable, ['awards', 'coverage'], form),
];

const exemplars: Family = {
	name: () => 'exemplars',
	stem: 'exemplars',
	title: () => '政务诚信典型',
	description:
		'自公示第一天起公开的“政务诚信典型”人选（《淮安区“政务诚信典型”评选宣传办法》）：公示中、已认定和已撤销的都在内。只含可公开的字段；联系方式、推荐单位意见、信用审查情况从不公开。',
	fields: (form) => exemplarFields(form),
	primaryKey: ['id'],
	open: true,
};

const incentiveList: Family = {
	name: () => 'incentive-list',
	stem: 'incentive-list',
	title: () => '激励名单',
	description:
		'已认定且未撤销的“政务诚信典型”，即报送公共信用信息平台的守信激励名单（《淮安区“政务诚信典型”评选宣传办法》第九条）。',
	fields: (form) => exemplarFields(form),
	primaryKey: ['id'],
	foreignKeys: (ref) => [{ fields: ['id'], reference: { resource: ref('exemplars'), fields: ['id'] } }],
	open: true,
};

const commitments: Family = {
	name: () => 'commitments',
	stem: 'commitments',
	title: () => '公开承诺',
	description:
		'镇街、园区和部门的政务诚信公开承诺及其在数据截至日的状态；overdue 表示履行中且已过完成时限（逾期）。',
	fields: (form) => [
		...cols(commitmentTable, ['id', 'unitId', 'category', 'content', 'madeOn', 'dueBy'], form),
		fieldOf(col(commitmentUpdateTable, 'status'), form, {
			description: '数据截至日的状态：履行中、已兑现、依法变更、未兑现',
		}),
		derived({
			name: 'overdue',
			title: '逾期',
			description: '状态为履行中且完成时限早于数据截至日',
			type: 'boolean',
			constraints: { required: true },
		}),
		derived({ name: 'fulfilledOn', title: '兑现日期', description: '状态变为已兑现的日期', type: 'date' }),
		requiredText('unitName', '单位名称', '单位在数据截至日的名称'),
		derived({
			name: 'madeUnder',
			title: '承诺时名称',
			description: '作出承诺时单位的名称（与现名不同时）',
			type: 'string',
		}),
		...cols(commitmentTable, ['standardContent', 'standardQuality', 'standardDeadline'], form),
		derived({ name: 'statusSince', title: '状态日期', description: '当前状态开始的日期', type: 'date' }),
		fieldOf(col(commitmentTable, 'note'), form),
		form === 'json'
			? objectList(
					'history',
					'履行过程',
					'截至数据日期的每次状态变化：日期、状态和说明，按时间先后',
					{
						date: { type: 'string', pattern: DATE_PATTERN },
						status: { type: 'string' },
						evidence: { type: 'string' },
					},
					['date', 'status'],
				)
			: derived({
					name: 'history',
					title: '履行过程',
					description: '每次状态变化写作“日期 状态：说明”，多项用“；”分隔',
					type: 'string',
				}),
	],
	primaryKey: ['id'],
	foreignKeys: (ref) => [unitKey(ref)],
	open: true,
};

const pledges: Family = {
	name: () => 'pledges',
	stem: 'pledges',
	title: () => '企业信用承诺',
	description: '镇街、园区收集的企业信用承诺书（安全、环保、纳税），每家企业在有效期内计 0.5 分。',
	fields: (form) => [
		...cols(pledgeTable, ['id', 'enterprise', 'uscc', 'kinds', 'signedOn', 'unitId'], form),
		requiredText('unitName', '单位名称', '收集承诺的单位在数据截至日的名称'),
		derived({
			name: 'signedUnder',
			title: '签订时单位名称',
			description: '签订当日收集单位的名称（与现名不同时）',
			type: 'string',
		}),
		derived({
			name: 'validFrom',
			title: '计分起始季度',
			description: '承诺书开始计入评分的季度',
			type: 'string',
			constraints: { required: true, pattern: QUARTER_PATTERN },
		}),
		derived({
			name: 'validTo',
			title: '计分截止季度',
			description: '承诺书最后计入评分的季度',
			type: 'string',
			constraints: { required: true, pattern: QUARTER_PATTERN },
		}),
	],
	primaryKey: ['id'],
	foreignKeys: (ref) => [unitKey(ref)],
	open: true,
};

/** Every public quarter × unit in one long file (`src/page-data/history.ts`), for comparing over time. */
const gradesHistory: Family = {
	name: () => 'grades-history',
	stem: 'grades-history',
	title: () => '历次评价结果',
	description:
		'全部已发布季度的评价结果合在一个文件里：每行一个季度的一个单位，含当时的名称、类别、得分、等次、同类排名、较上季度变化和该季度的发布日期、文号。行数等于各季度评价结果文件行数之和。',
	fields: (form) => [
		quarterField('评价季度，如 2023-Q4'),
		resultUnitId(form),
		requiredText('name', '名称', '单位在该季度的名称'),
		fieldOf(col(unitTable, 'category'), form),
		scoreField('折算后的得分（0～100，一位小数）'),
		gradeField('红名单 red、蓝名单 blue、黄名单 yellow（含失信记录的等次调整）'),
		rankField(RANK_RULE),
		changeField('得分减去上一个日历季度的得分；上一季度未发布或该单位未参加评价时为空'),
		fieldOf(col(releaseTable, 'releasedOn'), form, { description: '该季度评价结果的发布日期' }),
		fieldOf(col(releaseTable, 'docNumber'), form, { description: '发布该季度评价结果的文件文号' }),
	],
	primaryKey: ['quarter', 'id'],
	foreignKeys: (ref) => [unitKey(ref, 'id')],
};

/** The corrections ledger (更正台账, `src/lib/ledger/ledger.ts`): one row per unit and field a correction changed. */
const corrections: Family = {
	name: () => 'corrections',
	stem: 'corrections',
	title: () => '更正台账',
	description:
		'已发布季度评价结果的每一次更正：每行一个单位的一个项目，含更正前后的值、日期、文号和理由。发布时的结果见 releases（发布快照），其 SHA-256 即发布记录中的结果指纹；发布快照依次加上这里的更正，就是现在公布的结果。',
	fields: (form) => [
		...cols(correctionTable, ['id', 'quarter', 'date', 'docNumber', 'unitId'], form),
		requiredText('unitName', '单位名称', '单位在被更正季度的名称'),
		derived({
			name: 'field',
			title: '项目代码',
			description:
				'被更正的项目：score 得分、grade 等次、override 等次调整、rank 类内排名、category 类别、maxPoints 适用指标满分之和，或 points.<指标编号> 该项指标得分',
			type: 'string',
			constraints: {
				required: true,
				pattern: '^(score|grade|override|rank|category|maxPoints|points\\..+)$',
			},
		}),
		requiredText('fieldLabel', '项目', '被更正项目的中文名称'),
		derived({
			name: 'from',
			title: '原值',
			description: '更正前公布的值（等次、类别写中文）；空表示原来没有这一项',
			type: 'string',
		}),
		derived({
			name: 'to',
			title: '新值',
			description: '更正后的值；空表示更正后没有这一项',
			type: 'string',
		}),
		fieldOf(col(correctionTable, 'reason'), form),
	],
	primaryKey: ['id', 'unitId', 'field'],
	foreignKeys: (ref) => [unitKey(ref)],
};

/** Objections and their working-day clocks (异议处理情况, `src/lib/objections/public.ts`). */
const objections: Family = {
	name: () => 'objections',
	stem: 'objections',
	title: () => '异议处理情况',
	description:
		'收到的每件异议：对象（评价结果、失信记录或诚信典型人选）、收到日期、10 个工作日的核查期限（《槐荫区政务诚信建设工作方案》第 9 条；按国务院节假日安排，收到当日不计）、办结日期、用时和结果（维持或更正，更正的链接到更正台账）。不含异议人的任何信息。',
	fields: (form) => [
		...cols(objectionTable, ['id', 'target'], form),
		fieldOf(col(objectionTable, 'recordId'), form, {
			description:
				'评价结果为单位编号，失信记录为记录编号（信用修复后为不含内容的公开编号），诚信典型为人选编号',
		}),
		fieldOf(col(objectionTable, 'period'), form),
		fieldOf(col(objectionTable, 'receivedOn'), form),
		derived({
			name: 'deadline',
			title: '核查期限',
			description: '收到日期后的第 10 个工作日',
			type: 'date',
			constraints: { required: true },
		}),
		fieldOf(col(objectionTable, 'concludedOn'), form, {
			description: '核查情况反馈的日期；空表示截至数据日期尚在核查',
		}),
		fieldOf(col(objectionTable, 'outcome'), form),
		fieldOf(col(objectionTable, 'correctionId'), form, { description: '更正的编号，对应 corrections 的 id' }),
		derived({
			name: 'workdays',
			title: '用时（工作日）',
			description: '收到后到办结（或到数据截至日）的工作日数，收到当日不计',
			type: 'integer',
			constraints: { minimum: 0 },
		}),
		derived({
			name: 'state',
			title: '办理状态',
			description: CLOCK_STATES.map((s) => `${s.value} ${s.label}`).join('、'),
			type: 'string',
			categories: categoriesOf(CLOCK_STATES),
			constraints: { required: true, enum: CLOCK_STATES.map((s) => s.value) },
		}),
	],
	primaryKey: ['id'],
};

/** The release snapshots (`releases/<季度>.json`): each public quarter's results as released, fingerprinted. */
const snapshots: Family = {
	name: (q) => `release-${q.toLowerCase()}`,
	stem: 'releases/*',
	title: (q) => `发布快照（${q}）`,
	description:
		'季度评价结果发布时的快照：各单位的类别、得分、等次、同类排名、适用指标满分之和、各项指标得分和等次调整。文件的 SHA-256 就是该季度发布记录中的结果指纹；此后的更正见 corrections。JSON 文件另有季度（quarter）和所用指标的年度（rubric）。',
	property: 'units',
	fields: (form) => [
		resultUnitId(form),
		fieldOf(col(unitTable, 'category'), form),
		scoreField('发布时的得分'),
		gradeField('发布时的等次'),
		rankField('发布时的同类排名'),
		maxPointsField(),
		pointsField('指标编号 → 得分'),
		objectList(
			'overrides',
			'等次调整',
			'因失信记录调整后的等次（最多一项）',
			{ grade: { type: 'string', enum: GRADES } },
			['grade'],
		),
	],
	primaryKey: ['id'],
	foreignKeys: (ref) => [unitKey(ref, 'id')],
};

/** Every family, in the data package's order. */
const familiesOf = (rubricOf: (year: number) => Rubric | undefined): Family[] => [
	units,
	rubrics,
	grades(rubricOf),
	gradesHistory,
	snapshots,
	corrections,
	evidence,
	dishonesty,
	exemplars,
	incentiveList,
	commitments,
	pledges,
	objections,
];

/** Where the rows are in the open-data JSON file at `path` (its family's `property`); undefined: the file is the rows. */
export function rowsProperty(path: string): string | undefined {
	return familyOf(path.replace(/\.json$/, ''), () => undefined)?.family.property;
}

/** The family of the open-data file whose path without extension is `stem`, with its key; undefined if none has it. */
function familyOf(
	stem: string,
	rubricOf: (year: number) => Rubric | undefined,
): { family: Family; key: string } | undefined {
	for (const family of familiesOf(rubricOf)) {
		const key = keyOf(family.stem, stem);
		if (key !== undefined) return { family, key };
	}
	return undefined;
}

/**
 * The fields of the CSV file at `path` (under `/data/`) as the data package describes it, or undefined for a path no
 * family has: what its Chinese twin is written from where the file is made (`src/loaders/opendata-bulk.ts`).
 */
export function csvFieldsOf(path: string, rubrics: readonly Rubric[]): Field[] | undefined {
	const found = familyOf(path.replace(/\.csv$/, ''), (y) => rubrics.find((r) => r.year === y));
	return found?.family.fields('csv', found.key);
}

/** Builds the descriptor from the facts of the rendered files. */
export function buildDataPackage(input: PackageInput): DataPackage {
	const rubricOf = (y: number) => input.rubrics.find((r) => r.year === y);
	const resources: Resource[] = [];
	for (const family of familiesOf(rubricOf))
		for (const key of keysOf(family.stem, input.files))
			for (const form of ['json', 'csv'] as const) {
				const path = `${family.stem.replace('*', key)}.${form}`;
				const facts = input.files.get(path);
				if (facts === undefined) continue;
				const suffix = form === 'csv' ? '-csv' : '';
				const ref = (name: string) => name + suffix;
				const schema: TableSchema = {
					fields: family.fields(form, key),
					...(family.open ? { fieldsMatch: 'subset' as const } : {}),
					...(form === 'csv' ? { missingValues: [''] } : {}),
					primaryKey: family.primaryKey,
					...(family.foreignKeys ? { foreignKeys: family.foreignKeys(ref, key) } : {}),
				};
				resources.push({
					name: family.name(key) + suffix,
					type: 'table',
					path,
					format: form,
					mediatype: form === 'json' ? 'application/json' : 'text/csv',
					encoding: 'utf-8',
					title: family.title(key) + (form === 'csv' ? '（CSV）' : ''),
					description:
						family.description +
						(form === 'csv'
							? `CSV 为带 BOM 的 UTF-8，与同名 JSON 的行相同；多项内容用“、”分隔。同一目录下的 ${twinPath(path).split('/').pop()} 行相同，列名和代码换成了中文，供 Excel、WPS 阅读。`
							: ''),
					...(form === 'json'
						? {
								dialect: {
									type: 'structured' as const,
									...(family.property ? { property: family.property } : {}),
									itemType: 'object' as const,
								},
							}
						: { dialect: { type: 'delimited' as const, delimiter: ',' as const } }),
					schema,
					bytes: facts.bytes,
					hash: facts.hash,
				});
			}
	const host = new URL(input.site.url).host;
	return {
		$schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
		name: host.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
		title: `${input.site.name} 开放数据`,
		description:
			'政务诚信建设综合信用评价（季度结果、评价指标、评价记录、失信记录）、政务诚信典型和政务诚信公开承诺的开放数据。用这些文件可以复算每个单位的得分、等次和排名。',
		homepage: `${input.site.url}/data/`,
		created: `${input.asOf}T00:00:00+08:00`,
		keywords: ['政务诚信', '信用评价', '红名单', '黄名单', '诚信典型', '公开承诺', '淮安区'],
		contributors: [
			{ title: input.site.host, email: input.site.email, path: input.site.url, roles: ['publisher'] },
		],
		resources,
	};
}

/** The key (`*` part) of a family's file, given the file's path without extension; `''` for a single file. */
function keyOf(stem: string, path: string): string | undefined {
	if (!stem.includes('*')) return path === stem ? '' : undefined;
	const [pre, post] = stem.split('*');
	if (!path.startsWith(pre) || !path.endsWith(post)) return undefined;
	const key = path.slice(pre.length, path.length - post.length);
	return key && !key.includes('/') ? key : undefined;
}

/** The keys (`*` parts) of a family's files among the rendered ones, sorted; `['']` for a single file. */
function keysOf(stem: string, files: ReadonlyMap<string, unknown>): string[] {
	if (!stem.includes('*')) return [''];
	const keys = new Set<string>();
	for (const path of files.keys()) {
		const m = path.match(/^(.*)\.(json|csv)$/);
		const key = m ? keyOf(stem, m[1]) : undefined;
		if (key) keys.add(key);
	}
	return [...keys].sort();
}
