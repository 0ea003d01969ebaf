/** Interface strings, keyed by meaning. Simplified Chinese, as everything the public sees. */
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
	},
	grade: { red: '红名单', blue: '蓝名单', yellow: '黄名单' },
	/**
	 * The 失信 rule of the grade standard, said once: the quarter and unit pages and the methodology show it.
	 * @see seeds/002 三(二) 1–3 and SPEC 1 "Overrides"
	 */
	dishonestyRule: '有失信记录的单位不得评为红名单；有违约或较重、严重失信记录的列入黄名单。',
	gradeIcon: { red: '▲', blue: '●', yellow: '▼' },
	category: { town: '镇（街道）', park: '园区', A: 'A类部门', B: 'B类部门' },
	/** Public-commitment states (逾期 is derived: 履行中 past its due date). Each has an icon: never colour alone. */
	commitmentState: {
		overdue: '逾期',
		'in-progress': '履行中',
		broken: '未兑现',
		changed: '依法变更',
		fulfilled: '已兑现',
	},
	commitmentStateIcon: { overdue: '!', 'in-progress': '○', broken: '✗', changed: '↻', fulfilled: '✓' },
	pledgeKind: { safety: '安全', environment: '环保', tax: '纳税' },
} as const;
