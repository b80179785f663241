/**
 * A small HTML builder that escapes every text node and attribute value. Reports are built only through it, so
 * a device called `<img src=x onerror=alert(1)>` prints as exactly that text, in the app and in every file.
 */

/** Markup the builder made (or a constant of the code); never text from the database. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type Child = Html | string | number | null | undefined | false | readonly Child[];
type AttributeValue = string | number | boolean | null | undefined;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

// Tag and attribute names come from the code, never from data; the check keeps a slip from becoming markup.
const NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;
const VOID = new Set(['br', 'col', 'hr', 'img', 'meta', 'link']);

function render(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (child instanceof Html) return child.markup;
  if (Array.isArray(child)) return child.map(render).join('');
  return escapeHtml(String(child));
}

/** An element: `el('td', { class: 'num' }, value)`. Attributes that are false, null or undefined are left out. */
export function el(tag: string, attributes: Readonly<Record<string, AttributeValue>>, ...children: Child[]) {
  if (!NAME.test(tag)) throw new Error(`"${tag}" is not a tag name.`);
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attributes)) {
    if (!NAME.test(name)) throw new Error(`"${name}" is not an attribute name.`);
    if (value === false || value === null || value === undefined) continue;
    open += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  if (VOID.has(tag)) return new Html(`${open}>`);
  return new Html(`${open}>${render(children)}</${tag}>`);
}

export const fragment = (...children: Child[]) => new Html(render(children));

/** A constant of the code (the doctype, the stylesheet); never call it with data. */
export const trusted = (markup: string) => new Html(markup);

/**
 * Text for a CSS string (`content: "..."` of a page footer): every character but letters, digits, spaces and
 * harmless punctuation becomes a CSS escape, so quotes, backslashes, line breaks and `</style>` stay text.
 */
export const cssString = (text: string) =>
  `"${[...text].map((c) => (/[A-Za-z0-9 .,:;()_+=!?%-]/.test(c) ? c : `\\${c.codePointAt(0)?.toString(16)} `)).join('')}"`;
