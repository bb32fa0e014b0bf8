// The CNC overview: the server's SVG of every flat part (white on black, to scale, mm), with zoom
// and pan on its viewBox, the part's name on hover, and the cut list beside it.

const SVG_NS = "http://www.w3.org/2000/svg";
const HEADER = /^(\S+) ([\d.]+) mm$/;

/** The part group (a `g` with `data-label` or its own `<title>`) that holds `target`. */
function partOf(target) {
  for (let node = target instanceof Element ? target : null; node && node.tagName !== "svg";
    node = node.parentElement) {
    if (node.tagName === "g" && (node.dataset?.label || node.querySelector(":scope > title"))) return node;
  }
  return null;
}

function labelOf(group) {
  return group.dataset.label ?? group.querySelector(":scope > title")?.textContent ?? "";
}

/** The SVG text as an element of this document, without anything that could run code. */
function safeSvg(text) {
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = parsed.documentElement;
  if (root.nodeName !== "svg" || parsed.querySelector("parsererror")) {
    throw new Error("the CNC overview is not a readable SVG");
  }
  for (const node of root.querySelectorAll("script, foreignObject, iframe")) node.remove();
  for (const node of [root, ...root.querySelectorAll("*")]) {
    for (const attribute of [...node.attributes]) {
      const value = attribute.value.trim().toLowerCase();
      if (attribute.name.toLowerCase().startsWith("on") || value.startsWith("javascript:")) {
        node.removeAttribute(attribute.name);
      }
    }
  }
  return document.importNode(root, true);
}

function cell(tag, text, className) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A length in mm to a tenth, without a trailing ".0". */
function mm(x) {
  return typeof x === "number" ? String(Number(x.toFixed(1))) : "";
}

export class CncOverview {
  /**
   * @param {HTMLElement} view holds the SVG
   * @param {HTMLElement} tooltip the hover label
   * @param {HTMLElement} cutList where the cut list table goes
   */
  constructor(view, tooltip, cutList) {
    this.view = view;
    this.tooltip = tooltip;
    this.cutList = cutList;
    this.svg = null;
    this.full = null; // the drawing's own viewBox
    this.box = null; // the viewBox shown now
    this.entries = new Map();
    this.drag = null;
    this.clear();

    view.addEventListener("wheel", (event) => {
      if (!this.svg) return;
      event.preventDefault();
      this.zoom(Math.exp(event.deltaY * 0.0015), this.#point(event));
    }, { passive: false });
    view.addEventListener("pointerdown", (event) => {
      if (!this.svg || event.button !== 0) return;
      view.setPointerCapture(event.pointerId);
      this.drag = { x: event.clientX, y: event.clientY, box: { ...this.box } };
      view.classList.add("panning");
    });
    view.addEventListener("pointermove", (event) => {
      if (this.drag) this.#pan(event);
      else this.#hover(event);
    });
    const endDrag = () => {
      this.drag = null;
      view.classList.remove("panning");
    };
    view.addEventListener("pointerup", endDrag);
    view.addEventListener("pointercancel", endDrag);
    view.addEventListener("pointerleave", () => { this.tooltip.hidden = true; });
    view.addEventListener("keydown", (event) => this.#key(event));
  }

  clear(message = "The CNC overview appears here once the design is computed.") {
    this.svg = null;
    this.entries = new Map();
    this.view.replaceChildren(cell("p", message, "placeholder"));
    this.cutList.replaceChildren(cell("p", "No cut list yet.", "placeholder"));
    this.tooltip.hidden = true;
  }

  /** Show the overview; returns the cut list the drawing itself tells (labels, counts, sheets). */
  show(svgText) {
    const svg = safeSvg(svgText);
    const viewBox = (svg.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
    const [x, y, w, h] = viewBox.length === 4 && viewBox.every(Number.isFinite)
      ? viewBox : [0, 0, Number.parseFloat(svg.getAttribute("width")) || 1000,
        Number.parseFloat(svg.getAttribute("height")) || 1000];
    svg.setAttribute("width", "100%");
    svg.setAttribute("height", "100%");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "CNC overview of the flat parts");
    this.full = { x, y, w, h };
    this.svg = svg;
    this.view.replaceChildren(svg);
    this.fit();
    return this.#partsFromDrawing();
  }

  /** Labels, sheets and counts read from the drawing, in its order (a cut list without sizes). */
  #partsFromDrawing() {
    const parts = [];
    let sheet = { material: "", thickness: null };
    let last = null;
    for (const node of this.svg.children) {
      if (node.namespaceURI !== SVG_NS) continue;
      if (node.tagName === "text") {
        const text = node.textContent.trim();
        const header = HEADER.exec(text);
        if (header) sheet = { material: header[1], thickness: Number(header[2]) };
        else if (last && /^\d+$/.test(text)) last.count = Number(text);
        last = null;
      } else if (node.tagName === "g" && partOf(node) === node) {
        last = { name: labelOf(node), material: sheet.material, thickness: sheet.thickness, count: null };
        parts.push(last);
      }
    }
    return parts;
  }

  /** The cut list: [{name, material, thickness, count, width?, height?}]. */
  showCutList(entries) {
    this.entries = new Map(entries.map((entry) => [entry.name, entry]));
    if (!entries.length) {
      this.cutList.replaceChildren(cell("p", "This design has no flat parts.", "placeholder"));
      return;
    }
    const sized = entries.some((entry) => typeof entry.width === "number");
    const table = document.createElement("table");
    const head = document.createElement("tr");
    head.append(cell("th", "Part"), cell("th", "Material"), cell("th", "Thickness (mm)", "num"),
      cell("th", "Count", "num"));
    if (sized) head.append(cell("th", "Width (mm)", "num"), cell("th", "Height (mm)", "num"));
    table.createTHead().append(head);
    const body = table.createTBody();
    for (const entry of entries) {
      const row = document.createElement("tr");
      row.dataset.part = entry.name;
      row.append(cell("td", entry.name), cell("td", entry.material ?? ""),
        cell("td", typeof entry.thickness === "number" ? entry.thickness.toFixed(2) : "", "num"),
        cell("td", entry.count ?? "", "num"));
      if (sized) row.append(cell("td", mm(entry.width), "num"), cell("td", mm(entry.height), "num"));
      row.addEventListener("mouseenter", () => this.#highlight(entry.name, true));
      row.addEventListener("mouseleave", () => this.#highlight(entry.name, false));
      body.append(row);
    }
    this.cutList.replaceChildren(table);
  }

  #highlight(name, on) {
    for (const group of this.svg?.querySelectorAll("g") ?? []) {
      if (partOf(group) === group && labelOf(group) === name) group.classList.toggle("highlight", on);
    }
  }

  fit() {
    if (!this.full) return;
    this.box = { ...this.full };
    this.#apply();
  }

  /** Zoom by `factor` (< 1 zooms in) about a point of the drawing (default: the middle). */
  zoom(factor, about) {
    if (!this.svg) return;
    const box = this.box;
    const point = about ?? { x: box.x + box.w / 2, y: box.y + box.h / 2 };
    const w = Math.min(this.full.w * 20, Math.max(this.full.w / 200, box.w * factor));
    const scale = w / box.w;
    this.box = {
      x: point.x - (point.x - box.x) * scale, y: point.y - (point.y - box.y) * scale,
      w, h: box.h * scale,
    };
    this.#apply();
  }

  #apply() {
    const { x, y, w, h } = this.box;
    this.svg.setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
  }

  /** A pointer position in the drawing's coordinates. */
  #point(event) {
    const matrix = this.svg.getScreenCTM();
    if (!matrix) return undefined;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }

  #pan(event) {
    const matrix = this.svg.getScreenCTM();
    if (!matrix) return;
    const { x, y, box } = this.drag;
    this.box = { ...box, x: box.x - (event.clientX - x) / matrix.a, y: box.y - (event.clientY - y) / matrix.d };
    this.#apply();
  }

  #key(event) {
    if (!this.svg) return;
    const step = 0.1;
    const moves = {
      ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step],
    };
    if (event.key === "+" || event.key === "=") this.zoom(0.8);
    else if (event.key === "-") this.zoom(1.25);
    else if (event.key === "0") this.fit();
    else if (moves[event.key]) {
      const [dx, dy] = moves[event.key];
      this.box = { ...this.box, x: this.box.x + dx * this.box.w, y: this.box.y + dy * this.box.h };
      this.#apply();
    } else return;
    event.preventDefault();
  }

  #hover(event) {
    const group = partOf(event.target);
    if (!group) {
      this.tooltip.hidden = true;
      return;
    }
    const name = labelOf(group);
    const entry = this.entries.get(name);
    const details = entry ? ` — ${entry.material} ${Number(entry.thickness).toFixed(2)} mm × ${entry.count}` : "";
    this.tooltip.textContent = `${name}${details}`;
    const rect = this.view.getBoundingClientRect();
    this.tooltip.style.left = `${event.clientX - rect.left + 14}px`;
    this.tooltip.style.top = `${event.clientY - rect.top + 10}px`;
    this.tooltip.hidden = false;
  }
}
