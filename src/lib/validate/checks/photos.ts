/** `exemplars/photos/`: the photos a candidate's 照片 cell names. */
import { imageSize } from 'image-size';
import type { CandidateRow } from '../../../schemas/candidate.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import type { Candidates } from './candidates.ts';

/** Largest photo size: seed 000 附件1 注 "小于 30KB" (30 × 1024 bytes). */
export const PHOTO_MAX_BYTES = 30 * 1024;
/** Photo size in pixels: seed 000 附件1 注 "120 像素×160 像素" (width × height). */
export const PHOTO_WIDTH = 120;
export const PHOTO_HEIGHT = 160;

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
		const names = (c.value.photos ?? '')
			.split(/[、,，;；]/)
			.map((s) => s.trim())
			.filter(Boolean);
		if (names.length > 2) ctx.at(c, 'photos', 'too-many', '照片最多 2 张（seed 000 附件1 注）');
		if (names.length > 0 && !c.value.photoAlt)
			ctx.at(c, 'photoAlt', 'required', '有照片时要填写"照片说明"（供读屏软件朗读的替代文本）');
		for (const name of names) {
			used.add(name);
			const photo = readPhoto(ctx, c, name);
			if (photo) photos.push(photo);
		}
	}
	for (const name of ctx.files.list('exemplars/photos'))
		if (!used.has(name))
			ctx.warn(ctx.path(`exemplars/photos/${name}`), 1, 1, 'unused-file', '没有候选人引用这张照片，不会发布');
	return photos;
}

/** One photo a candidate names, or undefined when it is missing or does not fit (its problems are reported). */
function readPhoto(ctx: CheckContext, c: Located<CandidateRow>, name: string): Photo | undefined {
	const rel = `exemplars/photos/${name}`;
	const file = ctx.path(rel);
	const bytes = ctx.files.read(rel);
	if (!bytes) {
		ctx.at(c, 'photos', 'missing-file', `照片 data/${rel} 不存在`);
		return undefined;
	}
	let dims: { width?: number; height?: number; type?: string };
	try {
		dims = imageSize(bytes);
	} catch {
		ctx.error(file, 1, 1, 'photo-format', '无法识别的图片文件：请使用 JPEG 或 PNG');
		return undefined;
	}
	const before = ctx.errorCount;
	if (!['jpg', 'png'].includes(dims.type ?? ''))
		ctx.error(file, 1, 1, 'photo-format', `照片格式是 ${dims.type}，请使用 JPEG 或 PNG`);
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
	return {
		candidateId: c.value.id,
		file: name,
		path: rel,
		width: dims.width!,
		height: dims.height!,
		bytes: bytes.length,
	};
}
