import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { imageSize } from 'image-size';
import type { CandidateRow } from '../../src/schemas/candidate.ts';
import {
	deriveLifecycle,
	STAGE_LABELS,
	type Lifecycle,
	type LifecycleFacts,
} from '../../src/lib/exemplars/lifecycle.ts';
import {
	exemplarCsvColumns,
	exemplarOpenRecord,
	incentiveList,
	publicExemplarSchema,
	STATUS_TITLES,
	toPublicExemplar,
	yearPath,
	type ExemplarSource,
} from '../../src/lib/exemplars/public.ts';
import { exemplarPublication, lifecycles } from '../../src/lib/exemplars/publish.ts';
import { stripJpegMetadata, stripPngMetadata } from '../../src/lib/exemplars/photo.ts';
import { noticePeriod, objectionsUntil } from '../../src/lib/exemplars/format.ts';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { FIXTURES, fixture, fixtureText, memFiles, readFolder } from '../helpers/files.ts';
import { accountRows } from '../../src/lib/accounting.ts';

const candidate: CandidateRow = {
	id: '2026-009',
	year: 2026,
	name: '钱测试',
	gender: '女',
	unit: '区测试局',
	position: '科长',
	birth: '1987-06',
	political: '中共党员',
	education: '大学本科',
	category: '部门工作人员',
	recommender: 'csj',
	contact: '孙联系 13900009999',
	awards: '2025 年度优秀公务员',
	coverage: '',
	title: '一件事办到底',
	summary: '主要事迹的文字。',
	opinion: '同意推荐（推荐单位意见，内部）',
	recommendedOn: '2026-11-02',
	photos: '2026-009.jpg',
	photoAlt: '钱测试工作照',
	review: 'passed',
	noticeId: 'GS-2026-01',
};
const noticed: Lifecycle = {
	stage: 'publicizing',
	public: true,
	noticeStart: '2026-11-18',
	noticeEnd: '2026-11-26',
};
const source = (lifecycle: Lifecycle, c: CandidateRow = candidate): ExemplarSource => ({
	candidate: c,
	lifecycle,
	notice: { id: 'GS-2026-01', title: '2026 年度公示' },
	recommender: { name: '区测试局', category: 'A' },
	photos: [{ ext: 'jpg', width: 120, height: 160 }],
});
const NONE = { birth: false, political: false, education: false };

describe('who is public', () => {
	/**
	 * Facts that put the candidate at each stage before their 公示, on 2026-11-20 — two days into the notice they are
	 * assigned to (2026-11-18 … 11-26), so only the stage itself can keep them off the site.
	 */
	const clear = (body: string) => ({ body, result: 'clear' as const, date: '2026-11-05' });
	const ALL_CLEAR = ['discipline', 'police', 'procuratorate', 'petition'].map(clear);
	const notice = { start: '2026-11-18', end: '2026-11-26' };
	const base: LifecycleFacts = { recommendedOn: '2026-11-02', reviews: [], notice, events: [] };
	const atStage: Record<string, LifecycleFacts> = {
		recommended: base,
		reviewing: { ...base, reviews: ALL_CLEAR.slice(0, 2) },
		disqualified: { ...base, reviews: [...ALL_CLEAR.slice(0, 3), { ...clear('petition'), result: 'hit' }] },
		evaluating: { ...base, reviews: ALL_CLEAR },
		failed: { ...base, reviews: ALL_CLEAR, review: 'failed' },
		'awaiting-notice': {
			...base,
			reviews: ALL_CLEAR,
			review: 'passed',
			notice: { start: '2026-11-23', end: '2026-12-01' },
		},
	};
	for (const [stage, facts] of Object.entries(atStage))
		it(`publishes nothing at all for a candidate who is ${stage}, though their notice has begun`, () => {
			const lifecycle = deriveLifecycle(facts, '2026-11-20');
			expect(lifecycle.stage).toBe(stage);
			expect(toPublicExemplar(source(lifecycle), NONE)).toBeUndefined();
		});
	it('publishes a candidate from the first day of the 公示', () => {
		const passed = { ...base, reviews: ALL_CLEAR, review: 'passed' as const };
		expect(toPublicExemplar(source(deriveLifecycle(passed, '2026-11-17')), NONE)).toBeUndefined();
		expect(toPublicExemplar(source(deriveLifecycle(passed, '2026-11-18')), NONE)?.name).toBe('钱测试');
		expect(toPublicExemplar(source(noticed), NONE)?.name).toBe('钱测试');
	});
});

describe('what is public', () => {
	it('has exactly the default public fields, and none of the private ones', () => {
		const p = toPublicExemplar(source(noticed), NONE)!;
		expect(p).toEqual({
			id: '2026-009',
			year: 2026,
			name: '钱测试',
			gender: '女',
			unit: '区测试局',
			position: '科长',
			category: '部门工作人员',
			recommender: '区测试局',
			recommenderId: 'csj',
			unitCategory: 'A',
			awards: '2025 年度优秀公务员',
			title: '一件事办到底',
			summary: '主要事迹的文字。',
			stage: 'publicizing',
			status: 'publicizing',
			statusLabel: '公示中',
			noticeId: 'GS-2026-01',
			noticeTitle: '2026 年度公示',
			noticeStart: '2026-11-18',
			noticeEnd: '2026-11-26',
			photos: [{ src: '/exemplars/2026/2026-009/photo-1.jpg', width: 120, height: 160, alt: '钱测试工作照' }],
		});
		const text = JSON.stringify(p);
		for (const secret of [
			'13900009999',
			'孙联系',
			'推荐单位意见',
			'1987-06',
			'中共党员',
			'大学本科',
			'2026-11-02',
		])
			expect(text).not.toContain(secret);
		expect(publicExemplarSchema.safeParse(p).success).toBe(true);
	});
	it('publishes 出生年月, 政治面貌 and 文化程度 only where site.json opts in, each on its own', () => {
		const p = toPublicExemplar(source(noticed), { birth: true, political: false, education: true })!;
		expect([p.birth, p.political, p.education]).toEqual(['1987-06', undefined, '大学本科']);
		expect(exemplarOpenRecord(p)).toMatchObject({ birth: '1987-06', education: '大学本科' });
		expect('political' in exemplarOpenRecord(p)).toBe(false);
	});
	it('refuses, by its strict schema, a public record carrying any other field', () => {
		const p = toPublicExemplar(source(noticed), NONE)!;
		expect(publicExemplarSchema.safeParse({ ...p, contact: candidate.contact }).success).toBe(false);
	});
});

describe('status in open data (SPEC: publicizing | recognized | revoked)', () => {
	it('keeps a candidate whose objection is being checked at "publicizing", labelled 待核实', () => {
		const p = toPublicExemplar(source({ ...noticed, stage: 'verifying' }), NONE)!;
		expect([p.status, p.statusLabel]).toEqual(['publicizing', '异议待核实']);
	});
	it('gives a recognised exemplar its recognition date', () => {
		const p = toPublicExemplar(
			source({ ...noticed, stage: 'recognized', recognizedOn: '2026-11-27' }),
			NONE,
		)!;
		expect(exemplarOpenRecord(p)).toMatchObject({ status: 'recognized', recognizedOn: '2026-11-27' });
	});
	it('shows a revoked exemplar as revoked with the date and the public reason, keeping its recognition date', () => {
		const p = toPublicExemplar(
			source({
				...noticed,
				stage: 'revoked',
				recognizedOn: '2026-11-27',
				endedOn: '2027-03-01',
				publicReason: '经核实存在问题。',
			}),
			NONE,
		)!;
		expect(exemplarOpenRecord(p)).toMatchObject({
			status: 'revoked',
			statusLabel: '已撤销',
			recognizedOn: '2026-11-27',
			revokedOn: '2027-03-01',
			revokedReason: '经核实存在问题。',
		});
	});
	it('publishes 未予认定 as "revoked" with the conclusion date, no recognition date and a default reason', () => {
		const p = toPublicExemplar(source({ ...noticed, stage: 'not-recognized', endedOn: '2026-11-25' }), NONE)!;
		const r = exemplarOpenRecord(p);
		expect(r).toMatchObject({
			status: 'revoked',
			statusLabel: '未予认定',
			revokedOn: '2026-11-25',
			revokedReason: '公示期间收到的异议经核实成立，未予认定（《淮安区“政务诚信典型”评选宣传办法》第十条）。',
		});
		expect('recognizedOn' in r).toBe(false);
	});
	it('puts the SPEC fields first, in the SPEC order', () => {
		const r = exemplarOpenRecord(
			toPublicExemplar(source({ ...noticed, stage: 'recognized', recognizedOn: '2026-11-27' }), NONE)!,
		);
		expect(Object.keys(r)).toEqual([
			'id',
			'year',
			'name',
			'gender',
			'unit',
			'position',
			'category',
			'status',
			'noticeStart',
			'noticeEnd',
			'recognizedOn',
			'title',
			'summary',
			'statusLabel',
			'noticeId',
			'recommender',
			'awards',
		]);
	});
	it('heads /data/exemplars.csv with the JSON fields in the same order, the opt-in ones last', () => {
		const spec = ['id', 'year', 'name', 'gender', 'unit', 'position', 'category', 'status'];
		const dates = ['noticeStart', 'noticeEnd', 'recognizedOn', 'revokedOn', 'revokedReason'];
		const more = ['title', 'summary', 'statusLabel', 'noticeId', 'recommender', 'awards', 'coverage'];
		expect(exemplarCsvColumns(NONE)).toEqual([...spec, ...dates, ...more]);
		expect(exemplarCsvColumns({ birth: true, political: true, education: true }).slice(-3)).toEqual([
			'birth',
			'political',
			'education',
		]);
	});
	it('says the open-data statuses in Chinese as the stages of the same name', () => {
		expect(STATUS_TITLES).toEqual({ publicizing: '公示中', recognized: '已认定', revoked: '已撤销' });
	});
	it('names every stage in Chinese', () => {
		expect(STAGE_LABELS).toEqual({
			recommended: '已推荐',
			reviewing: '信用审查中',
			disqualified: '信用审查未通过',
			evaluating: '待评审',
			failed: '评审未通过',
			'awaiting-notice': '待公示',
			publicizing: '公示中',
			verifying: '异议待核实',
			'not-recognized': '未予认定',
			recognized: '已认定',
			revoked: '已撤销',
		});
	});
	it('accepts a public record of each public stage and either gender, and refuses any other stage, status or gender', () => {
		const stages = ['publicizing', 'verifying', 'not-recognized', 'recognized', 'revoked'] as const;
		for (const stage of stages)
			for (const gender of ['男', '女'] as const) {
				const p = toPublicExemplar(
					source(
						{ ...noticed, stage, recognizedOn: '2026-11-27', endedOn: '2026-12-01' },
						{ ...candidate, gender },
					),
					NONE,
				)!;
				expect(publicExemplarSchema.safeParse(p).success).toBe(true);
			}
		const p = toPublicExemplar(source(noticed), NONE)!;
		for (const wrong of [
			{ stage: 'awaiting-notice' },
			{ status: 'verifying' },
			{ gender: '未知' },
			{ stage: '' },
			{ status: '' },
			{ gender: '' },
		])
			expect(publicExemplarSchema.safeParse({ ...p, ...wrong }).success).toBe(false);
	});
	it('publishes nothing for a public stage that lacks its notice or the notice dates', () => {
		expect(toPublicExemplar({ ...source(noticed), notice: undefined }, NONE)).toBeUndefined();
		expect(toPublicExemplar(source({ ...noticed, noticeStart: undefined }), NONE)).toBeUndefined();
		expect(toPublicExemplar(source({ ...noticed, noticeEnd: undefined }), NONE)).toBeUndefined();
		expect(toPublicExemplar(source({ ...noticed, public: false }), NONE)).toBeUndefined();
	});
	it('gives a photo without 照片说明 the text “<name>的照片”, and links a year’s page', () => {
		const p = toPublicExemplar(source(noticed, { ...candidate, photoAlt: undefined }), NONE)!;
		expect(p.photos[0].alt).toBe('钱测试的照片');
		expect(yearPath(2026)).toBe('/exemplars/2026/');
	});
	it('names the opt-in columns in the CSV header only when published', () => {
		expect(exemplarCsvColumns(NONE)).not.toContain('birth');
		expect(exemplarCsvColumns({ ...NONE, political: true }).slice(-1)).toEqual(['political']);
	});
	it('makes the 激励名单 of the recognised only', () => {
		const rec = (stage: Lifecycle['stage'], id: string) =>
			exemplarOpenRecord(
				toPublicExemplar(
					source(
						{ ...noticed, stage, recognizedOn: '2026-11-27', endedOn: '2026-12-01', publicReason: 'x' },
						{ ...candidate, id },
					),
					NONE,
				)!,
			);
		const list = [
			rec('recognized', 'a'),
			rec('revoked', 'b'),
			rec('publicizing', 'c'),
			rec('recognized', 'd'),
		];
		expect(incentiveList(list).map((r) => r.id)).toEqual(['a', 'd']);
	});
});

describe('the publication of a dataset on an as-of date (test/fixtures/valid: c1 in GS-1 from 2023-01-09)', () => {
	// Validated in each test, not once for the block: mutation testing attributes what a block computes to no test.
	const d = () => validateDataset(fixture(), 'data/');
	it('publishes neither the candidate nor the notice the day before the 公示', () => {
		const pub = exemplarPublication(d(), '2023-01-08');
		expect([pub.exemplars, pub.notices, pub.files]).toEqual([[], [], []]);
	});
	it('publishes both from the first day, with the story and the photo of the public candidate', () => {
		const pub = exemplarPublication(d(), '2023-01-09');
		expect(pub.exemplars.map((e) => [e.id, e.stage])).toEqual([['c1', 'publicizing']]);
		expect(pub.notices).toEqual([
			{
				id: 'GS-1',
				year: 2022,
				title: '2022年度拟认定人选公示',
				docNumber: undefined,
				start: '2023-01-09',
				end: '2023-01-17',
				workdays: 7,
				state: 'open',
				candidateIds: ['c1'],
			},
		]);
		expect(pub.files[0].photos).toEqual([
			{ path: 'exemplars/photos/c1.jpg', src: '/exemplars/2022/c1/photo-1.jpg' },
		]);
		expect(pub.files[0].story).toContain('#');
	});
	it('closes the notice after its 7th working day and recognises the candidate', () => {
		const pub = exemplarPublication(d(), '2023-01-18');
		expect(pub.notices[0].state).toBe('closed');
		expect(pub.exemplars[0]).toMatchObject({ stage: 'recognized', recognizedOn: '2023-01-18' });
	});
	it('leaves out a started notice no candidate is on, which would announce 0 人, and accounts it as such', () => {
		const notices = `${fixtureText('exemplars/notices.csv')}GS-2,2022,2022年度第二批拟认定人选公示,2023-01-10,\n`;
		const data = validateDataset(fixture({ 'exemplars/notices.csv': notices }), 'data/');
		expect(exemplarPublication(data, '2023-01-18').notices.map((n) => n.id)).toEqual(['GS-1']);
		const account = accountRows(data, '2023-01-18').find((a) => a.file === 'data/exemplars/notices.csv');
		expect(account).toMatchObject({ published: 1, withheld: [{ rule: '公示中没有候选人', count: 1 }] });
		// Before its first day it is withheld as not yet started, as any notice.
		expect(
			accountRows(data, '2023-01-09').find((a) => a.file === 'data/exemplars/notices.csv'),
		).toMatchObject({
			published: 1,
			withheld: [{ rule: '公示尚未开始', count: 1 }],
		});
	});
});

describe('photos are published without hidden metadata', () => {
	const jpeg = new Uint8Array(readFileSync(join(FIXTURES, 'valid', 'exemplars', 'photos', 'c1.jpg')));
	const segment = (marker: number, text: string) => {
		const body = new TextEncoder().encode(text);
		return [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
	};
	it('drops EXIF (APP1) and comments (COM) from a JPEG, keeping the picture byte for byte', () => {
		const tainted = Uint8Array.from([
			0xff,
			0xd8,
			...segment(0xe1, 'Exif\0\0 owner 孙联系 13900009999'),
			...segment(0xfe, 'call 13900009999'),
			...jpeg.subarray(2),
		]);
		const clean = stripJpegMetadata(tainted);
		expect(Buffer.from(clean).includes('13900009999')).toBe(false);
		expect(Buffer.from(clean).equals(Buffer.from(stripJpegMetadata(jpeg)))).toBe(true);
		expect(imageSize(clean)).toMatchObject({ width: 120, height: 160, type: 'jpg' });
	});
	it('keeps APP0 and APP14 only in their fixed JFIF and Adobe forms: a payload or thumbnail in them goes', () => {
		const jfif = [...'JFIF\0'].map((c) => c.charCodeAt(0));
		// JFIF 1.01, units 1, density 72 × 72, then a "thumbnail" of 1 × 1 and text after the fields.
		const fields = [1, 1, 1, 0, 72, 0, 72];
		const payload = [...new TextEncoder().encode('13800138000 11010519491231002X')];
		const app0 = [...jfif, ...fields, 1, 1, ...payload];
		const adobe = [...'Adobe'].map((c) => c.charCodeAt(0));
		const app14 = [...adobe, 0, 100, 0, 0, 0, 0, 1, ...payload];
		const seg = (marker: number, body: number[]) => [
			0xff,
			marker,
			(body.length + 2) >> 8,
			(body.length + 2) & 0xff,
			...body,
		];
		const tainted = Uint8Array.from([
			0xff,
			0xd8,
			...seg(0xe0, app0),
			...seg(0xe0, [...'JFXX\0'].map((c) => c.charCodeAt(0)).concat(payload)),
			...seg(0xee, app14),
			...jpeg.subarray(2),
		]);
		const clean = Buffer.from(stripJpegMetadata(tainted));
		expect(clean.includes('13800138000')).toBe(false);
		// The headers rewritten to their fixed length, thumbnail 0 × 0; then the picture as before.
		expect([...clean.subarray(0, 36)]).toEqual([
			0xff,
			0xd8,
			...[0xff, 0xe0, 0, 16, ...jfif, ...fields, 0, 0],
			...[0xff, 0xee, 0, 14, ...adobe, 0, 100, 0, 0, 0, 0, 1],
		]);
		expect(imageSize(clean)).toMatchObject({ width: 120, height: 160, type: 'jpg' });
	});
	it('drops a segment no decoder needs, and a DNL longer than its 4 bytes, wherever it is', () => {
		// An audit's photo: a DNL (0xDC) before the scan carrying an ID number and a mobile; sharp decoded it.
		const sos = jpeg.findIndex((b, k) => b === 0xff && jpeg[k + 1] === 0xda);
		expect(sos).toBeGreaterThan(2);
		const tainted = Uint8Array.from([
			...jpeg.subarray(0, sos),
			...segment(0xdc, '身份证 320803199001010015 手机 13800001111'),
			...segment(0xf0, 'JPG0 13800001111'),
			...jpeg.subarray(sos),
			// After the end of the image.
			...new TextEncoder().encode('13800001111'),
		]);
		const clean = Buffer.from(stripJpegMetadata(tainted));
		expect(clean.includes('13800001111')).toBe(false);
		expect(clean.equals(Buffer.from(stripJpegMetadata(jpeg)))).toBe(true);
		// A DNL of its fixed length (the number of lines, 160) is kept.
		const dnl = [0xff, 0xdc, 0x00, 0x04, 0x00, 0xa0];
		const withDnl = Uint8Array.from([...jpeg.subarray(0, sos), ...dnl, ...jpeg.subarray(sos)]);
		expect(Buffer.from(stripJpegMetadata(withDnl)).includes(Buffer.from(dnl))).toBe(true);
	});
	it('keeps a JPEG without metadata as it is', () => {
		const plain = stripJpegMetadata(jpeg);
		// c1.jpg has an APP0 (JFIF) header at most; nothing else may change.
		expect(plain.length).toBeLessThanOrEqual(jpeg.length);
		expect(Buffer.from(plain.subarray(-64)).equals(Buffer.from(jpeg.subarray(-64)))).toBe(true);
	});
	it('drops text chunks from a PNG', () => {
		const chunk = (type: string, data: Uint8Array) => {
			const td = Uint8Array.from([...new TextEncoder().encode(type), ...data]);
			const len = Buffer.alloc(4);
			len.writeUInt32BE(data.length);
			const crc = Buffer.alloc(4);
			crc.writeUInt32BE(crc32(td));
			return [...len, ...td, ...crc];
		};
		const ihdr = Buffer.alloc(13);
		ihdr.writeUInt32BE(120, 0);
		ihdr.writeUInt32BE(160, 4);
		ihdr[8] = 8; // bit depth
		ihdr[9] = 0; // greyscale
		const png = Uint8Array.from([
			0x89,
			0x50,
			0x4e,
			0x47,
			0x0d,
			0x0a,
			0x1a,
			0x0a,
			...chunk('IHDR', ihdr),
			...chunk('tEXt', new TextEncoder().encode('Author\0孙联系 13900009999')),
			...chunk('IDAT', new Uint8Array([1, 2, 3])),
			...chunk('IEND', new Uint8Array()),
		]);
		const clean = stripPngMetadata(png);
		expect(Buffer.from(clean).includes('13900009999')).toBe(false);
		expect(Buffer.from(clean).includes('IDAT')).toBe(true);
		expect(imageSize(clean)).toMatchObject({ width: 120, height: 160, type: 'png' });
		// A palette in a true-colour image (type 2), where no browser uses one, and a gAMA of the wrong length: both
		// carried text (an audit's photo); a palette of a palette image (type 3) and a gAMA of 4 bytes are kept.
		const text = new TextEncoder().encode('身份证 320803199001010015  ');
		expect(text.length % 3).toBe(0);
		const made = (type: number, ...chunks: number[][]) => {
			const h = Buffer.from(ihdr);
			h[9] = type;
			return Uint8Array.from([
				...png.subarray(0, 8),
				...chunk('IHDR', h),
				...chunks.flat(),
				...chunk('IEND', new Uint8Array()),
			]);
		};
		const gama = chunk('gAMA', new Uint8Array([0, 0, 0xb1, 0x8f]));
		const rgb = Buffer.from(
			stripPngMetadata(
				made(2, chunk('PLTE', text), chunk('gAMA', text), gama, chunk('IDAT', new Uint8Array([1]))),
			),
		);
		expect(rgb.includes('320803199001010015')).toBe(false);
		expect(rgb.includes(Buffer.from(gama))).toBe(true);
		const palette = chunk('PLTE', new Uint8Array([0, 0, 0, 255, 255, 255]));
		expect(
			Buffer.from(stripPngMetadata(made(3, palette, chunk('IDAT', new Uint8Array([1]))))).includes(
				Buffer.from(palette),
			),
		).toBe(true);
		// After IEND nothing is read, even bytes shaped like an image-data chunk; a palette image's transparency has at
		// most one entry per palette colour (256), so a longer tRNS carries something else.
		const after = Buffer.from(
			stripPngMetadata(
				Uint8Array.from([...made(3, palette, chunk('IDAT', new Uint8Array([1]))), ...chunk('IDAT', text)]),
			),
		);
		expect(after.includes('320803199001010015')).toBe(false);
		expect(after.subarray(-12).includes('IEND')).toBe(true);
		const long = new Uint8Array(257).fill(0x20);
		long.set(text);
		expect(
			Buffer.from(
				stripPngMetadata(made(3, palette, chunk('tRNS', long), chunk('IDAT', new Uint8Array([1])))),
			).includes('320803199001010015'),
		).toBe(false);
		const alpha = chunk('tRNS', new Uint8Array([0, 255]));
		expect(
			Buffer.from(stripPngMetadata(made(3, palette, alpha, chunk('IDAT', new Uint8Array([1]))))).includes(
				Buffer.from(alpha),
			),
		).toBe(true);
	});
});

describe('formatting', () => {
	it('writes the 公示 period with both dates and its length', () => {
		expect(noticePeriod('2026-11-18', '2026-11-26')).toBe('2026年11月18日至2026年11月26日（7 个工作日）');
	});
	it('says objections are taken on the 公示’s last day too, as the lifecycle takes them', () => {
		// The 2026 notice's 7th working day is 2026-11-26 (11-18 to 11-20, 11-23 to 11-26); an objection received that day
		// keeps the candidate 待核实. The old wording "2026年11月26日前" read as "before the 26th".
		expect(objectionsUntil('2026-11-26')).toBe('2026年11月26日前，含当日');
	});
});

/** Every order of a few rows: an ordering rule must hold whatever order the office's file lists them in. */
const permutations = <T>(xs: readonly T[]): T[][] =>
	xs.length <= 1
		? [[...xs]]
		: xs.flatMap((x, i) => permutations(xs.filter((_, j) => j !== i)).map((p) => [x, ...p]));

describe('the publication of the demo data (data/: GS-2022-01 from 2023-01-09, GS-2026-01 from 2026-11-18)', () => {
	// Validated in each test, not once for the block: mutation testing attributes what a block computes to no test.
	const demo = () => validateDataset(memFiles(readFolder(join(import.meta.dirname, '../../data'))), 'data/');
	/**
	 * By hand from data/exemplars: GS-2026-01 runs 11-18 … 11-26 (seven working days, Wednesday to Thursday), with
	 * 2026-001 (an objection on 11-20, not yet concluded), 2026-002 and 2026-003; 2026-004 awaits a notice and 2026-005
	 * failed 评审, so neither is public. GS-2022-01 ran 2023-01-09 … 01-17: 2022-001, 002 and 004 recognised on 01-18,
	 * 2022-003 revoked on 2023-06-20; 2022-005 never had a notice.
	 */
	const EXPECTED = [
		['2026-001', 'verifying'],
		['2026-002', 'publicizing'],
		['2026-003', 'publicizing'],
		['2022-001', 'recognized'],
		['2022-002', 'recognized'],
		['2022-003', 'revoked'],
		['2022-004', 'recognized'],
	];
	it('publishes the public candidates, newest year first then by id, whatever the order of the files', () => {
		const d = demo();
		expect(d.issues.filter((i) => i.severity === 'error')).toEqual([]);
		for (const data of [
			d,
			{ ...d, candidates: [...d.candidates].reverse(), notices: [...d.notices].reverse() },
		]) {
			const pub = exemplarPublication(data, '2026-11-20');
			expect(pub.exemplars.map((e) => [e.id, e.stage])).toEqual(EXPECTED);
			expect(pub.files.map((f) => f.candidateId).sort()).toEqual(EXPECTED.map(([id]) => id).sort());
		}
	});
	it('names each recommending unit as it was called on the recommendation date, with its category', () => {
		const e = exemplarPublication(demo(), '2026-11-20').exemplars.find((x) => x.id === '2022-002')!;
		expect([e.recommender, e.recommenderId, e.unitCategory]).toEqual(['施河镇', 'shz', 'town']);
	});
	it('lists the notices that have started, newest first, open through the 7th working day and closed after', () => {
		const notices = (asOf: string) =>
			exemplarPublication(demo(), asOf).notices.map((n) => [
				n.id,
				n.docNumber,
				n.start,
				n.end,
				n.state,
				n.candidateIds,
			]);
		const old = [
			'GS-2022-01',
			'淮信用办〔2023〕1号',
			'2023-01-09',
			'2023-01-17',
			'closed',
			['2022-001', '2022-002', '2022-003', '2022-004'],
		];
		const current = ['2026-001', '2026-002', '2026-003'];
		expect(notices('2026-11-17')).toEqual([old]);
		expect(notices('2026-11-26')).toEqual([
			['GS-2026-01', '淮信用办〔2026〕12号', '2026-11-18', '2026-11-26', 'open', current],
			old,
		]);
		expect(notices('2026-11-27')[0].slice(4)).toEqual(['closed', current]);
	});
	it('orders notices of one start day by id, and leaves out a started notice no candidate is on', () => {
		const d = demo();
		const gs = d.notices.find((n) => n.value.id === 'GS-2026-01')!;
		const notice = (id: string) => ({ ...gs, value: { ...gs.value, id, docNumber: '' } });
		// A candidate of GS-2026-01 copied onto GS-2026-00 and GS-2026-02; GS-2026-03 has none.
		const c = d.candidates.find((x) => x.value.noticeId === 'GS-2026-01')!;
		const on = (id: string, noticeId: string) => ({ ...c, value: { ...c.value, id, noticeId } });
		const candidates = [...d.candidates, on('2026-090', 'GS-2026-00'), on('2026-092', 'GS-2026-02')];
		const extra = [notice('GS-2026-00'), notice('GS-2026-02'), notice('GS-2026-03')];
		for (const notices of permutations([...d.notices, ...extra])) {
			const pub = exemplarPublication({ ...d, candidates, notices }, '2026-11-20');
			expect(pub.notices.map((n) => [n.id, n.docNumber, n.candidateIds.length])).toEqual([
				['GS-2026-00', undefined, 1],
				['GS-2026-01', '淮信用办〔2026〕12号', 3],
				['GS-2026-02', undefined, 1],
				['GS-2022-01', '淮信用办〔2023〕1号', 4],
			]);
		}
	});
	it('publishes a candidate without photo or story with neither, and a .png.jpg file as a JPEG', () => {
		const d = demo();
		const stories = new Map(d.stories);
		stories.delete('2026-002');
		const pub = exemplarPublication(
			{
				...d,
				stories,
				photos: d.photos
					.filter((p) => p.candidateId !== '2026-002')
					.map((p) => (p.candidateId === '2026-003' ? { ...p, file: '2026-003.png.jpg' } : p)),
			},
			'2026-11-20',
		);
		const files = (id: string) => pub.files.find((f) => f.candidateId === id)!;
		const record = (id: string) => pub.exemplars.find((e) => e.id === id)!;
		expect([files('2026-002').story, files('2026-002').photos, record('2026-002').photos]).toEqual([
			undefined,
			[],
			[],
		]);
		expect(record('2026-003').photos.map((p) => p.src)).toEqual(['/exemplars/2026/2026-003/photo-1.jpg']);
		expect(files('2026-003').photos).toEqual([
			{ path: 'exemplars/photos/2026-003.jpg', src: '/exemplars/2026/2026-003/photo-1.jpg' },
		]);
		expect(files('2026-001').story).toContain('吴晓东');
	});
	it('tells the office where each candidate not yet public stands', () => {
		// 2026-004: two of the four bodies have replied; 2026-005: 评审 said no; 2022-005: a hit in 信用审查.
		const l = lifecycles(demo(), '2026-11-20');
		expect(
			['2026-004', '2026-005', '2022-005'].map((id) => [id, l.get(id)!.stage, l.get(id)!.public]),
		).toEqual([
			['2026-004', 'reviewing', false],
			['2026-005', 'failed', false],
			['2022-005', 'disqualified', false],
		]);
	});
	it('keeps 出生年月, 政治面貌 and 文化程度 private when there is no site.json', () => {
		const d = demo();
		const pub = exemplarPublication({ ...d, site: undefined }, '2026-11-20');
		expect(pub.exemplars.length).toBe(7);
		for (const e of pub.exemplars)
			expect([e.birth, e.political, e.education]).toEqual([undefined, undefined, undefined]);
	});
});
