// The page: parameters in, three streams out. Changing a parameter checks it with the server,
// closes the old streams and opens new ones (the server cancels the old work); switching assembly
// restarts only the visualize stream; Run (or Try again) always starts afresh, so an error never
// sticks. Nothing here waits synchronously: the page stays usable while the server works.

import { SSEManager } from "./sse-manager.js";
import { ParameterForm } from "./form.js";
import { Viewer } from "./viewer.js";
import { CncOverview } from "./cnc.js";
import { DimensionTables } from "./tables.js";
import {
  designFromQuery, designQuery, exportDocument, mergeImported, presetValues,
} from "./params.js";

const ASSEMBLIES = [
  ["WindTurbine", "Wind Turbine"], ["StatorMold", "Stator Mold"], ["RotorMold", "Rotor Mold"],
  ["MagnetJig", "Magnet Jig"], ["CoilWinder", "Coil Winder"], ["BladeTemplate", "Blade Template"],
];
const TABS = ["visualize", "cnc", "dimensions"];
const TAB_OF_STREAM = { visualize: "#tab-visualize", cnc: "#tab-cnc", tables: "#tab-dimensions" };
const DEFAULT_PRESET = "T Shape";
const RUN_DELAY_MS = 300;

const $ = (selector) => document.querySelector(selector);

/** A stream's progress bar and its line of text. */
class StreamProgress {
  constructor(root) {
    this.root = root;
    this.bar = root.querySelector("progress");
    this.text = root.querySelector(".progress-text");
    this.reset("Not started");
  }

  set(percent, message) {
    this.root.className = "progress";
    this.bar.value = percent;
    this.text.textContent = `${percent}% — ${message}`;
  }

  done(message) {
    this.root.className = "progress done";
    this.bar.value = 100;
    this.text.textContent = message;
  }

  /** Back to empty, e.g. when the work was cancelled (silently: no error). */
  reset(message = "") {
    this.root.className = "progress idle";
    this.bar.value = 0;
    this.text.textContent = message;
  }

  /** Keep the bar where it is, greyed, with a reason. */
  stop(message) {
    this.root.className = "progress idle";
    this.text.textContent = message;
  }

  get value() {
    return this.bar.value;
  }
}

/** An error line with a "Try again" button. */
function showError(element, message, retry) {
  const text = document.createElement("span");
  text.textContent = message;
  const children = [text];
  if (retry) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Try again";
    button.addEventListener("click", retry);
    children.push(button);
  }
  element.replaceChildren(...children);
  element.hidden = false;
}

function hideError(element) {
  element.hidden = true;
  element.replaceChildren();
}

async function getJson(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, body };
}

class App {
  constructor() {
    this.sseLog = [];
    this.sse = new SSEManager({ onLog: (entry) => this.sseLog.push({ ...entry, at: performance.now() }) });
    this.downloadClient = `${this.sse.clientId}.dl`;
    this.presets = {};
    this.presetName = DEFAULT_PRESET;
    this.runKey = null;
    this.query = null;
    this.serial = 0;
    this.valid = false;
    this.timer = null;
    this.validation = null;
    this.assembly = "WindTurbine";
    this.models = new Map(); // assembly → visualize result of the current design
    this.downloadable = null;
    this.opacities = new Map();
    this.progress = Object.fromEntries(["visualize", "cnc", "tables"].map(
      (name) => [name, new StreamProgress($(`.progress[data-stream="${name}"]`))]));
    this.errors = {
      visualize: $("#panel-visualize .stream-error"),
      cnc: $("#panel-cnc .stream-error"),
      tables: $("#panel-dimensions .stream-error"),
    };
    this.form = new ParameterForm($("#parameters"), $("#form-summary"), () => this.#edited());
    this.viewer = new Viewer($("#viewer"), $("#viewer-tooltip"));
    this.cnc = new CncOverview($("#cnc-view"), $("#cnc-tooltip"), $("#cut-list"));
    this.tables = new DimensionTables($("#tables"));
  }

  async start() {
    this.#wireTheme();
    this.#wireAssemblies(); // before the tabs, which rewrite the address's #fragment
    this.#wireTabs();
    this.#wireViewerControls();
    this.#wireImportExport();
    $("#run").addEventListener("click", () => this.run({ force: true }));
    $("#print").addEventListener("click", () => window.print());
    $("#cnc-zoom-in").addEventListener("click", () => this.cnc.zoom(0.8));
    $("#cnc-zoom-out").addEventListener("click", () => this.cnc.zoom(1.25));
    $("#cnc-fit").addEventListener("click", () => this.cnc.fit());
    if (!this.viewer.available) {
      this.#viewerMessage("This browser cannot show 3D (no WebGL); downloads and the other tabs work.", true);
    }

    let presets, schema, downloads;
    try {
      [presets, schema, downloads] = await Promise.all([
        getJson("/api/presets"), getJson("/api/parametersschema"), getJson("/api/downloads"),
      ]);
    } catch {
      this.#notice("Connection error: the cadstream server did not answer. Reload the page to try again.", true);
      return;
    }
    if (!presets.ok || !schema.ok) {
      this.#notice(`The server could not give the parameters: ${presets.body.error ?? schema.body.error}`, true);
      return;
    }
    this.presets = presets.body;
    this.downloadable = downloads.ok ? new Set(downloads.body.files ?? []) : null;
    const fallback = DEFAULT_PRESET in this.presets ? DEFAULT_PRESET : Object.keys(this.presets)[0];
    const { presetName, values, unknown } = designFromQuery(location.search, this.presets, fallback);
    this.presetName = presetName;
    this.#fillPresets();
    this.form.build(schema.body, values, this.presets[presetName]);
    if (unknown.length) {
      this.#notice(`The link held things that are not parameters, ignored: ${unknown.join(", ")}`, true);
    }
    this.run();
  }

  // ---- parameters → streams ----

  #edited() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), RUN_DELAY_MS);
  }

  /** Check the parameters with the server, then open the three streams (unless unchanged). */
  async run({ force = false } = {}) {
    clearTimeout(this.timer);
    const query = designQuery(this.presetName, this.presets[this.presetName], this.form.values());
    const key = query.toString();
    history.replaceState(null, "", `?${key}${location.hash}`);
    if (!force && key === this.runKey) return;
    const serial = ++this.serial;
    this.valid = false;
    this.sse.closeAllEventSources();
    this.runKey = key;
    this.query = query;
    this.models.clear();
    this.#updateDownloads(false);
    for (const [name, progress] of Object.entries(this.progress)) {
      progress.reset("Checking parameters…");
      hideError(this.errors[name]);
      delete $(TAB_OF_STREAM[name]).dataset.state;
    }
    for (const panel of document.querySelectorAll(".panel")) panel.classList.add("stale");

    this.validation?.abort();
    this.validation = new AbortController();
    let verdict;
    try {
      verdict = await getJson(`/api/validate?${key}`, { signal: this.validation.signal });
    } catch (error) {
      if (error.name === "AbortError") return;
      if (serial === this.serial) this.#failAll("Connection error");
      return;
    }
    if (serial !== this.serial) return;
    if (verdict.status === 422) {
      const unplaced = this.form.showProblems({ errors: verdict.body.fields ?? [] });
      const extra = unplaced.length ? `: ${unplaced.map((p) => `${p.name} ${p.message}`).join("; ")}` : "";
      for (const progress of Object.values(this.progress)) progress.stop(`Waiting for valid parameters${extra}`);
      this.#viewerMessage("Fix the highlighted parameters to see the design.", true);
      return;
    }
    if (!verdict.ok) {
      this.#failAll(verdict.body.error ?? `The server answered ${verdict.status}`);
      return;
    }
    this.form.showProblems({ warnings: verdict.body.warnings ?? [] });
    this.valid = true;
    this.#updateDownloads(true);
    this.#startVisualize();
    this.#startCnc();
    this.#startTables();
  }

  #failAll(message) {
    for (const name of Object.keys(this.progress)) this.#streamFailed(name, message, []);
  }

  #streamFailed(name, message, fields) {
    this.progress[name].stop("Stopped");
    $(TAB_OF_STREAM[name]).dataset.state = "error";
    const retry = () => this.run({ force: true });
    if (name === "visualize") {
      this.viewer.clear();
      this.#viewerMessage(message, true, retry);
    } else {
      showError(this.errors[name], message, retry);
    }
    if (fields.length) this.form.showProblems({ errors: fields });
  }

  #startVisualize() {
    const assembly = this.assembly;
    const cached = this.models.get(assembly);
    this.sse.closeEventSourceContaining("/api/visualize/");
    delete $(TAB_OF_STREAM.visualize).dataset.state;
    this.#updateAssemblyDownloads();
    if (cached) {
      this.#showModel(assembly, cached);
      return;
    }
    if (!this.query) return;
    this.#viewerMessage(null);
    this.sse.startSSE(`/api/visualize/${assembly}/stream`, this.query, {
      onProgress: (percent, message) => this.progress.visualize.set(percent, message),
      onComplete: (data) => {
        this.models.set(assembly, data);
        if (this.assembly === assembly) this.#showModel(assembly, data);
      },
      onCancelled: () => this.progress.visualize.reset(),
      onError: (message, fields) => this.#streamFailed("visualize", message, fields),
    });
  }

  #showModel(assembly, data) {
    const started = performance.now();
    try {
      const summary = this.viewer.show(assembly, data.objText, data.furlTransform);
      this.#modelControls(summary);
      this.#viewerMessage(null);
      $("#panel-visualize").classList.remove("stale");
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.progress.visualize.done(`${ASSEMBLIES.find(([a]) => a === assembly)?.[1] ?? assembly}: `
        + `${summary.parts.length} parts (shown in ${seconds} s)`);
    } catch (error) {
      this.#streamFailed("visualize", `The model could not be shown: ${error.message}`, []);
    }
  }

  #startCnc() {
    this.sse.startSSE("/api/getcncoverview/stream", this.query, {
      onProgress: (percent, message) => this.progress.cnc.set(percent, message),
      onComplete: (svg) => this.#showCnc(svg),
      onCancelled: () => this.progress.cnc.reset(),
      onError: (message, fields) => this.#streamFailed("cnc", message, fields),
    });
  }

  async #showCnc(svg) {
    let fromDrawing;
    try {
      fromDrawing = this.cnc.show(String(svg));
    } catch (error) {
      this.#streamFailed("cnc", error.message, []);
      return;
    }
    $("#panel-cnc").classList.remove("stale");
    this.progress.cnc.done(`CNC overview: ${fromDrawing.length} flat parts`);
    this.cnc.showCutList(fromDrawing);
    const key = this.runKey;
    try {
      // Under the downloads' id: a late answer must never make this page's streams move back
      // to an older design.
      const cutList = await getJson(`/api/cutlist?${this.query}&client=${this.downloadClient}`);
      if (cutList.ok && Array.isArray(cutList.body) && key === this.runKey) this.cnc.showCutList(cutList.body);
    } catch {
      // The drawing's own list stays.
    }
  }

  #startTables() {
    this.sse.startSSE("/api/getdimensiontables/stream", this.query, {
      onProgress: (percent, message) => this.progress.tables.set(percent, message),
      onComplete: (trees) => {
        try {
          const count = this.tables.show(trees);
          $("#panel-dimensions").classList.remove("stale");
          this.progress.tables.done(`${count} dimension tables`);
          const design = [...this.query].map(([key, value]) => (key === "preset" ? value : `${key} = ${value}`));
          $("#print-heading").textContent = `cadstream — ${design.join(", ")} — ${new Date().toLocaleDateString()}`;
        } catch (error) {
          this.#streamFailed("tables", error.message, []);
        }
      },
      onCancelled: () => this.progress.tables.reset(),
      onError: (message, fields) => this.#streamFailed("tables", message, fields),
    });
  }

  // ---- visualize controls ----

  #wireAssemblies() {
    const list = $("#assembly-list");
    for (const [assembly, title] of ASSEMBLIES) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = title;
      button.dataset.assembly = assembly;
      button.addEventListener("click", () => this.selectAssembly(assembly));
      const item = document.createElement("li");
      item.append(button);
      list.append(item);
    }
    const fromHash = /^#visualize\/(\w+)$/.exec(location.hash)?.[1];
    if (ASSEMBLIES.some(([a]) => a === fromHash)) this.assembly = fromHash;
    this.#markAssembly();
  }

  #markAssembly() {
    for (const button of document.querySelectorAll("#assembly-list button")) {
      button.setAttribute("aria-current", String(button.dataset.assembly === this.assembly));
    }
  }

  /** Show another assembly: only the visualize stream restarts; the design is shared. */
  selectAssembly(assembly) {
    if (assembly === this.assembly && this.viewer.model) return;
    this.assembly = assembly;
    this.#markAssembly();
    history.replaceState(null, "", `${location.search}#visualize/${assembly}`);
    if (this.valid) this.#startVisualize();
  }

  #wireViewerControls() {
    $("#reset-view").addEventListener("click", () => this.viewer.resetView());
    const explode = $("#explode");
    explode.addEventListener("input", () => {
      $("#explode-out").value = `${explode.value}%`;
      this.viewer.setExplode(Number(explode.value) / 100);
    });
    const furl = $("#furl");
    furl.addEventListener("input", () => {
      $("#furl-out").value = `${Number(furl.value).toFixed(1)}°`;
      furl.setAttribute("aria-valuetext", `${furl.value} degrees of ${furl.max}`);
      this.viewer.setFurl(Number(furl.value));
    });
  }

  #modelControls(summary) {
    this.viewer.setExplode(Number($("#explode").value) / 100);
    const furl = $("#furl");
    $("#furl-control").hidden = summary.furlMaximum === null;
    if (summary.furlMaximum !== null) {
      furl.max = String(summary.furlMaximum);
      if (Number(furl.value) > summary.furlMaximum) furl.value = String(summary.furlMaximum);
      furl.setAttribute("aria-valuetext", `${furl.value} degrees of ${summary.furlMaximum}`);
      this.viewer.setFurl(Number(furl.value));
    }
    const rows = summary.groups.map((group) => {
      const id = `opacity-${group.replace(/\W/g, "-")}`;
      const row = document.createElement("div");
      row.className = "opacity-row";
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = group;
      const input = document.createElement("input");
      Object.assign(input, { type: "range", id, min: "0", max: "100", step: "5" });
      input.value = String(Math.round((this.opacities.get(group) ?? 1) * 100));
      input.addEventListener("input", () => {
        this.opacities.set(group, Number(input.value) / 100);
        this.viewer.setGroupOpacity(group, Number(input.value) / 100);
      });
      this.viewer.setGroupOpacity(group, Number(input.value) / 100);
      row.append(label, input);
      return row;
    });
    $("#transparency-groups").replaceChildren(...rows);
  }

  #viewerMessage(message, isError = false, retry = null) {
    const box = $("#viewer-message");
    if (!message) {
      box.hidden = true;
      return;
    }
    box.classList.toggle("error", isError);
    showError(box, message, retry);
  }

  // ---- downloads ----

  #link(selector, file, enabled) {
    const link = $(selector);
    const offered = this.downloadable === null || this.downloadable.has(file);
    link.hidden = !offered;
    if (enabled && offered && this.query) {
      const query = new URLSearchParams(this.query);
      query.set("client", this.downloadClient);
      link.href = `/api/download/${file}?${query}`;
      link.setAttribute("download", file);
      link.removeAttribute("aria-disabled");
    } else {
      link.removeAttribute("href");
      link.setAttribute("aria-disabled", "true");
    }
  }

  #updateDownloads(enabled) {
    this.downloadsEnabled = enabled;
    this.#link("#download-dxf", "dxf.zip", enabled);
    this.#link("#download-xlsx", "design.xlsx", enabled);
    this.#updateAssemblyDownloads();
  }

  #updateAssemblyDownloads() {
    this.#link("#download-obj", `${this.assembly}.obj`, this.downloadsEnabled);
    this.#link("#download-step", `${this.assembly}.step`, this.downloadsEnabled);
    $("#download-obj").textContent = `${this.assembly}.obj`;
    $("#download-step").textContent = `${this.assembly}.step`;
  }

  // ---- presets, import, export ----

  #fillPresets() {
    const select = $("#preset");
    select.replaceChildren(...Object.keys(this.presets).map((name) => new Option(name, name)));
    select.value = this.presetName;
    this.#describePreset();
    select.addEventListener("change", () => this.#choosePreset(select.value, presetValues(this.presets[select.value])));
  }

  #describePreset() {
    $("#preset-description").textContent = this.presets[this.presetName]?.description ?? "";
  }

  #choosePreset(name, values) {
    this.presetName = name;
    $("#preset").value = name;
    this.#describePreset();
    this.form.setValues(values, this.presets[name]);
    this.run();
  }

  #wireImportExport() {
    $("#export-json").addEventListener("click", () => {
      const document_ = exportDocument(this.presetName, this.form.values());
      const blob = new Blob([`${JSON.stringify(document_, null, 2)}\n`], { type: "application/json" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `cadstream-${this.presetName.replace(/[^\w.-]+/g, "-")}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    });

    $("#import-json").addEventListener("change", async (event) => {
      const file = event.target.files?.[0];
      event.target.value = "";
      if (!file) return;
      let imported;
      try {
        imported = JSON.parse(await file.text());
      } catch (error) {
        this.#notice(`${file.name} is not JSON: ${error.message}`, true);
        return;
      }
      this.#importDocument(imported, file.name);
    });

    $("#import-mat").addEventListener("change", async (event) => {
      const file = event.target.files?.[0];
      event.target.value = "";
      if (!file) return;
      const body = new FormData();
      body.append("file", file);
      let answer;
      try {
        answer = await getJson("/api/loadmat", { method: "POST", body });
      } catch {
        this.#notice("Connection error: the .mat file could not be sent.", true);
        return;
      }
      if (!answer.ok) {
        this.#notice(`${file.name} could not be read: ${answer.body.error ?? answer.status}`, true);
        return;
      }
      this.#importDocument({ preset: answer.body.preset, magnafpm: answer.body.magnafpm }, file.name);
    });
  }

  #importDocument(imported, fileName) {
    let base = this.form.values();
    let presetName = this.presetName;
    const problems = [];
    const wanted = imported?.preset;
    if (typeof wanted === "string") {
      if (wanted in this.presets) {
        presetName = wanted;
        base = presetValues(this.presets[wanted]);
      } else problems.push(`preset "${wanted}" is not known, kept "${presetName}"`);
    }
    let merged;
    try {
      merged = mergeImported(imported, base);
    } catch (error) {
      this.#notice(`${fileName}: ${error.message}`, true);
      return;
    }
    const lines = [`Imported ${merged.applied} parameters from ${fileName}${presetName !== this.presetName
      ? ` (preset ${presetName})` : ""}.`];
    if (merged.unknown.length) lines.push(`Not parameters, ignored: ${merged.unknown.join(", ")}.`);
    lines.push(...problems.map((p) => `${p[0].toUpperCase()}${p.slice(1)}.`));
    this.#notice(lines.join(" "), merged.unknown.length > 0 || problems.length > 0);
    this.#choosePreset(presetName, merged.values);
  }

  #notice(message, isProblem = false) {
    const notice = $("#notice");
    notice.textContent = message;
    notice.classList.toggle("error", isProblem);
    notice.hidden = false;
  }

  // ---- tabs and theme ----

  #wireTabs() {
    const tabs = TABS.map((name) => $(`#tab-${name}`));
    const select = (name, focus = false) => {
      for (const tab of tabs) {
        const selected = tab.id === `tab-${name}`;
        tab.setAttribute("aria-selected", String(selected));
        tab.tabIndex = selected ? 0 : -1;
        $(`#${tab.getAttribute("aria-controls")}`).hidden = !selected;
        if (selected && focus) tab.focus();
      }
      const hash = name === "visualize" ? `#visualize/${this.assembly}` : `#${name}`;
      history.replaceState(null, "", `${location.search}${hash}`);
    };
    tabs.forEach((tab, index) => {
      const name = TABS[index];
      tab.addEventListener("click", () => select(name));
      tab.addEventListener("keydown", (event) => {
        const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index };
        if (!(event.key in moves)) return;
        event.preventDefault();
        select(TABS[(index + moves[event.key] + tabs.length) % tabs.length], true);
      });
    });
    const initial = TABS.find((name) => location.hash.startsWith(`#${name}`)) ?? "visualize";
    select(initial);
  }

  #wireTheme() {
    const button = $("#theme-toggle");
    const apply = (theme) => {
      document.documentElement.dataset.theme = theme;
      button.setAttribute("aria-pressed", String(theme === "dark"));
      button.textContent = theme === "dark" ? "Light theme" : "Dark theme";
      const background = getComputedStyle(document.documentElement).getPropertyValue("--viewer-bg").trim();
      this.viewer.setBackground(background || "#e9edf2");
    };
    button.addEventListener("click", () => {
      const theme = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
      try { localStorage.setItem("cadstream.theme", theme); } catch { /* storage blocked */ }
      apply(theme);
    });
    apply(document.documentElement.dataset.theme === "dark" ? "dark" : "light");
  }
}

const app = new App();
// For tests and the curious: the live scene, the stream manager and its log.
window.cadstream = {
  app,
  get scene() { return app.viewer.scene; },
  get sse() { return app.sse; },
  get sseLog() { return app.sseLog; },
  ready: false,
};
app.start().finally(() => { window.cadstream.ready = true; });
