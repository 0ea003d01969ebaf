/**
 * Interface strings, keyed by meaning. Simplified Chinese, as everything the public sees. The names of enumerated
 * values (grades, categories, severities, states) are not typed here: they come from their one table in
 * `src/schemas/enums.ts`.
 */
import {
	COMMITMENT_STATUSES,
	DISHONESTY_KINDS,
	GRADES,
	labelsOf,
	PLEDGE_KINDS,
	SEVERITIES,
	UNIT_CATEGORIES,
} from '../schemas/enums.ts';

export const t = {
	demoBanner: '演示数据：本站当前展示的是虚构的演示数据，不代表任何单位或个人的真实情况。',
	skipToContent: '跳到正文',
	nav: {
		home: '首页',
		grades: '信用评价',
		exemplars: '诚信典型',
		commitments: '公开承诺',
		notices: '公示公告',
		methodology: '评价方法',
		policies: '政策文件',
		data: '数据下载',
		search: '搜索',
	},
	footer: {
		host: '主办单位',
		email: '电子邮箱',
		phone: '联系电话',
		address: '地址',
		siteId: '网站标识码',
		correction: '我为政府网站找错',
		sitemap: '网站地图',
		objection: '提出异议',
		office: '填报台（区信用办）',
	},
	grade: labelsOf(GRADES),
	gradeIcon: labelsOf(GRADES, 'icon'),
	category: labelsOf(UNIT_CATEGORIES, 'title'),
	severity: labelsOf(SEVERITIES),
	dishonestyKind: labelsOf(DISHONESTY_KINDS),
	/**
	 * The 失信 rule of the grade standard in one sentence, beside every result (quarter and unit pages, methodology):
	 * the overrides `applyOverrides` applies, as `OVERRIDE_RULES` in src/lib/scoring/score.ts words them in full.
	 * @see src/docs/rules/002-quarterly-evaluation.md 三(二) 1–3
	 * @see src/docs/rules/spec.md Overrides
	 */
	dishonestyRule: `有失信记录的单位不得评为${labelsOf(GRADES).red}；有违约或较重、严重失信记录的列入${labelsOf(GRADES).yellow}。`,
	/** Public-commitment states (逾期 is derived: 履行中 past its due date). Each has an icon: never colour alone. */
	commitmentState: { overdue: '逾期', ...labelsOf(COMMITMENT_STATUSES) },
	commitmentStateIcon: { overdue: '!', 'in-progress': '○', broken: '✗', changed: '↻', fulfilled: '✓' },
	pledgeKind: labelsOf(PLEDGE_KINDS),
} as const;
