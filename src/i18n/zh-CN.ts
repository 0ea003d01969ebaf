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
	footer: { host: '主办单位', email: '电子邮箱', phone: '联系电话', address: '地址', siteId: '网站标识码' },
	grade: { red: '红名单', blue: '蓝名单', yellow: '黄名单' },
	gradeIcon: { red: '▲', blue: '●', yellow: '▼' },
	category: { town: '镇（街道）', park: '园区', A: 'A类部门', B: 'B类部门' },
} as const;
