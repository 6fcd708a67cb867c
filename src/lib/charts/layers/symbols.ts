import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolTriangle } from 'd3';

/** Stance → marker shape, so stance never rests on colour alone. */
const SHAPES = {
	claim: symbolCircle,
	debunk: symbolSquare,
	protest: symbolTriangle,
	pro_ai: symbolDiamond,
	other: symbolCross
} as const;

export type StanceShape = keyof typeof SHAPES;

/** SVG path of a stance marker centred on 0,0 with the given area in px². */
export function stancePath(stance: string, area: number): string {
	const type = SHAPES[(stance in SHAPES ? stance : 'other') as StanceShape];
	return symbol(type, area)() ?? '';
}

/** Edge kind → dash pattern: observed reposts solid, quotes dash-dot, replies dotted, inferred dashed. */
export const EDGE_DASH: Record<string, string | undefined> = {
	repost: undefined,
	quote: '7 3 2 3',
	reply: '1.5 2.5',
	inferred: '5 4'
};
