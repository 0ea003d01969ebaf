import { describe, expect, it } from 'vitest';
import { accounting, onlyRows, report, validate, withRows } from '../../helpers/validate.ts';

const FILE = 'exemplars/notices.csv';

describe('notices.csv', () => {
	it('ends each 公示 on its 7th working day: GS-1 from Monday 2023-01-09 on Tuesday 2023-01-17', () => {
		expect(validate().notices.map((n) => [n.value.id, n.value.start, n.value.end])).toEqual([
			['GS-1', '2023-01-09', '2023-01-17'],
		]);
	});

	it('rejects a 公示 whose 7 working days reach a year no calendar covers, naming the file to fill in', () => {
		const e = report({ [FILE]: onlyRows(FILE, 'GS-1,2022,公示,2030-12-27,') });
		expect(e).toMatchInlineSnapshot(`
			[
			  "data/exemplars/notices.csv:2:4: 第 2 行第 4 列（开始日期）：公示期（2030-12-27 起 7 个工作日）涉及 2030 年，但 chinese-days 和 data/calendar/ 都没有 2030 年的节假日安排，无法计算工作日。请按国务院办公厅公布的 2030 年节假日安排填写 data/calendar/2030.csv（模板见 data/templates/calendar.csv） (calendar-unknown)",
			]
		`);
	});

	it('accepts the same 公示 once the office fills in that year', () => {
		const d = validate({
			[FILE]: onlyRows(FILE, 'GS-1,2022,公示,2030-12-27,'),
			'calendar/2030.csv': '日期,类型,名称\n2030-01-01,休息,元旦\n',
			'calendar/2031.csv': '日期,类型,名称\n2031-01-01,休息,元旦\n',
		});
		expect(d.issues.filter((i) => i.code === 'calendar-unknown')).toEqual([]);
		// 2030-12-27 (Friday), 30, 31, then 2031-01-02 (Thursday; the 1st is a holiday), 3, 6, 7.
		expect(d.notices[0].value.end).toBe('2031-01-07');
	});

	it('rejects an id used twice', () => {
		expect(report({ [FILE]: withRows(FILE, 'GS-1,2022,重复的公示,2023-02-01,') })).toMatchInlineSnapshot(`
			[
			  "data/exemplars/notices.csv:3:1: 第 3 行第 1 列（公示编号）：公示编号 "GS-1" 重复，与 data/exemplars/notices.csv 第 2 行相同；每个公示编号只能出现一次 (unique-error)",
			]
		`);
	});

	it('takes a 公示 that cannot be counted off its file’s count of valid rows', () => {
		const d = validate({ [FILE]: onlyRows(FILE, 'GS-1,2022,公示,2030-12-27,') });
		expect(d.notices).toEqual([]);
		expect(accounting(d, FILE)).toEqual({ rowsIn: 1, rowsValid: 0 });
	});
});
