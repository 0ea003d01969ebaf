/**
 * Evaluated units (被评价对象, seed 002 三(一)) and their name history (机构改革: renamed and merged over the years).
 * A unit keeps one stable id; past quarters show the name it had then.
 */
import type { z } from 'astro/zod';
import { UNIT_CATEGORIES } from './enums.ts';
import { col, date, identifier, noteColumn, oneOf, recordSchema, text, type TableDef } from './table.ts';

const unitColumns = [
	col('id', '单位编号', identifier(), {
		doc: '单位的固定编号，改名、合并后不变；出现在网址 /units/<编号>/ 中',
		example: 'fgw',
	}),
	col('category', '类别', oneOf(UNIT_CATEGORIES), {
		doc: '评价类别（淮信用办〔2022〕6号 三(一)）：镇街、园区、A类、B类',
		example: 'A类',
	}),
	col('from', '设立日期', date(), {
		required: false,
		doc: '单位设立日期；空表示评价开始前已存在',
		example: '2023-10-01',
	}),
	col('to', '撤销日期', date(), {
		required: false,
		doc: '单位撤销或被合并的日期（当天起不再存在）；空表示仍存在',
		example: '',
	}),
	col('mergedInto', '并入单位', identifier(), {
		required: false,
		doc: '被合并时并入的单位编号',
		example: '',
	}),
	// Not on the site (units.json lists the public fields): the reorganisation it describes is published from the
	// 撤销日期, 并入单位 and unit-names.csv columns, as of the build's date.
	noteColumn(500, '办公室的说明，不在网站上公开'),
] as const;

/** `units.csv`: one row per evaluated unit. */
export const unitTable: TableDef = {
	name: 'units',
	title: '被评价单位',
	path: 'units.csv',
	doc: '每行一个被评价单位（镇街、园区、A类、B类部门）',
	columns: unitColumns,
	primaryKey: ['id'],
};
export const unitSchema = recordSchema(unitColumns);
export type UnitRow = z.infer<typeof unitSchema>;

const unitNameColumns = [
	col('unitId', '单位编号', identifier(), { doc: '对应 units.csv 的单位编号', example: 'whlyj' }),
	col('name', '名称', text({ max: 60 }), {
		public: true,
		doc: '单位在这段时间的全称',
		example: '区文化广电和旅游局',
	}),
	col('from', '启用日期', date(), {
		required: false,
		doc: '开始使用这个名称的日期；空表示一开始就叫这个名称',
		example: '2023-01-01',
	}),
	col('to', '停用日期', date(), {
		required: false,
		doc: '最后使用这个名称的日期；空表示仍在使用',
		example: '',
	}),
] as const;

/** `unit-names.csv`: one row per name a unit has had. */
export const unitNameTable: TableDef = {
	name: 'unit-names',
	title: '单位名称沿革',
	path: 'unit-names.csv',
	doc: '每行是某单位在一段时间内使用的名称；同一单位的各段时间不能重叠',
	columns: unitNameColumns,
};
export const unitNameSchema = recordSchema(unitNameColumns);
export type UnitNameRow = z.infer<typeof unitNameSchema>;
