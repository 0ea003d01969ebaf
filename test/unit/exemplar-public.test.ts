import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { imageSize } from 'image-size';
import type { CandidateRow } from '../../src/schemas/candidate.ts';
import { deriveLifecycle, type Lifecycle, type LifecycleFacts } from '../../src/lib/exemplars/lifecycle.ts';
import {
	exemplarCsvColumns,
	exemplarOpenRecord,
	incentiveList,
	NOT_RECOGNIZED_REASON,
	publicExemplarSchema,
	toPublicExemplar,
	type ExemplarSource,
} from '../../src/lib/exemplars/public.ts';
import { exemplarPublication } from '../../src/lib/exemplars/publish.ts';
import { stripJpegMetadata, stripPngMetadata } from '../../src/lib/exemplars/photo.ts';
import { noticePeriod } from '../../src/lib/exemplars/format.ts';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { FIXTURES, fixture } from '../helpers/files.ts';

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
		expect([p.status, p.statusLabel]).toEqual(['publicizing', '公示中（异议待核实）']);
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
			revokedReason: NOT_RECOGNIZED_REASON,
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
	});
});

describe('formatting', () => {
	it('writes the 公示 period with both dates and its length', () => {
		expect(noticePeriod('2026-11-18', '2026-11-26')).toBe('2026年11月18日至2026年11月26日（7 个工作日）');
	});
});
