import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { fixtureText } from '../../helpers/files.ts';
import { report, validate } from '../../helpers/validate.ts';

const CANDIDATES = fixtureText('exemplars/candidates.csv');
/** c1 naming other photos (照片) with another 照片说明. */
const c1Photos = (photos: string, alt = '张测试工作照') => ({
	'exemplars/candidates.csv': CANDIDATES.replace(',c1.jpg,张测试工作照,', `,${photos},${alt},`),
});
const image = (width: number, height: number, format: 'jpeg' | 'gif') =>
	sharp({ create: { width, height, channels: 3, background: '#ccc' } })
		[format]()
		.toBuffer()
		.then((b) => new Uint8Array(b));

describe('exemplars/photos/', () => {
	it('reads each photo a candidate names, with its size', () => {
		expect(validate().photos).toEqual([
			{
				candidateId: 'c1',
				file: 'c1.jpg',
				path: 'exemplars/photos/c1.jpg',
				width: 120,
				height: 160,
				bytes: 387,
			},
		]);
	});

	it('rejects more than two photos of a candidate', () => {
		expect(report(c1Photos('c1.jpg、c1.jpg，c1.jpg'))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:19: 第 2 行第 19 列（照片）：照片最多 2 张（seed 000 附件1 注） (too-many)",
			]
		`);
	});

	it('requires a description of the photos for screen readers', () => {
		expect(report(c1Photos('c1.jpg', ''))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:20: 第 2 行第 20 列（照片说明）：有照片时要填写"照片说明"（供读屏软件朗读的替代文本） (required)",
			]
		`);
	});

	it('reports a photo named in candidates.csv that is not there', () => {
		expect(report(c1Photos('c2.jpg'))).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:19: 第 2 行第 19 列（照片）：照片 "c2.jpg" 在 data/exemplars/photos/ 中不存在 (missing-file)",
			  "data/exemplars/photos/c1.jpg:1:1: 警告：没有候选人引用这张照片，不会发布 (unused-file)",
			]
		`);
	});

	it('says a photo waits for its candidate when only a refused row names it, not that nobody names it', () => {
		const refused = {
			'exemplars/candidates.csv': CANDIDATES.replace(
				',同意推荐,2022-12-01,c1.jpg,',
				',同意推荐,2022-13-01,c1.jpg,',
			),
		};
		expect(report(refused)).toMatchInlineSnapshot(`
			[
			  "data/exemplars/candidates.csv:2:18: 第 2 行第 18 列（推荐日期）：日期 "2022-13-01" 不存在，请核对年月日 (date-invalid)",
			  "data/exemplars/photos/c1.jpg:1:1: 警告：引用这张照片的候选人行有错误（见 exemplars/candidates.csv 的报告），改正那一行之前不会发布这张照片 (unused-file)",
			]
		`);
	});

	it('says nothing of the photos when candidates.csv cannot be read at all: which row names which is unknown', () => {
		const utf16 = Buffer.concat([
			Buffer.from([0xff, 0xfe]),
			Buffer.from(CANDIDATES.replace(/,/g, '\t'), 'utf16le'),
		]);
		const d = validate({ 'exemplars/candidates.csv': new Uint8Array(utf16), 'exemplars/photos/c9.jpg': 'x' });
		expect(d.issues.map((i) => `${i.file} ${i.code}`)).toEqual([
			'data/exemplars/candidates.csv bad-encoding',
		]);
		expect(d.photos).toEqual([]);
	});

	it('rejects a photo with a rotation tag other than 1, which the published photo loses, and takes tag 1', async () => {
		const tagged = (orientation: number) =>
			sharp({ create: { width: 120, height: 160, channels: 3, background: '#ccc' } })
				.jpeg()
				.withMetadata({ orientation })
				.toBuffer()
				.then((b) => new Uint8Array(b));
		expect(report({ 'exemplars/photos/c1.jpg': await tagged(6) })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/photos/c1.jpg:1:1: 照片带有相机的旋转标记（EXIF 方向 6）：看图软件按标记把它转正显示，网站发布时会去掉这些附加信息，照片会横躺或倒置，尺寸也按没有转正的 120×160 计算。请用画图等软件把照片转正后另存为新的 JPEG，再放回来 (photo-orientation)",
			]
		`);
		expect(report({ 'exemplars/photos/c1.jpg': await tagged(1) })).toEqual([]);
	});

	it('rejects a photo that is not 120×160 px', async () => {
		expect(report({ 'exemplars/photos/c1.jpg': await image(160, 120, 'jpeg') })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/photos/c1.jpg:1:1: 照片是 160×120 像素，应为 120×160 像素（宽×高，seed 000 附件1 注） (photo-size)",
			]
		`);
	});

	it('rejects a photo of 30 KB or more', async () => {
		const noise = Buffer.alloc(120 * 160 * 3);
		for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
		const photo = await sharp(noise, { raw: { width: 120, height: 160, channels: 3 } })
			.png({ compressionLevel: 0 })
			.toBuffer();
		expect(photo.length).toBeGreaterThanOrEqual(30 * 1024);
		const d = validate({ 'exemplars/photos/c1.jpg': new Uint8Array(photo) });
		expect(d.issues.map((i) => i.code)).toEqual(['photo-bytes']);
		expect(d.photos).toEqual([]);
		expect(d.issues[0].message).toBe(
			`照片 ${(photo.length / 1024).toFixed(1)} KB，应小于 30 KB（seed 000 附件1 注）`,
		);
	});

	it('rejects a GIF, and a file that is no image at all', async () => {
		const patches = {
			...c1Photos('c1.gif、c1.jpg'),
			'exemplars/photos/c1.gif': await image(120, 160, 'gif'),
			'exemplars/photos/c1.jpg': new TextEncoder().encode('不是图片'),
		};
		expect(report(patches)).toMatchInlineSnapshot(`
			[
			  "data/exemplars/photos/c1.gif:1:1: 照片格式是 gif，请使用 JPEG 或 PNG (photo-format)",
			  "data/exemplars/photos/c1.jpg:1:1: 无法识别的图片文件：请使用 JPEG 或 PNG (photo-format)",
			]
		`);
	});

	it('warns about a photo no candidate names: it is not published', () => {
		const d = validate({ 'exemplars/photos/c2.jpg': new Uint8Array(0) });
		expect(d.issues.map((i) => i.severity)).toEqual(['warning']);
		expect(report({ 'exemplars/photos/c2.jpg': new Uint8Array(0) })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/photos/c2.jpg:1:1: 警告：没有候选人引用这张照片，不会发布 (unused-file)",
			]
		`);
	});

	it('reads photo names with spaces around them, and asks no description of a candidate without photos', () => {
		expect(report(c1Photos(' c1.jpg ；'))).toEqual([]);
		// Without a photo: a warning (seed 000 附件1 注 asks for 1–2), no description asked, the candidate published.
		const patches = { ...c1Photos('', ''), 'exemplars/photos/c1.jpg': null };
		expect(report(patches)).toEqual([
			'data/exemplars/candidates.csv:2:19: 警告：第 2 行第 19 列（照片）：没有照片：推荐材料应附 1—2 张电子照片（seed 000 附件1 注），120×160 像素、小于 30KB，放在 exemplars/photos/，这里填文件名，如 c1.jpg；没有照片也照常发布 (missing-photo)',
		]);
		expect(validate(patches).candidates.map((c) => c.value.id)).toEqual(['c1']);
	});
});
