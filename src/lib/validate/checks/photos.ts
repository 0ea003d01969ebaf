/**
 * `exemplars/photos/`: the photos a candidate's 照片 cell names. A photo is read only from this folder (a name is a
 * plain file name, `unsafeFileName`), and only a photo the build can publish is accepted: the build strips its
 * metadata (`publishablePhoto`), which needs a well-formed file, so the check runs the same step. Decoding every pixel
 * needs a real decoder and is asynchronous: `photo-pixels.ts`, run after this by `validateDataDir`.
 */
import { imageSize } from 'image-size';
import { publishablePhoto } from '../../exemplars/photo.ts';
import { unsafeFileName } from '../containment.ts';
import { quoteValue } from '../../quote.ts';
import type { CandidateRow } from '../../../schemas/candidate.ts';
import { readNothing, type Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import type { Candidates } from './candidates.ts';

/** Largest photo size: seed 000 附件1 注 "小于 30KB" (30 × 1024 bytes). */
export const PHOTO_MAX_BYTES = 30 * 1024;
/** Photo size in pixels: seed 000 附件1 注 "120 像素×160 像素" (width × height). */
export const PHOTO_WIDTH = 120;
export const PHOTO_HEIGHT = 160;

/** The message for a photo that is no well-formed image (`detail` says how, in the office's words if it can). */
export const photoUnreadable = (detail: string) =>
	`照片无法读取：${detail}。请用看图软件打开确认，重新导出为 JPEG 或 PNG 后再提交`;

/** A photo of a candidate. */
export interface Photo {
	candidateId: string;
	file: string;
	path: string;
	width: number;
	height: number;
	bytes: number;
}

/**
 * The valid photos, in candidate order: at most two per candidate, described for screen readers, each a JPEG or PNG
 * of 120×160 pixels under 30 KB (seed 000 附件1 注). A photo no candidate names is a warning: it is not published.
 */
export function checkPhotos(ctx: CheckContext, candidates: Candidates): Photo[] {
	const photos: Photo[] = [];
	const used = new Set<string>();
	for (const c of candidates.all) {
		const names = photoNames(c.value.photos ?? '');
		if (names.length > 2) ctx.at(c, 'photos', 'too-many', '照片最多 2 张（seed 000 附件1 注）');
		// The seed asks for 1–2 photos with the recommendation; one missing leaves the profile without a picture, and
		// harms no one: the office is told, and the candidate is published without one.
		if (names.length === 0)
			ctx.at(
				c,
				'photos',
				'missing-photo',
				`没有照片：推荐材料应附 1—2 张电子照片（seed 000 附件1 注），120×160 像素、小于 30KB，放在 exemplars/photos/，这里填文件名，如 ${c.value.id}.jpg；没有照片也照常发布`,
				'warning',
			);
		if (names.length > 0 && !c.value.photoAlt)
			ctx.at(c, 'photoAlt', 'required', '有照片时要填写"照片说明"（供读屏软件朗读的替代文本）');
		for (const name of names) {
			const unsafe = unsafeFileName(name);
			if (unsafe) {
				// Never read: a name like ../../secret.csv would otherwise reach outside the photo folder.
				ctx.at(
					c,
					'photos',
					'photo-name',
					`照片文件名 ${quoteValue(name)} 不允许：${unsafe}。照片放在 exemplars/photos/ 中，这里只填文件名，如 ${c.value.id}.jpg`,
				);
				continue;
			}
			used.add(name);
			const photo = readPhoto(ctx, c, name);
			if (photo) photos.push(photo);
		}
	}
	// A photo that only a refused row names waits for that row; one that no row names is left over. With
	// candidates.csv not read at all, which row names which photo is unknown: the file's own error says enough.
	const named = new Set([...candidates.photoCells].flatMap(photoNames));
	const unread = readNothing(candidates.photoCells);
	for (const name of ctx.files.list('exemplars/photos')) {
		if (used.has(name)) continue;
		if (unread) {
			ctx.read.add(`exemplars/photos/${name}`);
			continue;
		}
		const at = ctx.path(`exemplars/photos/${name}`);
		if (named.has(name))
			ctx.warn(
				at,
				1,
				1,
				'unused-file',
				'引用这张照片的候选人行有错误（见 exemplars/candidates.csv 的报告），改正那一行之前不会发布这张照片',
			);
		else ctx.warn(at, 1, 1, 'unused-file', '没有候选人引用这张照片，不会发布');
	}
	return photos;
}

/** The file names a 照片 cell lists: separated by 、 , ， ; or ；. */
const photoNames = (cell: string) =>
	cell
		.split(/[、,，;；]/)
		.map((s) => s.trim())
		.filter(Boolean);

/** One photo a candidate names, or undefined when it is missing or does not fit (its problems are reported). */
function readPhoto(ctx: CheckContext, c: Located<CandidateRow>, name: string): Photo | undefined {
	const rel = `exemplars/photos/${name}`;
	const file = ctx.path(rel);
	const bytes = ctx.files.read(rel);
	if (!bytes) {
		ctx.at(
			c,
			'photos',
			'missing-file',
			`照片 ${quoteValue(name)} 在 ${ctx.path('exemplars/photos/')} 中不存在`,
		);
		return undefined;
	}
	let dims: { width?: number; height?: number; type?: string; orientation?: number };
	try {
		dims = imageSize(bytes);
	} catch {
		ctx.error(file, 1, 1, 'photo-format', '无法识别的图片文件：请使用 JPEG 或 PNG');
		return undefined;
	}
	const before = ctx.errorCount;
	// Stryker disable next-line StringLiteral: image-size names the type of every image it reads (an unread one was refused above).
	const type = dims.type ?? '';
	if (!['jpg', 'png'].includes(type))
		ctx.error(file, 1, 1, 'photo-format', `照片格式是 ${dims.type}，请使用 JPEG 或 PNG`);
	// A camera's EXIF rotation tag: viewers (and the office's) turn the picture by it, but the site strips a photo's
	// metadata (`publishablePhoto`: a photo's GPS position and the like are personal), so it would show as stored,
	// on its side or upside down, and its size would be the stored one, not what the office sees.
	if (dims.orientation !== undefined && dims.orientation !== 1)
		ctx.error(
			file,
			1,
			1,
			'photo-orientation',
			`照片带有相机的旋转标记（EXIF 方向 ${dims.orientation}）：看图软件按标记把它转正显示，网站发布时会去掉这些附加信息，照片会横躺或倒置，尺寸也按没有转正的 ${dims.width}×${dims.height} 计算。请用画图等软件把照片转正后另存为新的 JPEG，再放回来`,
		);
	if (dims.width !== PHOTO_WIDTH || dims.height !== PHOTO_HEIGHT)
		ctx.error(
			file,
			1,
			1,
			'photo-size',
			`照片是 ${dims.width}×${dims.height} 像素，应为 ${PHOTO_WIDTH}×${PHOTO_HEIGHT} 像素（宽×高，seed 000 附件1 注）`,
		);
	if (bytes.length >= PHOTO_MAX_BYTES)
		ctx.error(
			file,
			1,
			1,
			'photo-bytes',
			`照片 ${(bytes.length / 1024).toFixed(1)} KB，应小于 30 KB（seed 000 附件1 注）`,
		);
	if (ctx.errorCount !== before) return undefined;
	try {
		publishablePhoto(bytes);
	} catch (e) {
		// The build's own step: a photo it cannot strip would stop the build with a stack trace.
		ctx.error(file, 1, 1, 'photo-corrupt', photoUnreadable((e as Error).message));
		return undefined;
	}
	return {
		candidateId: c.value.id,
		file: name,
		path: rel,
		width: dims.width!,
		height: dims.height!,
		bytes: bytes.length,
	};
}
