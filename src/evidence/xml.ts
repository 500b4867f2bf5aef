/**
 * Reading an XML evidence file (JUnit, cobertura): checked well-formed first (fast-xml-parser
 * would return part of a broken document), then parsed with every value kept a string and only
 * XML's own entities decoded. One reader, so both formats fail closed the same way.
 */
import { XMLParser, type EntityDecoderOptions } from 'fast-xml-parser';
import { coverageInputError, lineColumn, oneLine } from './coverage/input-error.js';
import { findXmlProblem } from './coverage/xml-check.js';

export type XmlNode = Readonly<Record<string, unknown>>;

/** Attributes appear as `@name` keys. */
export const ATTRIBUTE = '@';

export interface XmlReadOptions {
  /** Elements that are always lists, even when one is present. */
  readonly repeated: ReadonlySet<string>;
  /** Elements whose content is never read (captured output can be megabytes): left unparsed. */
  readonly stopNodes?: readonly string[];
}

/** The document as a tree, or an InputError naming the source, the line and column, and the problem. */
export function readXml(text: string, sourceName: string, options: XmlReadOptions): XmlNode {
  const problem = findXmlProblem(text);
  if (problem !== null) throw coverageInputError(sourceName, lineColumn(text, problem.offset), `invalid XML: ${problem.problem}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTRIBUTE,
    // Keep every value a string: a number parser would turn hits="1e999" into Infinity silently.
    parseAttributeValue: false,
    parseTagValue: false,
    entityDecoder: XML_ENTITIES,
    stopNodes: [...(options.stopNodes ?? [])],
    isArray: (name) => options.repeated.has(name),
  });
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    // The document is well-formed by now; what is left is the parser's own limits (nesting depth).
    throw coverageInputError(sourceName, '', `XML not readable: ${oneLine(error instanceof Error ? error.message : String(error), 120)}`);
  }
}

/**
 * XML's own entities: the five predefined ones and character references (`&#10;` in pytest's
 * messages, `&#233;` in a path), which fast-xml-parser leaves encoded by default. Nothing else:
 * the document was checked to have no DOCTYPE entity definitions, and HTML names are not XML.
 */
const XML_ENTITIES: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) => (text.includes('&') ? text.replace(/&(#\d{1,8}|#x[0-9A-Fa-f]{1,6}|lt|gt|amp|quot|apos);/g, decodeEntity) : text),
};

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntity(match: string, entity: string): string {
  if (!entity.startsWith('#')) return PREDEFINED[entity] ?? match;
  const code = entity.startsWith('#x') ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
  // A reference to no character (0, a surrogate, beyond U+10FFFF) is not XML: it reads as U+FFFD.
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
}

/**
 * Elements named `name` under `node`. fast-xml-parser gives an element with neither children nor
 * attributes as '' (`<skipped/>`) and one with text only as that text (`<failure>trace</failure>`):
 * both come back as nodes, the text under `#text`.
 */
export function elements(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node === undefined || !Object.hasOwn(node, name) ? undefined : node[name];
  const list: unknown[] = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (typeof item === 'string') return { '#text': item };
    return typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as XmlNode) : {};
  });
}

/** An attribute's value, or undefined. */
export function attr(node: XmlNode, name: string): string | undefined {
  const key = `${ATTRIBUTE}${name}`;
  const value = Object.hasOwn(node, key) ? node[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}
