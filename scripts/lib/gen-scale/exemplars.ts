/** 政务诚信典型 candidates with their credit reviews, 公示, events, stories and photos. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../../../src/lib/calendar/workdays.ts';
import {
	candidateTable,
	eventTable,
	noticeTable,
	reviewTable,
	type CandidateRow,
	type EventRow,
	type NoticeRow,
	type ReviewRow,
} from '../../../src/schemas/candidate.ts';
import { objectionTable, type ObjectionRow } from '../../../src/schemas/objection.ts';
import { csvTable, type Cells } from './csv.ts';
import { pad, type Rand } from './random.ts';
import { GIVEN, nameOf, SURNAMES, type Unit } from './units.ts';

/** A story of at least 1500 字 (counted without whitespace and Markdown), plain Markdown only. */
function story(r: Rand, name: string, unit: string, title: string): string {
	const parts = [
		`${name}在${unit}工作多年，同事们都说，和${name}打交道，最放心的是“说到做到”。`,
		`## ${title}`,
	];
	const sentences = [
		`每一项向群众公开的承诺，${name}都要拆成具体的时间节点和责任人，贴在办公室的墙上，逐项对账销号。`,
		`遇到政策调整确需改变承诺的，${name}坚持提前公告、逐一告知，已经受理的事项一律按原承诺办结。`,
		`${name}常说：“承诺不是贴在墙上的，是一件一件做出来的。”这句话成了科室里每个人的口头禅。`,
		`为了让守信的企业少跑腿，${name}推动建立了容缺受理和信用承诺跟踪台账，到期前三天电话提醒，逾期未补的按规定记入信用记录。`,
		`有一年年底，一件涉及三个部门的事项眼看要超过承诺时限，${name}连着两天协调，最后在期限当天下午把结果送到了群众手里。`,
		`在同事眼里，${name}是个较真的人：系统故障导致流转晚了半天，虽然没有超过时限，也要在例会上讲清原因并向群众说明。`,
		`${name}把单位公开承诺的便民事项逐项分解到岗位，每月在公示栏公开履行情况，群众提出的意见全部在承诺时限内回复。`,
		`这些年，${name}经手的事项没有一件因为超期被投诉，单位的群众满意度始终位居全区前列。`,
		`谈到这些，${name}总是把功劳推给团队：“每一个人都在守着同一份承诺。”`,
		`政务诚信不是一句口号，而是按时交到群众手里的那张证照，是群众转身离开时的一句“下次还来找你们”。`,
	];
	let chars = 0;
	const count = (s: string) => [...s.replace(/^## /, '').replace(/\s+/g, '')].length;
	for (const p of parts) chars += count(p);
	let section = 1;
	while (chars < 1600) {
		const para = Array.from({ length: 4 }, () => r.pick(sentences)).join('');
		parts.push(para);
		chars += count(para);
		if (chars < 1600 && parts.length % 4 === 0) {
			const h = `## ${['说到就要做到', '让守信的人少跑腿', '把承诺写在岗位上', '一件一件做出来'][section++ % 4]}`;
			parts.push(h);
			chars += count(h);
		}
	}
	return parts.join('\n\n') + '\n';
}

/**
 * Writes `exemplars/`: `count` candidates over the years, at most 2 per recommending unit per year (seed 000 第六条),
 * each with a story and a copy of `photo`; returns how many.
 */
export function writeExemplars(
	r: Rand,
	out: string,
	units: readonly Unit[],
	years: readonly number[],
	count: number,
	photo: Buffer,
): number {
	const exDir = join(out, 'exemplars');
	mkdirSync(join(exDir, 'stories'), { recursive: true });
	mkdirSync(join(exDir, 'photos'));
	const capacity = units.length * 2;
	if (count > capacity * years.length)
		throw new Error(`${units.length} 个单位 ${years.length} 年最多推荐 ${capacity * years.length} 名候选人`);
	const candidates: Cells<CandidateRow>[] = [];
	const reviews: Cells<ReviewRow>[] = [];
	const notices: Cells<NoticeRow>[] = [];
	const events: Cells<EventRow>[] = [];
	/** The register of objections (objections.csv), which lists every objection to a candidate events.csv records. */
	const objections: Cells<ObjectionRow>[] = [];
	const objection = (
		candidateId: string,
		year: number,
		receivedOn: string,
		concludedOn: string,
		upheld: boolean,
	) =>
		objections.push({
			id: `YY-${year}-${pad(objections.filter((o) => String(o.id).startsWith(`YY-${year}-`)).length + 1, 3)}`,
			target: '诚信典型',
			recordId: candidateId,
			period: year,
			receivedOn,
			concludedOn,
			outcome: upheld ? '更正' : '维持',
			correctionId: undefined,
		});
	let made = 0;
	for (let yi = 0; yi < years.length && made < count; yi++) {
		const y = years[yi];
		const quota = Math.min(capacity, Math.ceil((count - made) / (years.length - yi)));
		const noticeId = `GS-${y}-01`;
		const noticeStart = y < 2026 ? `${y + 1}-01-${pad(8 + r.int(5), 2)}` : '2026-12-14';
		notices.push({
			id: noticeId,
			year: y,
			title: `${y} 年度淮安区“政务诚信典型”拟认定人选公示`,
			start: noticeStart,
			docNumber: `淮信用办〔${y + (y < 2026 ? 1 : 0)}〕1号`,
		});
		for (let k = 0; k < quota; k++, made++) {
			const u = units[k % units.length];
			const id = `${y}-${pad(k + 1, 3)}`;
			const name = r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.chance(0.6) ? r.pick([...GIVEN]) : '');
			const gender = r.chance(0.5) ? '男' : '女';
			const unitName = nameOf(u);
			const title = r.pick([
				'窗口前的“承诺书”',
				'一诺千金稳企心',
				'把承诺写在街巷里',
				'欠薪不过夜',
				'说到做到的“较真人”',
			]);
			// In 2026, whose 公示 starts on 12-14, recommended in November: the credit review's replies (5 to 9 days
			// later) come before the notice, as they must (seed 000 第七条、第八条). The same draws either way.
			const november = r.chance(0.5) || y >= 2026;
			const recommendedOn = `${y}-${november ? '11' : '12'}-${pad(1 + r.int(10), 2)}`;
			const fate = r.next();
			const disqualified = fate < 0.03;
			const failed = !disqualified && fate < 0.06;
			const reviewDate = addDays(recommendedOn, 5 + r.int(5));
			for (const body of ['纪检', '公安', '检察院', '信访'])
				reviews.push({
					candidateId: id,
					body,
					result: disqualified && body === '公安' ? '有记录' : '无记录',
					date: reviewDate,
				});
			const review = disqualified ? undefined : failed ? '未通过' : '通过';
			const noticed = review === '通过';
			candidates.push({
				id,
				year: y,
				name,
				gender,
				unit: unitName,
				position: r.pick(['科长', '副科长', '主任', '副主任', '窗口负责人', '四级主任科员']),
				birth: `${1965 + r.int(30)}-${pad(1 + r.int(12), 2)}`,
				political: r.pick(['中共党员', '群众', '中共预备党员']),
				education: r.pick(['大学本科', '硕士研究生', '大专']),
				category: u.category === 'town' || u.category === 'park' ? '镇街工作人员' : '部门工作人员',
				recommender: u.id,
				contact: `联系人 139${pad(r.int(100_000_000), 8)}`,
				awards: r.chance(0.5) ? `${y - 1} 年度淮安区优秀公务员` : undefined,
				coverage: r.chance(0.3) ? '淮安区融媒体中心专题报道' : undefined,
				title,
				summary: `${name}长期在${unitName}工作，把单位向社会公开的承诺逐项分解到岗位和个人，按期兑现率保持 100%。${name}坚持“说到的事一件不落”，对群众和企业的诉求在承诺时限内全部回复，所在岗位群众满意度连续多年位居全区前列。`,
				opinion: '该同志政治素质过硬，工作作风扎实，近五年无违纪违法记录，同意推荐。',
				recommendedOn,
				photos: `${id}.jpg`,
				photoAlt: `${name}工作照（示意图）`,
				review,
				noticeId: noticed ? noticeId : undefined,
			});
			writeFileSync(join(exDir, 'stories', `${id}.mdx`), story(r, name, unitName, title));
			writeFileSync(join(exDir, 'photos', `${id}.jpg`), photo);
			if (noticed && y < 2026) {
				const e = r.next();
				if (e < 0.03) {
					events.push({
						candidateId: id,
						date: addDays(noticeStart, 2),
						event: '异议',
						detail: '公示期间收到来电反映情况，已请相关单位协助核实',
					});
					events.push({
						candidateId: id,
						date: addDays(noticeStart, 6),
						event: '异议不成立',
						detail: '经核实，反映的问题不属实',
					});
					objection(id, y, addDays(noticeStart, 2), addDays(noticeStart, 6), false);
				} else if (e < 0.04) {
					events.push({
						candidateId: id,
						date: addDays(noticeStart, 90),
						event: '异议',
						detail: '收到实名举报，已函请区纪委监委核实',
					});
					events.push({
						candidateId: id,
						date: addDays(noticeStart, 120),
						event: '撤销',
						publicReason:
							'经核实，该同志存在违反工作纪律的问题，不再符合“政务诚信典型”认定条件，依据评选宣传办法第十条撤销其认定。',
						detail: '区纪委监委函复：举报反映的问题属实',
					});
					objection(id, y, addDays(noticeStart, 90), addDays(noticeStart, 120), true);
				}
			}
		}
	}
	writeFileSync(join(exDir, 'candidates.csv'), csvTable<CandidateRow>(candidateTable).file(candidates));
	writeFileSync(join(exDir, 'reviews.csv'), csvTable<ReviewRow>(reviewTable).file(reviews));
	writeFileSync(join(exDir, 'notices.csv'), csvTable<NoticeRow>(noticeTable).file(notices));
	writeFileSync(join(exDir, 'events.csv'), csvTable<EventRow>(eventTable).file(events));
	writeFileSync(join(out, 'objections.csv'), csvTable<ObjectionRow>(objectionTable).file(objections));
	return candidates.length;
}
