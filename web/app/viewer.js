// The 3D viewer: an assembly's OBJ in a three.js scene, with the reference viewer's conventions
// (tools-and-outputs.md §2.d, §2.e.3; wind-turbine-assembly.md §10): one mesh per part plus its
// `<Name>Wire<i>` outlines, materials chosen by name, explode along the alternator's tilt
// (turbine) or the stacking axis Z (tools), the tail furling about its hinge, transparency per
// part group and the part's name on hover. It renders on demand, so an idle page costs nothing.

import * as THREE from "three";
import { OBJLoader } from "three/addons/loaders/OBJLoader.js";
import { OrbitControls } from "three/addons/controls/OrbitControls.js";

const DEG = Math.PI / 180;
const WIRE = /^(.*)Wire(\d+)$/;
/** Explosion direction of the turbine: the alternator's axis, tilted 4° (cos 4°, sin 4°, 0). */
const TURBINE_AXIS = new THREE.Vector3(Math.cos(4 * DEG), Math.sin(4 * DEG), 0);
const TOOL_AXIS = new THREE.Vector3(0, 0, 1);
/** How far the explode slider's 100% goes, in the reference's explode units. */
const EXPLODE_RANGE = 40;
const TAIL_EXPLODE = -10.5;

/** Turbine parts by OBJ name: [plain name, transparency group, explode factor]. */
const TURBINE_PARTS = {
  Blade_Assembly_FrontTriangle: ["Front Rotor Hub", "Front Rotor Hub", 4.5],
  Blade_Assembly_BackDisk: ["Back Rotor Hub", "Back Rotor Hub", 3],
  Rotor_Disk_Front: ["Front Rotor Disk", "Rotor Disks", 1.5],
  Rotor_ResinCast_Front: ["Front Rotor Resin Cast", "Resin Cast", 1.5],
  Rotor_Magnets_Front: ["Front Magnets", "Magnets", 1.5],
  Stator_ResinCast: ["Stator Resin Cast", "Resin Cast", 0],
  Stator_Coils: ["Coils", "Coils", 0],
  Rotor_Disk_Back: ["Back Rotor Disk", "Rotor Disks", -1.5],
  Rotor_ResinCast_Back: ["Back Rotor Resin Cast", "Resin Cast", -1.5],
  Rotor_Magnets_Back: ["Back Magnets", "Magnets", -1.5],
  Hub_Flange_Cover_Front: ["Front Hub Flange Cover", "Hub", -2.8],
  Hub_Flange: ["Hub Flange", "Hub", -3],
  Studs_Hub: ["Hub Studs", "Hub", -3],
  Hub_Flange_Cover_Back: ["Back Hub Flange Cover", "Hub", -3.3],
  Hub_StubAxleShaft: ["Stub Axle Shaft", "Hub", -4.5],
  Frame: ["Frame", "Frame", -6],
  Studs_Frame: ["Frame Studs", "Frame", -6],
  YawBearing: ["Yaw Bearing", "Yaw Bearing", -7],
  Tail_Hinge_Inner: ["Inner Tail Hinge", "Tail Hinge", -8.25],
  Tail_Hinge_Outer: ["Outer Tail Hinge", "Boom", TAIL_EXPLODE],
  Tail_Boom_Pipe: ["Boom Pipe", "Boom", TAIL_EXPLODE],
  Tail_Boom_Support: ["Boom Support", "Boom", TAIL_EXPLODE],
  Tail_Stop_HighEnd: ["High End Stop", "Boom", TAIL_EXPLODE],
  Vane_Bracket_Top: ["Top Vane Bracket", "Boom", TAIL_EXPLODE],
  Vane_Bracket_Bottom: ["Bottom Vane Bracket", "Boom", TAIL_EXPLODE],
  Tail_Vane: ["Tail Vane", "Vane", TAIL_EXPLODE],
};
/** The parts that furl with the tail (`Tail_Hinge_Inner` stays with the frame). */
const TAIL_PARTS = new Set(["Tail_Hinge_Outer", "Tail_Boom_Pipe", "Tail_Boom_Support",
  "Tail_Stop_HighEnd", "Vane_Bracket_Top", "Vane_Bracket_Bottom", "Tail_Vane"]);
const GROUP_ORDER = ["Front Rotor Hub", "Back Rotor Hub", "Resin Cast", "Coils", "Magnets",
  "Rotor Disks", "Hub", "Frame", "Yaw Bearing", "Tail Hinge", "Boom", "Vane"];

/** Tool parts that stack by their lowest point rather than their highest. */
const STACK_BY_MIN_Z = new Set(["LocatingBolts", "Bolts", "Rotor_Magnets", "Rods"]);
const TOOL_NAMES = [
  [/^Rotor_Magnets/, "Magnets"], [/^Rotor_MagnetJig_Disk/, "Inner Disk"],
  [/^Rotor_MagnetJig/, "Magnet Jig"], [/^(Outer_Nut|NutStacks)/, "Nuts"],
  [/^(Outer_Washer|Inner\w*Washers)/, "Washers"], [/^Stator_CoilWinder_Cheek_Notches/, "Notched Cheek"],
  [/^Stator_CoilWinder_Cheek_Spacers/, "Spacer"], [/^Stator_CoilWinder_Cheeks/, "Cheek"],
  [/^Stator_Coils/, "Coils"], [/^Stator_ResinCast/, "Stator Resin Cast"],
  [/^Rotor_Disk_Back/, "Rotor Disk"],
];

const COLORS = {
  resin: 0x77aa9c, copper: 0xb87333, magnet: 0x625e62, wood: 0xfdc099, steel: 0xc0c1c8,
};

/** The plain name of a tool part (§2.e.3): known words, else the name split into words. */
export function toolPartName(name) {
  for (const [pattern, label] of TOOL_NAMES) if (pattern.test(name)) return label;
  return name.replace(/\d+$/, "").replace(/^(Stator_Mold|Rotor_Mold|Stator_CoilWinder)_?/, "")
    .replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").replace(/\s+/g, " ").trim() || name;
}

function materialKind(name, turbine) {
  if (name.includes("ResinCast")) return "resin";
  if (name.startsWith("Stator_Coils")) return "copper";
  if (name.includes("Magnets")) return "magnet";
  if (["Blade_Assembly_BackDisk", "Blade_Assembly_FrontTriangle", "Tail_Vane", "Blade_Template"]
    .includes(name)) return "wood";
  if (name.startsWith("Rotor_Disk_Back") || /Bolts|Nut|Screws|Washer|Rods/.test(name)) return "steel";
  return turbine ? "steel" : "wood";
}

function makeMaterial(kind) {
  const common = { color: COLORS[kind], polygonOffset: true, polygonOffsetFactor: 1, polygonOffsetUnits: 1 };
  switch (kind) {
    case "resin": return new THREE.MeshLambertMaterial({ ...common, transparent: true, opacity: 0.9 });
    case "copper": return new THREE.MeshPhongMaterial({ ...common, shininess: 30, specular: 0xe3c7ad });
    case "steel": return new THREE.MeshPhongMaterial({ ...common, shininess: 10, specular: 0xeaeaed });
    default: return new THREE.MeshLambertMaterial(common);
  }
}

function transformMatrix({ axis, angle, position }, angleOverride) {
  const matrix = new THREE.Matrix4().makeRotationAxis(
    new THREE.Vector3(...axis).normalize(), angleOverride ?? angle);
  return matrix.setPosition(...position);
}

function webglAvailable() {
  try {
    const gl = document.createElement("canvas").getContext("webgl2");
    gl?.getExtension("WEBGL_lose_context")?.loseContext(); // a probe: give its context back
    return Boolean(gl);
  } catch {
    return false;
  }
}

export class Viewer {
  /**
   * @param {HTMLElement} container holds the canvas
   * @param {HTMLElement} tooltip shows the hovered part's name
   */
  constructor(container, tooltip) {
    this.container = container;
    this.tooltip = tooltip;
    this.scene = new THREE.Scene();
    this.scene.name = "Scene";
    this.camera = new THREE.PerspectiveCamera(35, 1, 1, 100000);
    this.camera.name = "Camera";
    this.headlight = new THREE.DirectionalLight(0xffffff, 1.6);
    this.camera.add(this.headlight);
    this.scene.add(this.camera, new THREE.HemisphereLight(0xffffff, 0x8a8f99, 1.4));
    this.model = null; // the shown assembly's group, named "Model"
    this.turbine = false;
    this.parts = []; // its meshes, one per part
    this.groups = new Map(); // transparency group → meshes
    this.box = null;
    this.explode = 0; // 0…1
    this.explodeBase = 1;
    this.toolSpacing = 0;
    this.furlDegrees = 0;
    this.furl = null; // {group, compose, center} when the tail can furl
    this.home = null; // the camera's reset view
    this.fitPending = false;
    this.renderer = null;
    this.pending = false;
    this.raycaster = new THREE.Raycaster();
    this.pointer = null;
    this.hoverPending = false;

    if (webglAvailable()) {
      this.renderer = new THREE.WebGLRenderer({ antialias: true });
      this.renderer.setPixelRatio(window.devicePixelRatio || 1);
      container.append(this.renderer.domElement);
      this.controls = new OrbitControls(this.camera, this.renderer.domElement);
      this.controls.addEventListener("change", () => this.requestRender());
      new ResizeObserver(() => this.#resize()).observe(container);
      this.#watchPixelRatio();
      this.renderer.domElement.addEventListener("pointermove", (event) => this.#hover(event));
      this.renderer.domElement.addEventListener("pointerleave", () => {
        this.pointer = null;
        this.tooltip.hidden = true;
      });
      this.#resize();
    }
  }

  get available() {
    return this.renderer !== null;
  }

  setBackground(color) {
    this.scene.background = new THREE.Color(color);
    this.requestRender();
  }

  requestRender() {
    if (!this.renderer || this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.renderer.render(this.scene, this.camera);
    });
  }

  /** A window moved to a screen with another pixel ratio re-renders at the new one. */
  #watchPixelRatio() {
    const query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    query.addEventListener("change", () => {
      this.#resize();
      this.#watchPixelRatio();
    }, { once: true });
  }

  #resize() {
    const width = Math.max(1, this.container.clientWidth);
    const height = Math.max(1, this.container.clientHeight);
    if (this.fitPending && width > 1 && height > 1) {
      // The model arrived while its tab was hidden: frame it now that the view has a shape.
      this.camera.aspect = width / height;
      this.fitPending = false;
      this.#fit(this.box);
    }
    // Sharp on HiDPI screens, also when the window moves to another screen.
    this.renderer.setPixelRatio(window.devicePixelRatio || 1);
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    this.requestRender();
  }

  /** Remove the model and free its GPU buffers. */
  clear() {
    if (this.model) {
      this.model.traverse((object) => {
        object.geometry?.dispose();
        if (object.material) [].concat(object.material).forEach((m) => m.dispose());
      });
      this.scene.remove(this.model);
    }
    this.model = null;
    this.parts = [];
    this.groups = new Map();
    this.furl = null;
    this.tooltip.hidden = true;
    this.requestRender();
  }

  /**
   * Show an assembly. `furlTransform` (WindTurbine only) drives the tail; returns a summary
   * {parts: [names], groups: [names], furlMaximum: degrees | null}.
   */
  show(assembly, objText, furlTransform) {
    this.clear();
    const turbine = assembly === "WindTurbine";
    const parsed = new OBJLoader().parse(objText);
    const meshes = [];
    const wires = new Map();
    for (const child of parsed.children) {
      const wire = child.isLine ? WIRE.exec(child.name) : null;
      if (wire) {
        // OBJLoader already turns each `l` polyline into segment pairs: gather a part's wires.
        const segments = wires.get(wire[1]) ?? [];
        for (const value of child.geometry.getAttribute("position").array) segments.push(value);
        wires.set(wire[1], segments);
        child.geometry.dispose();
      } else if (child.isMesh) {
        meshes.push(child);
      }
    }

    const model = new THREE.Group();
    model.name = "Model";
    model.userData.assembly = assembly;
    for (const source of meshes) {
      const name = source.name;
      const geometry = source.geometry;
      if (!geometry.getAttribute("normal")) geometry.computeVertexNormals();
      geometry.computeBoundingBox();
      const kind = materialKind(name, turbine);
      const mesh = new THREE.Mesh(geometry, makeMaterial(kind));
      mesh.name = name;
      mesh.renderOrder = kind === "resin" ? -1 : 0;
      const [label, group, factor] = turbine
        ? (TURBINE_PARTS[name] ?? [toolPartName(name), "Other", 0])
        : [toolPartName(name), toolPartName(name), 0];
      const segments = wires.get(name);
      wires.delete(name);
      if (segments?.length) mesh.add(this.#edges(`${name}Edges`, segments));
      mesh.userData = { label, group, factor, baseOpacity: kind === "resin" ? 0.9 : 1 };
      model.add(mesh);
      this.parts.push(mesh);
      if (!this.groups.has(group)) this.groups.set(group, []);
      this.groups.get(group).push(mesh);
    }
    // Outlines whose part is missing are still drawn, on their own.
    for (const [name, segments] of wires) model.add(this.#edges(`${name}Edges`, segments));

    this.model = model;
    this.scene.add(model);
    this.turbine = turbine;
    const box = new THREE.Box3().setFromObject(model);
    const size = box.getSize(new THREE.Vector3());
    // The reference scales explosion by the model's X extent / 2000; at least 1 here, so a
    // small model (the alternator alone) still comes apart visibly.
    this.explodeBase = Math.max(1, Math.max(size.x, size.y, size.z) / 2000);
    if (!turbine) {
      // Fully exploded, a tool's stack spreads to about its own size again.
      const ranks = this.#rankToolParts();
      this.toolSpacing = Math.max(size.x, size.y, size.z) / Math.max(1, ranks - 1);
    }
    if (turbine && furlTransform) this.#setUpFurl(furlTransform);
    this.box = box;
    this.fitPending = this.container.clientWidth < 2 || this.container.clientHeight < 2;
    this.#fit(box);
    this.#pose();
    return {
      parts: this.parts.map((mesh) => mesh.name),
      groups: this.groupNames(),
      furlMaximum: this.furl ? furlTransform.maximum_angle : null,
    };
  }

  #edges(name, segments) {
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute("position", new THREE.Float32BufferAttribute(segments, 3));
    const lines = new THREE.LineSegments(geometry, new THREE.LineBasicMaterial({ color: 0x000000 }));
    lines.name = name;
    lines.raycast = () => {}; // hover picks parts, not their outlines
    return lines;
  }

  /** Tools explode along Z in stacking order; names ending in digits move together. Returns
   * the number of places in the stack. */
  #rankToolParts() {
    const units = new Map();
    for (const mesh of this.parts) {
      const box = mesh.geometry.boundingBox;
      const digits = /(\d+)$/.exec(mesh.name);
      const unit = digits ? `Group${digits[1]}` : mesh.name;
      const key = STACK_BY_MIN_Z.has(mesh.name) ? box.min.z : box.max.z;
      const area = (box.max.x - box.min.x) * (box.max.y - box.min.y);
      const entry = units.get(unit) ?? { key: Infinity, area: 0, members: [] };
      entry.key = Math.min(entry.key, key);
      entry.area = Math.max(entry.area, area);
      entry.members.push(mesh);
      units.set(unit, entry);
    }
    const ordered = [...units.values()].sort((a, b) => a.key - b.key || b.area - a.area);
    ordered.forEach((unit, rank) => unit.members.forEach((mesh) => { mesh.userData.factor = rank; }));
    return ordered.length;
  }

  /** The furl transform (§2.d.2): tail parts in a `Tail` group driven by the hinge. */
  #setUpFurl(furlTransform) {
    const transforms = furlTransform.transforms ?? [];
    const byName = (name, index) => transforms.find((t) => t.name === name) ?? transforms[index];
    const [parent, tail, hinge] = [byName("parent", 0), byName("tail", 1), byName("hinge", 2)];
    const tailParts = this.parts.filter((mesh) => TAIL_PARTS.has(mesh.name));
    if (!parent || !tail || !hinge || tailParts.length === 0) return;
    const compose = (angle) => transformMatrix(parent).multiply(transformMatrix(tail, angle))
      .multiply(transformMatrix(hinge));
    const start = compose(tail.angle);
    const inverse = start.clone().invert();
    const group = new THREE.Group();
    group.name = "Tail";
    group.matrixAutoUpdate = false;
    group.matrix.copy(start);
    for (const mesh of tailParts) {
      mesh.matrixAutoUpdate = false;
      mesh.matrix.copy(inverse);
      group.add(mesh);
    }
    this.model.add(group);
    this.furl = { group, compose, center: new THREE.Vector3().setFromMatrixPosition(start) };
  }

  /** A home view from `direction` that frames the model's box tightly. */
  #fit(box) {
    const center = box.getCenter(new THREE.Vector3());
    const up = this.turbine ? new THREE.Vector3(0, 1, 0) : new THREE.Vector3(0, 0, 1);
    const direction = (this.turbine ? new THREE.Vector3(1, 0.45, 0.9) : new THREE.Vector3(0.8, -1, 0.9))
      .normalize();
    const right = new THREE.Vector3().crossVectors(up, direction).normalize();
    const screenUp = new THREE.Vector3().crossVectors(direction, right);
    // The corners of every part's own box, measured across and along the view: far tighter
    // than the model's box for a long, diagonal model such as the turbine with its tail.
    const axes = [right, screenUp, direction];
    const low = [Infinity, Infinity, Infinity];
    const high = [-Infinity, -Infinity, -Infinity];
    for (const mesh of this.parts) {
      const part = mesh.geometry.boundingBox;
      for (let corner = 0; corner < 8; corner += 1) {
        const point = new THREE.Vector3(corner & 1 ? part.max.x : part.min.x,
          corner & 2 ? part.max.y : part.min.y, corner & 4 ? part.max.z : part.min.z).sub(center);
        axes.forEach((axis, i) => {
          const d = point.dot(axis);
          low[i] = Math.min(low[i], d);
          high[i] = Math.max(high[i], d);
        });
      }
    }
    if (!this.parts.length) {
      low.fill(-1);
      high.fill(1);
    }
    axes.forEach((axis, i) => center.addScaledVector(axis, (low[i] + high[i]) / 2));
    const [halfWidth, halfHeight, halfDepth] = [0, 1, 2].map((i) => Math.max(1, (high[i] - low[i]) / 2));
    const vertical = Math.tan((this.camera.fov * DEG) / 2);
    const horizontal = vertical * this.camera.aspect;
    const distance = halfDepth + 1.1 * Math.max(halfHeight / vertical, halfWidth / horizontal);
    this.home = { position: center.clone().addScaledVector(direction, distance), target: center, up };
    this.camera.near = Math.max(0.1, (distance - halfDepth) / 100);
    this.camera.far = (distance + halfDepth) * 10;
    this.resetView();
  }

  resetView() {
    if (!this.home) return;
    this.camera.up.copy(this.home.up);
    this.camera.position.copy(this.home.position);
    this.camera.lookAt(this.home.target);
    this.camera.updateProjectionMatrix();
    if (this.controls) {
      this.controls.target.copy(this.home.target);
      this.controls.update();
    }
    this.requestRender();
  }

  /** 0…1 of the full explosion. */
  setExplode(amount) {
    this.explode = amount;
    this.#pose();
  }

  setFurl(degrees) {
    this.furlDegrees = degrees;
    this.#pose();
  }

  #pose() {
    const amount = this.explode * EXPLODE_RANGE * this.explodeBase;
    for (const mesh of this.parts) {
      if (mesh.parent !== this.model) continue; // tail parts move with their group
      if (this.turbine) mesh.position.copy(TURBINE_AXIS).multiplyScalar(mesh.userData.factor * amount);
      else mesh.position.copy(TOOL_AXIS).multiplyScalar(mesh.userData.factor * this.explode * this.toolSpacing);
    }
    if (this.furl) {
      const matrix = this.furl.compose(this.furlDegrees * DEG);
      const center = this.furl.center.clone().addScaledVector(TURBINE_AXIS, TAIL_EXPLODE * amount);
      matrix.setPosition(center);
      this.furl.group.matrix.copy(matrix);
      this.furl.group.matrixWorldNeedsUpdate = true;
    }
    this.requestRender();
  }

  groupNames() {
    const names = [...this.groups.keys()];
    return names.sort((a, b) => {
      const [i, j] = [GROUP_ORDER.indexOf(a), GROUP_ORDER.indexOf(b)];
      return (i < 0 ? 99 : i) - (j < 0 ? 99 : j) || a.localeCompare(b);
    });
  }

  /** 0 (hidden) … 1 (as designed) for every part of a group. */
  setGroupOpacity(group, value) {
    for (const mesh of this.groups.get(group) ?? []) {
      const opacity = mesh.userData.baseOpacity * value;
      mesh.visible = value > 0.01;
      for (const material of [mesh.material, ...mesh.children.map((c) => c.material)]) {
        material.opacity = material === mesh.material ? opacity : value;
        material.transparent = opacity < 1;
        material.depthWrite = value >= 0.999;
        material.needsUpdate = true;
      }
    }
    this.requestRender();
  }

  #hover(event) {
    this.pointer = event;
    if (this.hoverPending) return;
    this.hoverPending = true;
    requestAnimationFrame(() => {
      this.hoverPending = false;
      this.#pick();
    });
  }

  #pick() {
    const event = this.pointer;
    if (!event || !this.model || event.buttons) {
      this.tooltip.hidden = true;
      return;
    }
    const rect = this.renderer.domElement.getBoundingClientRect();
    const ndc = new THREE.Vector2(((event.clientX - rect.left) / rect.width) * 2 - 1,
      -((event.clientY - rect.top) / rect.height) * 2 + 1);
    this.raycaster.setFromCamera(ndc, this.camera);
    const hit = this.raycaster.intersectObjects(this.parts.filter((m) => m.visible), false)[0];
    if (!hit) {
      this.tooltip.hidden = true;
      return;
    }
    this.tooltip.textContent = hit.object.userData.label;
    this.tooltip.style.left = `${event.clientX - rect.left + 14}px`;
    this.tooltip.style.top = `${event.clientY - rect.top + 10}px`;
    this.tooltip.hidden = false;
  }
}
