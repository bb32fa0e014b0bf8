// The parameter form, generated from /api/parametersschema: one fieldset per group, one field per
// parameter with its unit, description and the recipe book's range, and the server's verdicts
// (errors, warnings) shown at the field they name.

import { GROUPS, asText, sameValue } from "./params.js";

const SHAPE_SCHEMAS = { T: "T Shape", H: "H Shape", Star: "Star Shape" };

function fieldId(key) {
  return `p-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children);
  return node;
}

function formatNumber(x) {
  return Number.isInteger(x) ? String(x) : String(Number(x.toFixed(4)));
}

export class ParameterForm {
  /**
   * @param {HTMLFormElement} form
   * @param {HTMLElement} summary where the errors are listed, with links to their fields
   * @param {(key: string) => void} onInput called when the user changes a field
   */
  constructor(form, summary, onInput) {
    this.form = form;
    this.summary = summary;
    this.onInput = onInput;
    this.fields = new Map(); // "group.Name" → {wrapper, control, hint, message, property}
    this.schemaDocument = null;
    this.presetDefaults = null;
    this.shape = null;
    form.addEventListener("submit", (event) => event.preventDefault());
  }

  /** Build every field from the schema document; `values` fill them, `presetDefaults` mark
   * the ones that differ from the preset. */
  build(schemaDocument, values, presetDefaults) {
    this.schemaDocument = schemaDocument;
    this.fields.clear();
    this.form.replaceChildren();
    const schema = this.#schemaFor(values);
    for (const group of GROUPS) {
      const groupSchema = schema.properties?.[group];
      if (!groupSchema) continue;
      const fieldset = element("fieldset", { className: "group", "data-group": group }, [
        element("legend", { text: group }),
        element("p", { className: "group-description", text: groupSchema.description ?? "" }),
      ]);
      for (const [name, property] of Object.entries(groupSchema.properties ?? {})) {
        fieldset.append(this.#field(group, name, property));
      }
      this.form.append(fieldset);
    }
    this.setValues(values, presetDefaults);
  }

  #schemaFor(values) {
    const doc = this.schemaDocument;
    const shape = this.#shape(values);
    this.shape = shape;
    const named = Object.keys(doc).filter((name) => name !== "bounds");
    return doc[SHAPE_SCHEMAS[shape]] ?? doc[named[0]];
  }

  /** The frame shape the recipe book's ranges apply to, as the server picks it. */
  #shape(values) {
    const chosen = values?.user?.WindTurbineShape;
    if (chosen && chosen !== "Calculated") return chosen;
    const radius = Number(values?.magnafpm?.RotorDiskRadius);
    const bounds = this.schemaDocument?.bounds ?? {};
    if (!(radius >= (bounds.h_shape_lower_bound ?? 187.5))) return "T";
    if (!(radius >= (bounds.star_shape_lower_bound ?? 275))) return "H";
    return "Star";
  }

  /** Every preset schema's choices for a parameter (they differ by shape), in order. */
  #allChoices(group, name) {
    const choices = [];
    for (const [key, schema] of Object.entries(this.schemaDocument)) {
      if (key === "bounds") continue;
      for (const choice of schema.properties?.[group]?.properties?.[name]?.enum ?? []) {
        if (!choices.some((c) => sameValue(c, choice))) choices.push(choice);
      }
    }
    if (choices.every((c) => typeof c === "number")) choices.sort((a, b) => a - b);
    return choices;
  }

  #field(group, name, property) {
    const key = `${group}.${name}`;
    const id = fieldId(key);
    const label = element("label", { for: id, text: property.title ?? name });
    let control;
    if (Array.isArray(property.enum)) {
      control = element("select", { id, name: key });
      for (const choice of this.#allChoices(group, name)) {
        control.append(element("option", { value: asText(choice), text: asText(choice) }));
      }
      control.addEventListener("change", () => this.#changed(key));
    } else {
      const step = property.multipleOf ?? (property.type === "integer" ? 1 : "any");
      control = element("input", {
        id, name: key, type: property.type === "string" ? "text" : "number",
        step: property.type === "string" ? undefined : step,
        inputmode: property.type === "integer" ? "numeric" : "decimal",
      });
      control.addEventListener("input", () => this.#changed(key));
    }
    const hint = element("p", { className: "hint", id: `${id}-hint` });
    const message = element("p", { className: "message", id: `${id}-msg`, hidden: true });
    control.setAttribute("aria-describedby", `${id}-hint ${id}-msg`);
    const unit = element("span", { className: "unit", text: property.unit ?? "" });
    const wrapper = element("div", { className: "field", "data-key": key }, [
      label, element("div", { className: "control" }, [control, unit]), hint, message,
    ]);
    const entry = { wrapper, control, hint, message, property };
    this.fields.set(key, entry);
    this.#describe(entry, property);
    return wrapper;
  }

  #describe(entry, property) {
    entry.property = property;
    const unit = property.unit ? ` ${property.unit}` : "";
    let range = "";
    if (property.minimum !== undefined && property.maximum !== undefined) {
      range = ` Recipe book: ${formatNumber(property.minimum)}–${formatNumber(property.maximum)}${unit}.`;
    } else if (property.maximum !== undefined) {
      range = ` Recipe book: at most ${formatNumber(property.maximum)}${unit}.`;
    } else if (property.minimum !== undefined && property.minimum > 0) {
      range = ` Recipe book: at least ${formatNumber(property.minimum)}${unit}.`;
    } else if (Array.isArray(property.enum) && typeof property.enum[0] === "number") {
      range = ` Recipe book for the ${this.shape} shape: ${property.enum.map(asText).join(", ")}${unit}.`;
    }
    entry.hint.textContent = `${property.description ?? ""}${range}`;
  }

  /** Refresh the recipe-book hints when the frame shape changes. */
  #refreshHints(values) {
    const before = this.shape;
    const schema = this.#schemaFor(values);
    if (before === this.shape) return;
    for (const [key, entry] of this.fields) {
      const [group, name] = key.split(".");
      const property = schema.properties?.[group]?.properties?.[name];
      if (property) this.#describe(entry, property);
    }
  }

  #changed(key) {
    this.#markChanged(key);
    this.#refreshHints(this.values());
    this.onInput(key);
  }

  #markChanged(key) {
    const entry = this.fields.get(key);
    const [group, name] = key.split(".");
    const preset = this.presetDefaults?.[group]?.[name];
    entry.wrapper.classList.toggle("changed", preset !== undefined && !sameValue(entry.control.value, preset));
  }

  /** Fill every field; `presetDefaults` (the preset's values) mark the fields that differ. */
  setValues(values, presetDefaults) {
    this.presetDefaults = presetDefaults;
    for (const [key, entry] of this.fields) {
      const [group, name] = key.split(".");
      const text = asText(values?.[group]?.[name]);
      const { control } = entry;
      if (control instanceof HTMLSelectElement) {
        let option = [...control.options].find((o) => sameValue(o.value, text));
        if (!option) {
          // A value from a link or an import that is not among the choices: shown, and judged
          // by the server like any other.
          option = element("option", { value: text, text });
          control.append(option);
        }
        control.value = option.value;
      } else {
        control.value = text;
      }
      this.#markChanged(key);
    }
    this.#refreshHints(values);
  }

  /** The form's values, as text, by group. */
  values() {
    const values = Object.fromEntries(GROUPS.map((group) => [group, {}]));
    for (const [key, entry] of this.fields) {
      const [group, name] = key.split(".");
      values[group][name] = entry.control.value;
    }
    return values;
  }

  clearProblems() {
    for (const entry of this.fields.values()) {
      entry.wrapper.classList.remove("error", "warn");
      entry.control.removeAttribute("aria-invalid");
      entry.message.hidden = true;
      entry.message.textContent = "";
    }
    this.summary.hidden = true;
    this.summary.replaceChildren();
  }

  /**
   * Show the server's problems at their fields: `errors` and `warnings` are
   * [{name, value, message}]. Returns the problems that name no field (e.g. `preset`).
   */
  showProblems({ errors = [], warnings = [] }) {
    this.clearProblems();
    const unplaced = [];
    for (const warning of warnings) {
      const entry = this.fields.get(warning.name);
      if (!entry) continue; // a warning that names no field changes nothing
      if (entry.wrapper.classList.contains("warn")) entry.message.textContent += `; ${warning.message}`;
      else entry.message.textContent = `Warning: ${warning.message}`;
      entry.wrapper.classList.add("warn");
      entry.message.hidden = false;
    }
    for (const error of errors) {
      const entry = this.fields.get(error.name);
      if (!entry) {
        unplaced.push(error);
        continue;
      }
      if (entry.wrapper.classList.contains("error")) entry.message.textContent += `; ${error.message}`;
      else entry.message.textContent = error.message;
      entry.wrapper.classList.remove("warn");
      entry.wrapper.classList.add("error");
      entry.control.setAttribute("aria-invalid", "true");
      entry.message.hidden = false;
    }
    if (errors.length) this.#summarize(errors);
    return unplaced;
  }

  #summarize(errors) {
    const list = element("ul");
    for (const error of errors) {
      const entry = this.fields.get(error.name);
      const text = `${entry?.property.title ?? error.name}: ${error.message}`;
      if (entry) {
        const link = element("a", { href: `#${entry.control.id}`, text });
        link.addEventListener("click", (event) => {
          event.preventDefault();
          this.focusField(error.name);
        });
        list.append(element("li", {}, [link]));
      } else {
        list.append(element("li", { text: `${error.name} = ${asText(error.value)}: ${error.message}` }));
      }
    }
    const count = errors.length === 1 ? "1 parameter needs" : `${errors.length} parameters need`;
    this.summary.replaceChildren(element("strong", { text: `${count} fixing before anything is built:` }), list);
    this.summary.hidden = false;
  }

  focusField(key) {
    const entry = this.fields.get(key);
    if (!entry) return;
    entry.wrapper.scrollIntoView({ block: "center" });
    entry.control.focus();
  }
}
