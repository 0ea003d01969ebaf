/**
 * Contained photos (issue 15 item 3): a photo is read only from the data folder's `exemplars/photos/` — a name with
 * `..`, an absolute path or a folder is refused at its candidates.csv cell and never read — and every photo is fully
 * decoded at validation: a truncated or corrupt JPEG or PNG is an error before any page is built, and whatever the
 * validator accepts, the build's photo step (`publishablePhoto`, which strips metadata) processes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { validateDataset, type DataFiles } from '../../../src/lib/validate/dataset.ts';
import { decodePhotos, startDecoding, type PhotoDecoder } from '../../../src/lib/validate/photo-pixels.ts';
import { decodeWithSharp } from '../../../src/loaders/data-dir.ts';
import { publishablePhoto } from '../../../src/lib/exemplars/photo.ts';
import { formatIssue } from '../../../src/lib/issues.ts';
import { FIXTURES, fixture, fixtureText, readFolder, memFiles } from '../../helpers/files.ts';
import { prng } from '../../../scripts/lib/gen-scale/random.ts';

const PHOTO = new Uint8Array(readFileSync(join(FIXTURES, 'valid', 'exemplars', 'photos', 'c1.jpg')));
const DEMO_PHOTOS = ['2022-001', '2022-002', '2022-003', '2026-001', '2026-002'].map(
	(id) =>
		new Uint8Array(readFileSync(join(FIXTURES, '..', '..', 'data', 'exemplars', 'photos', `${id}.jpg`))),
);

/** candidates.csv of the valid fixture with c1's 照片 cell replaced. */
const photoCell = (cell: string) =>
	fixtureText('exemplars/candidates.csv').replace(',c1.jpg,', `,${cell.includes(',') ? `"${cell}"` : cell},`);

/** A view of the fixture that records every path read. */
function recorded(patches: Parameters<typeof fixture>[0]): { files: DataFiles; reads: string[] } {
	const inner = fixture(patches);
	const reads: string[] = [];
	return {
		reads,
		files: { ...inner, read: (p) => (reads.push(p), inner.read(p)) },
	};
}

/** Validation as `npm run validate` does it on a folder: the checks, then every accepted photo decoded. */
async function validateFully(files: DataFiles) {
	const d = validateDataset(files, 'data/');
	await decodePhotos(d, files, decodeWithSharp, 'data/');
	return d;
}
const photoLines = (lines: string[]) => lines.filter((l) => /photos|照片/.test(l));

describe('a photo is read only from the photo folder', () => {
	it('refuses a name that climbs out, is absolute or names a folder, at its cell, and reads nothing', () => {
		for (const cell of ['../../../secret.csv', '/etc/passwd', 'sub/c1.jpg', '..\\..\\x.jpg', '.hidden.jpg']) {
			const { files, reads } = recorded({ 'exemplars/candidates.csv': photoCell(cell) });
			const lines = validateDataset(files, 'data/').issues.map(formatIssue);
			expect(reads.filter((p) => p.startsWith('exemplars/photos/'))).toEqual([]);
			expect(lines.filter((l) => /missing-file|outside-data/.test(l))).toEqual([]);
			expect(lines.filter((l) => l.includes('(photo-name)'))).toHaveLength(1);
		}
		const { files } = recorded({ 'exemplars/candidates.csv': photoCell('../../../secret.csv、/etc/passwd') });
		expect(photoLines(validateDataset(files, 'data/').issues.map(formatIssue))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:19: 第 2 行第 19 列（照片）：照片文件名 "../../../secret.csv" 不允许：不能含有 ..（指向上级目录）。照片放在 exemplars/photos/ 中，这里只填文件名，如 c1.jpg (photo-name)",
			  "data/exemplars/candidates.csv:2:19: 第 2 行第 19 列（照片）：照片文件名 "/etc/passwd" 不允许：不能含有 / 或 \\：只写文件名，不写文件夹或路径。照片放在 exemplars/photos/ 中，这里只填文件名，如 c1.jpg (photo-name)",
			  "data/exemplars/photos/c1.jpg:1:1: 警告：没有候选人引用这张照片，不会发布 (unused-file)",
			]
		`);
	});
});

describe('every photo is fully decoded at validation', () => {
	it('refuses a JPEG cut short (no end marker) before any page is built', () => {
		const d = validateDataset(fixture({ 'exemplars/photos/c1.jpg': PHOTO.slice(0, 200) }), 'data/');
		expect(d.photos).toEqual([]);
		expect(photoLines(d.issues.map(formatIssue))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/photos/c1.jpg:1:1: 照片无法读取：JPEG 文件不完整（缺少结束标记）。请用看图软件打开确认，重新导出为 JPEG 或 PNG 后再提交 (photo-corrupt)",
			]
		`);
	});

	it('refuses a JPEG whose quantisation table segment is corrupt (one bit flipped)', async () => {
		const corrupt = PHOTO.slice();
		corrupt[6] ^= 0x01; // DQT's table id 0 → 1: the frame then uses a table that is never defined
		const d = await validateFully(fixture({ 'exemplars/photos/c1.jpg': corrupt }));
		expect(d.photos).toEqual([]);
		expect(photoLines(d.issues.map(formatIssue))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/photos/c1.jpg:1:1: 照片无法读取：图像数据不完整或已损坏。请用看图软件打开确认，重新导出为 JPEG 或 PNG 后再提交 (photo-corrupt)",
			]
		`);
	});

	it('decodes the photo files while the checks run, once each, and reports only the photos the checks accept', async () => {
		const corrupt = PHOTO.slice();
		corrupt[6] ^= 0x01; // as above: the header is fine, the image data is not
		const files = fixture({
			'exemplars/photos/c1.jpg': corrupt,
			// Not named by any candidate: decoded early for nothing, and only its unused-file warning is reported.
			'exemplars/photos/spare.jpg': corrupt,
			// Too large to be a photo (the checks refuse it unread), and not an image name: neither is decoded.
			// A real JPEG with bytes after its end, so only its size keeps it from the decoder.
			'exemplars/photos/big.jpg': Uint8Array.from([...PHOTO, ...new Uint8Array(31 * 1024 - PHOTO.length)]),
			'exemplars/photos/notes.txt': 'c1.jpg 是一寸照',
		});
		let calls = 0;
		const counted: PhotoDecoder = (bytes) => (calls++, decodeWithSharp(bytes));
		const early = startDecoding(files, counted);
		// Begun before any check has run: c1.jpg and spare.jpg.
		expect(calls).toBe(2);
		const d = validateDataset(files, 'data/');
		await decodePhotos(d, files, counted, 'data/', early);
		expect(calls).toBe(2);
		expect(d.photos).toEqual([]);
		expect(
			d.issues
				.map(formatIssue)
				.filter((l) => /photo-corrupt|unused-file/.test(l))
				.map((l) => l.replace(/：.*\(/, ' … ('))
				.sort(),
		).toEqual([
			'data/exemplars/photos/big.jpg:1:1: 警告 … (unused-file)',
			'data/exemplars/photos/c1.jpg:1:1: 照片无法读取 … (photo-corrupt)',
			'data/exemplars/photos/notes.txt:1:1: 警告 … (unused-file)',
			'data/exemplars/photos/spare.jpg:1:1: 警告 … (unused-file)',
		]);
	});

	it('refuses a PNG whose image data is cut short, and accepts the same PNG whole', async () => {
		const png = new Uint8Array(
			await sharp({ create: { width: 120, height: 160, channels: 3, background: '#8a6' } })
				.png()
				.toBuffer(),
		);
		const withPng = (bytes: Uint8Array) =>
			fixture({
				'exemplars/candidates.csv': photoCell('c1.png'),
				'exemplars/photos/c1.jpg': null,
				'exemplars/photos/c1.png': bytes,
			});
		expect((await validateFully(withPng(png))).issues).toEqual([]);
		// The IDAT chunk's last bytes and the IEND chunk gone: the header still says 120×160.
		const d = await validateFully(withPng(png.slice(0, png.length - 20)));
		expect(d.photos).toEqual([]);
		expect(photoLines(d.issues.map(formatIssue))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/photos/c1.png:1:1: 照片无法读取：图像数据不完整或已损坏。请用看图软件打开确认，重新导出为 JPEG 或 PNG 后再提交 (photo-corrupt)",
			]
		`);
	});

	it(
		'lets no fuzzed photo through that the build cannot process: 600 truncations and byte flips',
		{ timeout: 300_000 },
		async () => {
			// Seeded, so a failing case can be replayed from its number.
			const r = prng(20221122).next;
			const base = readFolder(join(FIXTURES, 'valid'));
			const outcome = { accepted: 0, refused: 0 };
			const crashes: string[] = [];
			for (let i = 0; i < 600; i++) {
				const photo = DEMO_PHOTOS[Math.floor(r() * DEMO_PHOTOS.length)];
				const b = photo.slice();
				const how = Math.floor(r() * 3);
				let mutated: Uint8Array;
				if (how === 0) mutated = b.slice(0, Math.floor(r() * b.length));
				else {
					// Anywhere, or among the segments before the image data (quantisation and Huffman tables, frame header).
					const at = Math.floor(r() * (how === 1 ? b.length : Math.min(200, b.length)));
					b[at] ^= 1 << Math.floor(r() * 8);
					mutated = b;
				}
				const files = new Map(base);
				files.set('exemplars/photos/c1.jpg', mutated);
				const d = await validateFully(memFiles(files));
				if (d.issues.some((x) => x.severity === 'error')) {
					outcome.refused++;
					continue;
				}
				outcome.accepted++;
				// What the build does with an accepted photo: strip its metadata, serve the bytes; a browser decodes them.
				try {
					await sharp(publishablePhoto(mutated).bytes, { failOn: 'warning' }).raw().toBuffer();
				} catch (e) {
					crashes.push(`case ${i}: ${(e as Error).message}`);
				}
			}
			expect(crashes).toEqual([]);
			// Both outcomes happen: a flipped bit inside the picture data often still decodes; a cut never does.
			expect(outcome.accepted).toBeGreaterThan(50);
			expect(outcome.refused).toBeGreaterThan(200);
		},
	);
});

describe('a photo whose pixels are not the size its header says', () => {
	it('is refused whichever side differs, and not published', async () => {
		for (const [width, height] of [
			[120, 161],
			[121, 160],
		]) {
			const d = validateDataset(fixture(), 'data/');
			expect(d.photos.map((p) => p.path)).toEqual(['exemplars/photos/c1.jpg']);
			await decodePhotos(d, fixture(), async () => ({ width, height }), 'data/');
			expect(d.photos).toEqual([]);
			expect(d.issues.filter((i) => i.code === 'photo-corrupt').map((i) => i.message)).toEqual([
				`照片无法读取：文件头写的是 120×160 像素，图像数据却是 ${width}×${height} 像素。请用看图软件打开确认，重新导出为 JPEG 或 PNG 后再提交`,
			]);
		}
	});
});
