// The dimension tables: the server's Element trees (tools-and-outputs.md §2.a.1) turned into DOM,
// generically — create the element, assign its properties, append its children. Only table
// elements and images are made, and only the properties the format names are set, so a table can
// never inject markup or script.

const TAGS = new Set(["table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "img"]);
const PROPERTIES = new Set(["textContent", "colSpan", "rowSpan", "src", "alt", "style", "title"]);

/** An image URL the tables may show: http(s), or an inline SVG or PNG drawing (an image
 * document never runs script); anything else is dropped. */
function imageSource(value) {
  if (/^data:image\/(svg\+xml|png)[;,]/.test(value)) return value;
  const url = new URL(value, document.baseURI);
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

/** One Element tree → a DOM node (unknown tags become a plain `span` holding their text). */
export function renderElement(tree) {
  const tag = typeof tree?.tagName === "string" ? tree.tagName.toLowerCase() : "span";
  const node = document.createElement(TAGS.has(tag) ? tag : "span");
  for (const [name, value] of Object.entries(tree?.properties ?? {})) {
    if (!PROPERTIES.has(name)) continue;
    if (name === "style") node.style.cssText = String(value);
    else if (name === "src") {
      const src = imageSource(String(value));
      if (src) node.src = src;
    } else node[name] = value;
  }
  for (const child of tree?.children ?? []) node.append(renderElement(child));
  return node;
}

export class DimensionTables {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.container = container;
    this.clear();
  }

  clear(message = "The dimension tables appear here once the design is computed.") {
    const note = document.createElement("p");
    note.className = "placeholder";
    note.textContent = message;
    this.container.replaceChildren(note);
  }

  /** Render every table; returns how many there are. */
  show(trees) {
    if (!Array.isArray(trees)) throw new Error("the dimension tables are not a list");
    this.container.replaceChildren(...trees.map(renderElement));
    return trees.length;
  }
}
