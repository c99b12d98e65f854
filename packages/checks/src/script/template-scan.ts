/**
 * A tolerant scanner for AXML/WXML: tags with their attributes, and text, with offsets. Not a validating
 * parser (the IDE compiles templates); it only has to find `navigator` urls, buttons and visible text
 * without being fooled by `{{ a < b }}`, comments or inline `<wxs>` code.
 */

export interface TemplateAttribute {
  name: string;
  /** Undefined for a bare attribute (`disabled`). */
  value: string | undefined;
  /** Offset of the value (or of the name when bare). */
  start: number;
}

export interface TemplateTag {
  name: string;
  attributes: TemplateAttribute[];
  start: number;
}

export interface TemplateText {
  text: string;
  start: number;
  /** Set on a string literal found inside `{{ }}`. */
  quoted?: true;
}

export interface TemplateScan {
  tags: TemplateTag[];
  texts: TemplateText[];
}

/** Tags whose content is script, not text. */
const RAW = new Set(['wxs', 'sjs', 'import-sjs', 'script']);
const NAME = /[A-Za-z][\w:.-]*/y;

export function scanTemplate(source: string): TemplateScan {
  const scan: TemplateScan = { tags: [], texts: [] };
  let i = 0;
  while (i < source.length) {
    const textStart = i;
    const lt = nextTag(source, i);
    if (lt > textStart) scan.texts.push({ text: source.slice(textStart, lt), start: textStart });
    if (lt >= source.length) break;
    if (source.startsWith('<!--', lt)) {
      const close = source.indexOf('-->', lt + 4);
      i = close < 0 ? source.length : close + 3;
    } else if (source[lt + 1] === '/') {
      const close = source.indexOf('>', lt);
      i = close < 0 ? source.length : close + 1;
    } else {
      NAME.lastIndex = lt + 1;
      const name = NAME.exec(source)?.[0];
      if (name === undefined) {
        // A lone `<` in text.
        scan.texts.push({ text: '<', start: lt });
        i = lt + 1;
        continue;
      }
      const tag: TemplateTag = { name: name.toLowerCase(), attributes: [], start: lt };
      const end = readAttributes(source, lt + 1 + name.length, tag.attributes);
      scan.tags.push(tag);
      i = end.next;
      if (RAW.has(tag.name) && !end.selfClosing) {
        const close = source.indexOf(`</${name}`, i);
        i = close < 0 ? source.length : close;
      }
    }
  }
  return scan;
}

/** The offset of the next `<` that starts markup, stepping over `{{ … }}` (which may hold `<`). */
function nextTag(source: string, from: number): number {
  let i = from;
  for (;;) {
    const lt = source.indexOf('<', i);
    const open = source.indexOf('{{', i);
    if (open >= 0 && (lt < 0 || open < lt)) {
      const close = source.indexOf('}}', open + 2);
      if (close < 0) return source.length;
      i = close + 2;
      continue;
    }
    return lt < 0 ? source.length : lt;
  }
}

function readAttributes(
  source: string,
  from: number,
  out: TemplateAttribute[],
): { next: number; selfClosing: boolean } {
  let i = from;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '>') return { next: i + 1, selfClosing: source[i - 1] === '/' };
    if (c === '/' || isSpace(c)) {
      i += 1;
      continue;
    }
    const nameStart = i;
    while (i < source.length && !isSpace(source[i]!) && !'=>/'.includes(source[i]!)) i += 1;
    const name = source.slice(nameStart, i);
    while (i < source.length && isSpace(source[i]!)) i += 1;
    if (source[i] !== '=') {
      out.push({ name, value: undefined, start: nameStart });
      continue;
    }
    i += 1;
    while (i < source.length && isSpace(source[i]!)) i += 1;
    const quote = source[i];
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, i + 1);
      const end = close < 0 ? source.length : close;
      out.push({ name, value: source.slice(i + 1, end), start: i + 1 });
      i = end + 1;
    } else {
      const valueStart = i;
      if (source.startsWith('{{', i)) {
        const close = source.indexOf('}}', i);
        i = close < 0 ? source.length : close + 2;
      }
      while (i < source.length && !isSpace(source[i]!) && source[i] !== '>') i += 1;
      out.push({ name, value: source.slice(valueStart, i), start: valueStart });
    }
  }
  return { next: source.length, selfClosing: false };
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
}

/** An attribute's value by name, or undefined. */
export function attribute(tag: TemplateTag, name: string): TemplateAttribute | undefined {
  return tag.attributes.find((a) => a.name === name);
}

/**
 * The text a user sees of a text run or attribute value: what lies outside `{{ }}`, plus the string literals
 * inside them (`{{ ok ? '已完成' : '测试' }}` may show either). Each part keeps its offset.
 */
export function visibleParts(text: string, start: number): TemplateText[] {
  const parts: TemplateText[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    const stop = open < 0 ? text.length : open;
    if (stop > i) parts.push({ text: text.slice(i, stop), start: start + i });
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    const end = close < 0 ? text.length : close;
    for (const m of text.slice(open + 2, end).matchAll(/'([^']*)'|"([^"]*)"/g)) {
      parts.push({ text: m[1] ?? m[2] ?? '', start: start + open + 3 + m.index, quoted: true });
    }
    i = end + 2;
  }
  return parts;
}
