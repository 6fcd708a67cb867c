import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger, cutUtf8 } from '../../../scripts/ingest/ledger';
import { readLines, type Line } from '../../../scripts/ingest/lines';
import { hashAndCountLines, planRanges } from '../../../scripts/ingest/ranges';
import { tmp } from './helpers';

const dir = tmp();

function file(name: string, bytes: Buffer | string): string {
	const p = join(dir, name);
	writeFileSync(p, bytes);
	return p;
}

async function lines(
	path: string,
	opts = {}
): Promise<{ lines: Line[]; stats: Awaited<ReturnType<typeof readLines>> }> {
	const out: Line[] = [];
	const stats = await readLines(path, (l) => void out.push({ ...l, bytes: Buffer.from(l.bytes) }), opts);
	return { lines: out, stats };
}

describe('readLines', () => {
	const bytes = Buffer.concat([
		Buffer.from('\uFEFFfirst\r\n'),
		Buffer.from('\n'),
		Buffer.from('  \t\n'),
		Buffer.from([0x62, 0x61, 0x64, 0xff, 0x0a]), // "bad" + invalid byte
		Buffer.from('한국어 🎨\n'),
		Buffer.from('last, cut')
	]);
	const path = file('mixed.txt', bytes);

	it('splits on \\n, drops \\r and a leading BOM, and keeps exact offsets', async () => {
		const { lines: ls, stats } = await lines(path);
		expect(ls.map((l) => [l.lineNo, l.offset, l.text, l.blank, l.unterminated])).toEqual([
			[1, 0, 'first', false, false],
			[2, 10, '', true, false],
			[3, 11, '  \t', true, false],
			[4, 15, null, false, false],
			[5, 20, '한국어 🎨', false, false],
			[6, 35, 'last, cut', false, true]
		]);
		expect(stats).toMatchObject({ lines: 6, blankLines: 2, bom: true, crlf: 1, bytes: bytes.length });
		expect(stats.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
	});

	it('keeps the bytes of a line that is not UTF-8 (TextDecoder fatal) for the reject', async () => {
		const { lines: ls } = await lines(path);
		expect([...ls[3].bytes]).toEqual([0x62, 0x61, 0x64, 0xff]);
	});

	it('flags a line over the limit, keeps only its head, and carries on with the next line', async () => {
		const p = file('long.txt', 'short\n' + 'x'.repeat(100) + '\nafter');
		const { lines: ls } = await lines(p, { maxLineBytes: 10, chunkBytes: 16 });
		expect(ls.map((l) => [l.text, l.tooLong, l.byteLength, l.bytes.length, l.offset])).toEqual([
			['short', false, 5, 5, 0],
			[null, true, 100, 10, 6],
			['after', false, 5, 5, 107]
		]);
	});

	it('reads lines that span many small chunks intact', async () => {
		const text = Array.from({ length: 50 }, (_, i) => `line ${i} ${'é'.repeat(i)}`).join('\n') + '\n';
		const { lines: ls } = await lines(file('chunks.txt', text), { chunkBytes: 7 });
		expect(ls.map((l) => l.text)).toEqual(text.split('\n').slice(0, -1));
	});

	it('reads a byte range with absolute offsets and line numbers from the range start, BOM only at 0', async () => {
		const p = file('range.txt', 'aa\n\uFEFFbb\ncc\n');
		const { lines: ls } = await lines(p, { start: 3, end: 9 });
		expect(ls.map((l) => [l.lineNo, l.offset, l.text])).toEqual([[1, 3, '\uFEFFbb']]);
	});

	it('stops when the callback returns false', async () => {
		const { lines: ls, stats } = await lines(file('stop.txt', 'a\nb\nc\n'));
		expect(ls).toHaveLength(3);
		const seen: string[] = [];
		const s2 = await readLines(file('stop2.txt', 'a\nb\nc\n'), (l) => {
			seen.push(l.text as string);
			return l.text !== 'b';
		});
		expect(seen).toEqual(['a', 'b']);
		expect(s2.stopped).toBe(true);
		expect(stats.stopped).toBe(false);
	});
});

describe('planRanges and hashAndCountLines', () => {
	const body = Array.from({ length: 200 }, (_, i) => `{"n":${i}}`).join('\n') + '\n';
	const path = file('ranges.jsonl', body);

	it('cuts right after newlines so every line is in exactly one range', async () => {
		const ranges = await planRanges(path, body.length, 4, 1000);
		expect(ranges).toHaveLength(4);
		expect(ranges[0].start).toBe(0);
		expect(ranges.at(-1)?.end).toBe(body.length);
		for (let i = 1; i < ranges.length; i++) {
			expect(ranges[i].start).toBe(ranges[i - 1].end);
			expect(body[ranges[i].start - 1]).toBe('\n');
		}
		const seen: string[] = [];
		for (const r of ranges) await readLines(path, (l) => void seen.push(l.text as string), r);
		expect(seen).toEqual(body.split('\n').slice(0, -1));
	});

	it('counts the lines before each range (to number rejects) while hashing', async () => {
		const ranges = await planRanges(path, body.length, 3, 1000);
		const h = await hashAndCountLines(
			path,
			ranges.map((r) => r.start)
		);
		expect(h.sha256).toBe(createHash('sha256').update(body).digest('hex'));
		expect(h.linesBefore).toEqual(ranges.map((r) => body.slice(0, r.start).split('\n').length - 1));
	});

	it('merges ranges when no newline is found within the line limit', async () => {
		const p = file('one-line.jsonl', 'x'.repeat(5000));
		expect(await planRanges(p, 5000, 4, 100)).toEqual([{ start: 0, end: 5000 }]);
	});
});

describe('Ledger', () => {
	it('balances only when read = kept + duplicates + rejected', () => {
		const l = new Ledger(null);
		const f = l.addFile('a');
		l.read(f, 3);
		l.kept(f, 1);
		l.duplicate(f);
		expect(l.balanced()).toBe(false);
		l.reject(f, { line: 1, offset: 0, reason: 'x', raw: '' });
		expect(l.balanced()).toBe(true);
		l.rejectItem(f, { line: 1, offset: 0, reason: 'item-x', raw: '' });
		l.items(f, 2, 1);
		expect(l.balanced()).toBe(false);
	});

	it('cuts raw text without splitting a character', () => {
		expect(cutUtf8(Buffer.from('가나다'), 4).toString()).toBe('가');
		expect(cutUtf8(Buffer.from('abc'), 10).toString()).toBe('abc');
	});
});
