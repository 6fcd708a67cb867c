/**
 * Adds text metadata (iTXt chunks: UTF-8, so Korean titles survive) to a PNG, just before IEND. Exported
 * images then carry title, source, credit and provenance in the file as well as drawn into the pixels.
 */

let crcTable: Uint32Array | undefined;
export function crc32(bytes: Uint8Array): number {
	if (!crcTable) {
		crcTable = new Uint32Array(256);
		for (let n = 0; n < 256; n++) {
			let c = n;
			for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
			crcTable[n] = c >>> 0;
		}
	}
	let c = 0xffffffff;
	for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

const enc = new TextEncoder();
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function chunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, data.length);
	out.set(enc.encode(type), 4);
	out.set(data, 8);
	view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
	return out;
}

/** iTXt: keyword, NUL, compression flag 0, method 0, empty language tag, NUL, empty translated keyword, NUL, text. */
function itxt(keyword: string, text: string): Uint8Array {
	const k = enc.encode(keyword.replace(/[^\x20-\x7e]/g, '').slice(0, 79));
	const t = enc.encode(text);
	const data = new Uint8Array(k.length + 5 + t.length);
	data.set(k, 0);
	// Bytes after the keyword: NUL, flag 0, method 0, NUL (language), NUL (translated keyword): already zero.
	data.set(t, k.length + 5);
	return data;
}

export function isPng(bytes: Uint8Array): boolean {
	return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Returns a copy of the PNG with one iTXt chunk per entry inserted before IEND. */
export function addPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
	if (!isPng(png)) throw new Error('not a PNG');
	const chunks = Object.entries(entries).map(([k, v]) => chunk('iTXt', itxt(k, v)));
	const iend = png.length - 12;
	const extra = chunks.reduce((n, c) => n + c.length, 0);
	const out = new Uint8Array(png.length + extra);
	out.set(png.subarray(0, iend), 0);
	let at = iend;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	out.set(png.subarray(iend), at);
	return out;
}

/** Reads every tEXt/iTXt chunk of a PNG (tests and tools). */
export function readPngText(png: Uint8Array): Record<string, string> {
	const dec = new TextDecoder();
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const out: Record<string, string> = {};
	for (let at = 8; at + 12 <= png.length;) {
		const len = view.getUint32(at);
		const type = dec.decode(png.subarray(at + 4, at + 8));
		const data = png.subarray(at + 8, at + 8 + len);
		if (type === 'tEXt' || type === 'iTXt') {
			const nul = data.indexOf(0);
			const key = dec.decode(data.subarray(0, nul));
			if (type === 'tEXt') out[key] = new TextDecoder('latin1').decode(data.subarray(nul + 1));
			else {
				let p = nul + 3;
				p = data.indexOf(0, p) + 1;
				p = data.indexOf(0, p) + 1;
				out[key] = dec.decode(data.subarray(p));
			}
		}
		at += 12 + len;
	}
	return out;
}

/** Width and height from the IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	return { width: view.getUint32(16), height: view.getUint32(20) };
}
