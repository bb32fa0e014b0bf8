// Parameters as the page holds them: a preset name plus the three groups of values, kept as the
// text the form shows. A design is "preset + the values that differ from it": that is what goes
// into the URL (short, shareable links) and to the server (which merges it onto the preset).

export const GROUPS = ["magnafpm", "furling", "user"];
export const PRESET_KEY = "preset";

/** The text a form shows for a value from the server (numbers in their shortest form). */
export function asText(value) {
  return value === null || value === undefined ? "" : String(value);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** True when two values mean the same: numerically equal numbers, else equal text. */
export function sameValue(a, b) {
  const x = asText(a).trim();
  const y = asText(b).trim();
  if (NUMBER.test(x) && NUMBER.test(y)) return Number(x) === Number(y);
  return x === y;
}

/** A deep copy of a preset's groups, as text. */
export function presetValues(preset) {
  const values = {};
  for (const group of GROUPS) {
    values[group] = {};
    for (const [name, value] of Object.entries(preset?.[group] ?? {})) values[group][name] = asText(value);
  }
  return values;
}

/** `[["group.Name", text], ...]` for every value that differs from the preset. */
export function overrides(preset, values) {
  const pairs = [];
  for (const group of GROUPS) {
    for (const [name, value] of Object.entries(values[group] ?? {})) {
      if (!sameValue(value, preset?.[group]?.[name])) pairs.push([`${group}.${name}`, value.trim()]);
    }
  }
  return pairs;
}

/** The design as query parameters: `preset=` then the overrides. */
export function designQuery(presetName, preset, values) {
  return new URLSearchParams([[PRESET_KEY, presetName], ...overrides(preset, values)]);
}

/**
 * Read a design from a query string. Returns {presetName, values, unknown}: `unknown` lists the
 * keys that are not parameters (reported to the user, never sent on).
 */
export function designFromQuery(search, presets, fallbackPreset) {
  const query = new URLSearchParams(search);
  let presetName = query.get(PRESET_KEY) ?? fallbackPreset;
  const unknown = [];
  if (!(presetName in presets)) {
    unknown.push(`${PRESET_KEY}=${presetName}`);
    presetName = fallbackPreset;
  }
  const values = presetValues(presets[presetName]);
  for (const [key, value] of query) {
    if (key === PRESET_KEY) continue;
    const [group, name] = splitKey(key);
    if (group && name in values[group]) values[group][name] = value;
    else unknown.push(key);
  }
  return { presetName, values, unknown };
}

function splitKey(key) {
  const dot = key.indexOf(".");
  if (dot < 0) return [null, key];
  const group = key.slice(0, dot);
  return GROUPS.includes(group) ? [group, key.slice(dot + 1)] : [null, key];
}

/**
 * Merge an imported JSON document into `values` (a copy is returned). Accepts the grouped form
 * `{"preset"?, "magnafpm": {...}, "furling": {...}, "user": {...}}` (what Export writes) and
 * flat `{"group.Name": value}` keys. Returns {presetName?, values, applied, unknown}.
 */
export function mergeImported(document, values) {
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new Error("the file does not hold a JSON object of parameters");
  }
  const merged = structuredClone(values);
  const unknown = [];
  let applied = 0;
  let presetName;
  const put = (group, name, value, label) => {
    if (value !== null && typeof value === "object") unknown.push(label);
    else if (group in merged && name in merged[group]) {
      merged[group][name] = asText(value);
      applied += 1;
    } else unknown.push(label);
  };
  for (const [key, value] of Object.entries(document)) {
    if (key === PRESET_KEY && typeof value === "string") presetName = value;
    else if (key === "description") continue;
    else if (GROUPS.includes(key) && value !== null && typeof value === "object") {
      for (const [name, inner] of Object.entries(value)) put(key, name, inner, `${key}.${name}`);
    } else {
      const [group, name] = splitKey(key);
      if (group) put(group, name, value, key);
      else unknown.push(key);
    }
  }
  return { presetName, values: merged, applied, unknown };
}

/** Every value as JSON (numbers as numbers), for Export. */
export function exportDocument(presetName, values) {
  const document = { [PRESET_KEY]: presetName };
  for (const group of GROUPS) {
    document[group] = {};
    for (const [name, text] of Object.entries(values[group])) {
      const trimmed = text.trim();
      document[group][name] = NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
    }
  }
  return document;
}
