/** `exemplars/stories/<候选人编号>.mdx`: each candidate's 详细事迹, in restricted MDX. */
import { decodeText } from '../../csv.ts';
import { storyText } from '../story.ts';
import type { CheckContext } from '../context.ts';
import { didYouMean } from '../suggest.ts';
import type { Candidates } from './candidates.ts';
import { quoteValue } from '../../quote.ts';

/** Shortest story: seed 000 附件1 注 "不少于 1500 字". */
export const STORY_MIN_CHARS = 1500;

/** A candidate's story: its text (the MDX source) and its length in 字. */
export interface Story {
	candidateId: string;
	path: string;
	source: string;
	chars: number;
}

/**
 * The valid stories, by candidate id: named for a known candidate, UTF-8, plain MDX (`storyText`), at least
 * 1500 字. Every candidate needs one.
 */
export function checkStories(ctx: CheckContext, candidates: Candidates): Map<string, Story> {
	const stories = new Map<string, Story>();
	const names = ctx.files.list('exemplars/stories');
	for (const name of names) {
		const story = readStory(ctx, name, candidates);
		if (story) stories.set(story.candidateId, story);
	}
	const present = new Set(names);
	for (const c of candidates.all)
		if (!present.has(`${c.value.id}.mdx`))
			ctx.at(
				c,
				'id',
				'missing-story',
				`缺少详细事迹 data/exemplars/stories/${c.value.id}.mdx（不少于 ${STORY_MIN_CHARS} 字，seed 000 附件1 注）`,
			);
	return stories;
}

/** One story file, or undefined when it is not a valid story (its problem is reported). */
function readStory(ctx: CheckContext, name: string, candidates: Candidates): Story | undefined {
	const rel = `exemplars/stories/${name}`;
	const file = ctx.path(rel);
	// Stryker disable next-line Regex: a name that passes the next test ends with .mdx, so its first .mdx is its last.
	const id = name.replace(/\.mdx$/, '');
	if (!name.endsWith('.mdx')) {
		ctx.error(file, 1, 1, 'file-name', '详细事迹文件应为 <候选人编号>.mdx');
		return undefined;
	}
	if (!candidates.byId.has(id)) {
		// The story of a candidate row with an error of its own is known, not unread: the row's error says enough, and
		// the office must not be told to delete the story.
		if (candidates.declared.has(id)) ctx.read.add(rel);
		else
			ctx.error(
				file,
				1,
				1,
				'foreign-key',
				`没有编号为 ${quoteValue(id)} 的候选人（文件名应为候选人编号）${didYouMean(candidates.suggest(id))}`,
			);
		return undefined;
	}
	const bytes = ctx.files.read(rel);
	// Listed but unreadable (the disk view reports why, e.g. a symbolic link): nothing more to say here.
	if (!bytes) return undefined;
	// An .mdx text is read as UTF-8 only (decodeText refuses anything else with the line it fails on).
	const d = decodeText(bytes, file, 'utf-8');
	if (d.text === undefined) {
		ctx.report(d.issues);
		return undefined;
	}
	const s = storyText(d.text, file);
	ctx.report(s.issues);
	// A story is about a person: a contact in it is theirs (or someone's they met), never a unit's service line.
	const personal = ctx.personalNumbers(file, d.text, true, s.blocks);
	if (s.issues.length || personal) return undefined;
	if (s.chars < STORY_MIN_CHARS) {
		ctx.error(
			file,
			1,
			1,
			'story-too-short',
			`详细事迹只有 ${s.chars} 字，不少于 ${STORY_MIN_CHARS} 字（seed 000 附件1 注；按 WPS、Word 的字数计：汉字和中文标点各算 1 字，一个英文单词或一个数字算 1 字，不计 Markdown 标记）`,
		);
		return undefined;
	}
	const year = candidates.byId.get(id)!.value.year;
	for (const l of s.links) ctx.siteLinks.push({ ...l, file, page: `/exemplars/${year}/${id}/` });
	return { candidateId: id, path: rel, source: d.text, chars: s.chars };
}
