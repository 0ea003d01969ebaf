/** The evaluated units of a generated dataset (towns, parks, A- and B-class departments) and their names. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addQuarters, quarterStart, type QuarterId } from '../../../src/lib/quarters.ts';
import { addDays } from '../../../src/lib/calendar/workdays.ts';
import { unitNameTable, unitTable, type UnitNameRow, type UnitRow } from '../../../src/schemas/unit.ts';
import { csvTable } from './csv.ts';
import { pad, type Rand } from './random.ts';

export const PLACE_A = '淮河山施车钦平顺苏流马南林宋复博溪泾朱季岔席范仇建新丰茭石';
const PLACE_B = '城阳河桥工溪集口甸闸港湖庄圩塘坝桥营沟滩岭洲台';
const DEPTS = [
	'发展和改革委员会',
	'教育体育局',
	'科学技术局',
	'工业和信息化局',
	'公安分局',
	'民政局',
	'司法局',
	'财政局',
	'人力资源和社会保障局',
	'自然资源和规划分局',
	'生态环境分局',
	'住房和城乡建设局',
	'交通运输局',
	'水利局',
	'农业农村局',
	'商务局',
	'文化广电和旅游局',
	'卫生健康委员会',
	'退役军人事务局',
	'应急管理局',
	'审计局',
	'市场监督管理局',
	'统计局',
	'医疗保障局',
	'城市管理局',
	'行政审批局',
	'数据局',
	'信访局',
	'机关事务管理局',
	'供销合作总社',
];
const B_DEPTS = [
	'委组织部',
	'委宣传部',
	'金融管理局',
	'档案馆',
	'总工会',
	'团委',
	'妇联',
	'科协',
	'工商联',
	'红十字会',
];
export const SURNAMES =
	'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文';
export const GIVEN =
	'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力志国斌欣怡晨雪梅海燕鹏宇浩然佳琪思远';
export const CATEGORY_LABEL = { town: '镇街', park: '园区', A: 'A类', B: 'B类' } as const;
export type Cat = keyof typeof CATEGORY_LABEL;

export interface Unit {
	id: string;
	category: Cat;
	names: { name: string; from?: string; to?: string }[];
}

/** Units in the demo's proportions (about 35% towns, 5% parks, 45% A-class, 15% B-class). */
export function makeUnits(r: Rand, n: number, first: QuarterId, last: QuarterId): Unit[] {
	const units: Unit[] = [];
	// A 20-unit pattern: 7 towns, 1 park, 9 A-class and 3 B-class departments, interleaved.
	const pattern: Cat[] = [
		'town',
		'A',
		'A',
		'town',
		'B',
		'A',
		'town',
		'A',
		'park',
		'A',
		'town',
		'A',
		'B',
		'town',
		'A',
		'A',
		'town',
		'B',
		'A',
		'town',
	];
	const cats = Array.from({ length: n }, (_, i) => pattern[i % pattern.length]);
	const count: Record<Cat, number> = { town: 0, park: 0, A: 0, B: 0 };
	for (let i = 0; i < n; i++) {
		const cat = cats[i];
		const k = count[cat]++;
		let name: string;
		if (cat === 'town' || cat === 'park') {
			const a = PLACE_A[k % PLACE_A.length];
			const b = PLACE_B[Math.floor(k / PLACE_A.length) % PLACE_B.length];
			const round = Math.floor(k / (PLACE_A.length * PLACE_B.length));
			const place = a + b + (round ? String(round + 1) : '');
			name = cat === 'park' ? `淮安${place}经济开发区` : k % 4 === 1 ? `${place}街道` : `${place}镇`;
		} else {
			const list = cat === 'A' ? DEPTS : B_DEPTS;
			const round = Math.floor(k / list.length);
			name = `区${list[k % list.length]}${round ? `第${round + 1}办事处` : ''}`;
		}
		const id = `u${pad(i + 1, 4)}`;
		const unit: Unit = { id, category: cat, names: [{ name }] };
		// Every tenth unit was renamed once (机构改革), in the middle of the period.
		if (i % 10 === 3) {
			const mid = addQuarters(first, Math.floor((quarterIndexOf(first, last) + 1) / 2));
			const to = addDays(quarterStart(mid), r.int(60) + 10);
			unit.names = [
				{ name: `${name.replace(/^区/, '区原')}`, to },
				{ name, from: addDays(to, 1) },
			];
		}
		units.push(unit);
	}
	return units;
}
const quarterIndexOf = (a: QuarterId, b: QuarterId) => {
	let n = 0;
	for (let q = a; q !== b; q = addQuarters(q, 1)) n++;
	return n;
};

/** The unit's name now (its last name). */
export const nameOf = (u: Unit) => u.names[u.names.length - 1].name;

/** Writes `units.csv` and `unit-names.csv`. */
export function writeUnits(out: string, units: readonly Unit[]): void {
	writeFileSync(
		join(out, 'units.csv'),
		csvTable<UnitRow>(unitTable).file(
			units.map((u) => ({
				id: u.id,
				category: CATEGORY_LABEL[u.category],
				from: '',
				to: '',
				mergedInto: '',
				note: '',
			})),
		),
	);
	writeFileSync(
		join(out, 'unit-names.csv'),
		csvTable<UnitNameRow>(unitNameTable).file(
			units.flatMap((u) => u.names.map((n) => ({ unitId: u.id, name: n.name, from: n.from, to: n.to }))),
		),
	);
}
