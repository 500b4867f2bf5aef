/**
 * A reader for INI files with Python `configparser` semantics, as coverage.py, pytest and tox
 * read `.coveragerc`, `setup.cfg`, `tox.ini` and `pytest.ini` (CPython `Lib/configparser.py`,
 * `RawConfigParser._read` with the defaults coverage.py uses: `interpolation=None`, `strict=True`,
 * `empty_lines_in_values=True`, `comment_prefixes=('#', ';')`, `inline_comment_prefixes=None`):
 *
 * - `[name]` starts a section; section names are case-sensitive, option names are lowercased.
 * - `key = value` or `key: value`, split at the first `=` or `:`.
 * - A line indented deeper than the option's own line continues its value (one value line per
 *   source line); blank lines inside a value are kept, trailing ones dropped.
 * - Lines whose first non-blank character is `#` or `;` are comments, even inside a multi-line
 *   value; there are no inline comments (`a = b  # c` has the value `b  # c`).
 * - `[DEFAULT]` options are visible in every section.
 * - No interpolation: `%(here)s` stays as written.
 * - A duplicate section or option, or a line outside any section, is an error (`IniError`).
 */

export class IniError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'IniError';
  }
}

/** One line of a value, with its 1-based source line. */
export interface IniValueLine {
  text: string;
  line: number;
}

export interface IniEntry {
  /** Lowercased option name. */
  key: string;
  /** Line of `key = …`. */
  line: number;
  /** The value as configparser returns it: lines joined with `\n`, stripped. */
  value: string;
  /** The value's non-empty lines (the first is the text after the separator, when any). */
  lines: IniValueLine[];
}

export interface IniSection {
  name: string;
  /** Line of the `[name]` header. */
  line: number;
  entries: Map<string, IniEntry>;
}

export interface IniFile {
  sections: Map<string, IniSection>;
  /** Options of `[DEFAULT]`, inherited by every section. */
  defaults: Map<string, IniEntry>;
}

const SECTION = /^\[(.+)\]/;
const OPTION = /^(.*?)\s*([=:])\s*(.*)$/;

interface Building {
  entry: IniEntry;
  /** Raw value lines, blank ones included, for configparser's join. */
  raw: string[];
  indent: number;
}

function finish(building: Building | null): void {
  if (!building) return;
  building.entry.value = building.raw.join('\n').trim();
}

export function parseIni(text: string): IniFile {
  const sections = new Map<string, IniSection>();
  const defaults = new Map<string, IniEntry>();
  let current: Map<string, IniEntry> | null = null;
  let building: Building | null = null;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = source.split(/\r\n|\n|\r/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const lineNo = index + 1;
    const stripped = raw.trim();
    if (stripped.startsWith('#') || stripped.startsWith(';')) continue;
    if (stripped === '') {
      // A blank line belongs to the value being read (configparser drops trailing ones at the end).
      if (building) building.raw.push('');
      continue;
    }
    const indent = raw.length - raw.trimStart().length;
    if (building && indent > building.indent) {
      building.raw.push(stripped);
      building.entry.lines.push({ text: stripped, line: lineNo });
      continue;
    }
    finish(building);
    building = null;
    const header = SECTION.exec(stripped);
    if (header) {
      const name = header[1]!;
      if (name === 'DEFAULT') {
        current = defaults;
        continue;
      }
      if (sections.has(name)) throw new IniError(`section [${name}] appears twice`, lineNo);
      const section: IniSection = { name, line: lineNo, entries: new Map() };
      sections.set(name, section);
      current = section.entries;
      continue;
    }
    if (!current) throw new IniError('an option before any [section] header', lineNo);
    const option = OPTION.exec(stripped);
    if (!option || option[1] === '') throw new IniError(`cannot read "${stripped.slice(0, 60)}" as key = value`, lineNo);
    const key = option[1]!.trim().toLowerCase();
    if (current.has(key)) throw new IniError(`option "${key}" appears twice in the section`, lineNo);
    const first = option[3]!.trim();
    const entry: IniEntry = { key, line: lineNo, value: '', lines: first === '' ? [] : [{ text: first, line: lineNo }] };
    current.set(key, entry);
    building = { entry, raw: [first], indent };
  }
  finish(building);
  return { sections, defaults };
}

/** An option of a section, falling back to `[DEFAULT]`; undefined when the section or option is absent. */
export function iniGet(file: IniFile, section: string, key: string): IniEntry | undefined {
  const found = file.sections.get(section);
  if (!found) return undefined;
  return found.entries.get(key.toLowerCase()) ?? file.defaults.get(key.toLowerCase());
}

/**
 * A list value as coverage.py's `getlist` reads it: split at newlines and commas, each item
 * stripped, empty items dropped; each item keeps its source line.
 */
export function iniList(entry: IniEntry): IniValueLine[] {
  const items: IniValueLine[] = [];
  for (const { text, line } of entry.lines) {
    for (const part of text.split(',')) {
      const item = part.trim();
      if (item !== '') items.push({ text: item, line });
    }
  }
  return items;
}

/** A regex list as coverage.py's `getregexlist` reads it: one regex per line, commas kept. */
export function iniLines(entry: IniEntry): IniValueLine[] {
  return entry.lines.map(({ text, line }) => ({ text: text.trim(), line })).filter(({ text }) => text !== '');
}
