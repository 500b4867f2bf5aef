/**
 * A tiny ANSI palette. The CLI decides whether colour is on (a TTY and no NO_COLOR); this module
 * never reads the environment. With colour off every style is the identity, so no escape code can
 * reach the output from here.
 */

/** SGR open/close pairs; closing with the matching reset keeps nested styles intact. */
const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  cyan: [36, 39],
} as const satisfies Record<string, readonly [number, number]>;

export type Style = keyof typeof CODES;
export type Paint = (text: string) => string;
export type Palette = Readonly<Record<Style, Paint>>;

const identity: Paint = (text) => text;

function sgr([open, close]: readonly [number, number]): Paint {
  return (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`);
}

export function createPalette(color: boolean): Palette {
  return {
    bold: color ? sgr(CODES.bold) : identity,
    dim: color ? sgr(CODES.dim) : identity,
    red: color ? sgr(CODES.red) : identity,
    green: color ? sgr(CODES.green) : identity,
    yellow: color ? sgr(CODES.yellow) : identity,
    blue: color ? sgr(CODES.blue) : identity,
    cyan: color ? sgr(CODES.cyan) : identity,
  };
}
