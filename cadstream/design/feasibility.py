"""Combinations of parameters that cannot be built, each refused with its geometric reason.

Field checks have already passed: every value has its type, sign and enum. These rules look at
several values together, using the same formulas as the sheets, so a design that passes them
derives without a domain error and builds.
"""

from __future__ import annotations

import math
from collections import ChainMap
from collections.abc import Callable, Mapping

from cadstream.design.arith import cos, tan
from cadstream.design.cells import Cells, ValueMap
from cadstream.design.coil_winder_pins import pin_layout, winder_conflicts
from cadstream.design.coils import reduced_triangular_coil_outline_is_simple
from cadstream.params.model import Parameters
from cadstream.params.problems import Problem
from cadstream.params.spec import PIPE_SIZES

__all__ = ["RULES", "design_infeasibilities", "infeasibilities"]

Rule = Callable[[Parameters], Problem | None]

_A = "Alternator."


def _num(p: Parameters, key: str) -> float:
    return float(p[key])


def _mm(x: float) -> str:
    return f"{x:.2f} mm"


def _magnet_corner_offset(p: Parameters) -> float:
    rd, mw = _num(p, "magnafpm.RotorDiskRadius"), _num(p, "magnafpm.MagnetWidth")
    return rd - math.sqrt(rd * rd - (mw / 2) ** 2)


def _magnet_inner_radius(p: Parameters) -> float:
    rd, ml = _num(p, "magnafpm.RotorDiskRadius"), _num(p, "magnafpm.MagnetLength")
    return rd - ml - _magnet_corner_offset(p)


def _coil_winder_pin_diameter(p: Parameters) -> float:
    smallest = min(_num(p, "magnafpm.MagnetLength"), _num(p, "magnafpm.MagnetWidth"))
    return 3.0 if smallest < 12 else 4.0 if smallest < 14 else 5.0


def magnets_reach_disk_edge(p: Parameters) -> Problem | None:
    """The magnets' outer corners sit on the disk edge, so the disk must be wider than a magnet."""
    rd, mw = _num(p, "magnafpm.RotorDiskRadius"), _num(p, "magnafpm.MagnetWidth")
    if mw < 2 * rd:
        return None
    return Problem("magnafpm.RotorDiskRadius", p["magnafpm.RotorDiskRadius"],
                   f"must be more than half the MagnetWidth ({_mm(mw / 2)}): the magnets' outer "
                   "corners sit on the rotor disk's edge")


def coils_leave_stator_hole(p: Parameters) -> Problem | None:
    """Magnets and coil legs must fit between the disk edge and the centre."""
    clw = _num(p, "magnafpm.CoilLegWidth")
    inner = _magnet_inner_radius(p) - clw
    if inner > 0:
        return None
    rd = _num(p, "magnafpm.RotorDiskRadius")
    need = rd - inner
    return Problem("magnafpm.RotorDiskRadius", p["magnafpm.RotorDiskRadius"],
                   f"must exceed {_mm(need)} (MagnetLength plus CoilLegWidth plus the magnets' "
                   "corner offset): the coils need a hole in the middle of the stator")


def magnets_do_not_overlap(p: Parameters) -> Problem | None:
    """Neighbouring magnets touch first at their inner corners."""
    count = _num(p, "magnafpm.NumberMagnet")
    mw = _num(p, "magnafpm.MagnetWidth")
    inner = _magnet_inner_radius(p)
    room = 2 * inner * tan(180 / count)
    if inner > 0 and mw < room:
        return None
    return Problem("magnafpm.NumberMagnet", p["magnafpm.NumberMagnet"],
                   f"is too many for magnets {mw:g} mm wide: at their inner radius "
                   f"({_mm(inner)}) each magnet has {_mm(max(room, 0))} of room, so they would "
                   "overlap")


def hub_studs_inside_magnet_ring(p: Parameters) -> Problem | None:
    """The hub studs pass through the rotor disk inside the resin island around the magnets."""
    pcr = _num(p, "user.HubPitchCircleDiameter") / 2
    stud = _num(p, "user.HubHolesDiameter") / 2
    limit = _num(p, "magnafpm.RotorDiskRadius") - _num(p, "magnafpm.MagnetLength")
    if pcr + stud < limit:
        return None
    return Problem("user.HubPitchCircleDiameter", p["user.HubPitchCircleDiameter"],
                   f"puts the hub studs (radius {_mm(pcr + stud)} to their outer edge) under the "
                   f"magnets: keep the stud holes inside radius {_mm(limit)} "
                   "(RotorDiskRadius − MagnetLength)")


def central_hole_inside_studs(p: Parameters) -> Problem | None:
    """The rotor disk's central hole must leave steel around the hub stud holes."""
    pcr = _num(p, "user.HubPitchCircleDiameter") / 2
    stud = _num(p, "user.HubHolesDiameter") / 2
    hole = _num(p, "user.RotorDiskCentralHoleDiameter") / 2
    if hole < pcr - stud:
        return None
    return Problem("user.RotorDiskCentralHoleDiameter", p["user.RotorDiskCentralHoleDiameter"],
                   f"must be less than {_mm(2 * (pcr - stud))} (HubPitchCircleDiameter − "
                   "HubHolesDiameter): the central hole would cut into the hub stud holes")


def coil_holes_fit_winder_pins(p: Parameters) -> Problem | None:
    """The coil is wound around pins, so its hole cannot be narrower or shorter than them."""
    pin = _coil_winder_pin_diameter(p)
    length = _num(p, "magnafpm.MagnetLength")
    if length <= 2 * pin:
        return Problem("magnafpm.MagnetLength", p["magnafpm.MagnetLength"],
                       f"must be more than {2 * pin:g} mm, twice the coil winder's pin diameter")
    widths: tuple[str, ...]
    if int(p["magnafpm.CoilType"]) == 3:
        widths = ("magnafpm.MagnetWidth",)
    else:
        widths = ("magnafpm.CoilHoleWidthAtOuterRadius", "magnafpm.CoilHoleWidthAtInnerRadius")
    for key in widths:
        if _num(p, key) < pin:
            return Problem(key, p[key], f"must be at least {pin:g} mm, the coil winder's pin "
                           "diameter for these magnets")
    return None


def hinge_pipe_walls(p: Parameters) -> Problem | None:
    """The inner hinge pipe is one size below the yaw pipe and shares its wall thickness."""
    yaw = _num(p, "user.YawPipeDiameter")
    smaller = [size for size in PIPE_SIZES if size < yaw]
    inner = smaller[-1] if smaller else PIPE_SIZES[0]
    thickness = _num(p, "user.PipeThickness")
    if 2 * thickness < inner:
        return None
    return Problem("user.PipeThickness", p["user.PipeThickness"],
                   f"must be less than half of {inner:g} mm, the inner tail hinge pipe (one size "
                   "below the yaw pipe)")


def boom_pipe_wall(p: Parameters) -> Problem | None:
    diameter = _num(p, "furling.BoomPipeDiameter")
    if 2 * _num(p, "furling.BoomPipeThickness") < diameter:
        return None
    return Problem("furling.BoomPipeThickness", p["furling.BoomPipeThickness"],
                   f"must be less than half the boom pipe diameter ({diameter:g} mm)")


def hinge_leans(p: Parameters) -> Problem | None:
    """The tail furls by swinging up its tilted hinge: upright it cannot lift, flat it cannot
    turn."""
    angle = _num(p, "furling.VerticalPlaneAngle")
    if 1 <= angle < 90:
        return None
    return Problem("furling.VerticalPlaneAngle", p["furling.VerticalPlaneAngle"],
                   "must be from 1° to 89°: the tail hinge must lean back from the yaw axis "
                   "without lying flat")


def hinge_off_alternator_axis(p: Parameters) -> Problem | None:
    """At 0° or 180° the hinge sits on the line through the yaw axis and cannot set a furl limit."""
    angle = _num(p, "furling.HorizontalPlaneAngle")
    if math.fmod(angle, 180) != 0:
        return None
    return Problem("furling.HorizontalPlaneAngle", p["furling.HorizontalPlaneAngle"],
                   "must not be 0°, 180° or 360°: the tail hinge would sit on the line through "
                   "the yaw axis, where the tail has no furl limit")


def blade_wider_than_template_root(p: Parameters) -> Problem | None:
    """The hub plates' screw lines start from the blade's trailing edge beyond the root width W."""
    diameter = _num(p, "magnafpm.RotorDiameter")
    root = math.floor(abs(0.018 * diameter + 12.986) + 0.5)
    width = _num(p, "user.BladeWidth")
    if width > root:
        return None
    return Problem("user.BladeWidth", p["user.BladeWidth"],
                   f"must be more than {root} mm, the blade template's root dimension W for a "
                   f"{diameter:g} mm rotor")


RULES: tuple[Rule, ...] = (
    magnets_reach_disk_edge,
    coils_leave_stator_hole,
    magnets_do_not_overlap,
    hub_studs_inside_magnet_ring,
    central_hole_inside_studs,
    coil_holes_fit_winder_pins,
    hinge_pipe_walls,
    boom_pipe_wall,
    hinge_leans,
    hinge_off_alternator_axis,
    blade_wider_than_template_root,
)


def _reduced_coil_problem(cells: Cells) -> Problem | None:
    """A reduced triangular coil (CoilType 3 whose neighbours would overlap) must have a simple
    outline: its corner circles of radius ``CoilLegWidthReduced`` round off legs ``CoilLegWidth``
    wide, and a leg too wide for them leaves the corner arcs running backwards (§5)."""
    a = "Alternator."
    if cells.num(a + "CoilType") != 3 or cells.num(a + "DoCoilsOverlap") != 1:
        return None
    clw, corner = cells.num(a + "CoilLegWidth"), cells.num(a + "CoilLegWidthReduced")
    shape = (cells.num(a + "Mw"), cells.num(a + "MagnetLength"),
             cells.num(a + "CoilWinderPinRadius"),
             cells.num(a + "CoilHoleWidthAtInnerRadius") / 2,
             cells.num(a + "TriangularCoilWinderCircumradius"))

    def simple(leg_width: float) -> bool:
        return reduced_triangular_coil_outline_is_simple(leg_width, corner, *shape)

    if corner > 0 and simple(clw):
        return None
    if corner <= 0:
        return Problem("magnafpm.CoilHoleWidthAtOuterRadius",
                       cells["Spreadsheet.CoilHoleWidthAtOuterRadius"],
                       "is too wide for this many coils: the coil holes alone are wider than a "
                       f"coil's share of the ring ({_mm(cells.num(a + 'CoilSectorArcLength'))}), "
                       "so there is no room for the triangular coils' legs")
    # The corner radius does not depend on CoilLegWidth (the reduction grows with it); up to the
    # corner radius the coils do not overlap and are full triangular coils.
    low, high = corner, clw
    if simple(low + 1e-6):
        for _ in range(60):
            middle = (low + high) / 2
            low, high = (middle, high) if simple(middle) else (low, middle)
    largest = math.floor(low * 100) / 100
    return Problem("magnafpm.CoilLegWidth", cells["Spreadsheet.CoilLegWidth"],
                   f"is too wide for the reduced triangular coil's corner circles (radius "
                   f"{_mm(corner)}, so that neighbouring coils do not overlap): the coil's "
                   "outline would cross itself, its corner arcs running backwards; at most "
                   f"{_mm(largest)} works")


def _winder_conflicts(cells: Cells, changed: Mapping[str, float]) -> list[str]:
    """What stops the coil winder's plates being cut, with the ``changed`` Alternator cells; a
    layout that cannot even be computed (pins on top of each other) is itself the conflict."""
    values = ValueMap(ChainMap({_A + k: v for k, v in changed.items()}, dict(cells)))
    try:
        return winder_conflicts(pin_layout(values), values.num(_A + "CoilWinderCenterRodRadius"))
    except (ArithmeticError, ValueError):
        return ["the pins cannot be laid out (two of them coincide)"]


def _nearest_width(cells: Cells, changed: Callable[[float], Mapping[str, float]], width: float,
                   widen: bool) -> float | None:
    """The hole width nearest ``width`` (wider if ``widen``, else narrower) whose ``changed``
    cells let the winder's plates be cut, rounded away from ``width`` to 0.01 mm; None when none
    within a factor of 64 does."""

    def works(w: float) -> bool:
        return not _winder_conflicts(cells, changed(w))

    good = width
    for _ in range(6):
        good = good * 2 + 1 if widen else good / 2
        if works(good):
            break
    else:
        return None
    bad = width
    for _ in range(60):
        middle = (good + bad) / 2
        good, bad = (middle, bad) if works(middle) else (good, middle)
    rounded = (math.ceil if widen else math.floor)(good * 100) / 100
    return rounded if works(rounded) else good


def _coil_winder_problem(cells: Cells) -> Problem | None:
    """The coil winder's cheeks and spacer must be cuttable (tools §1.4.4). The reference's
    sketches have no guard: a coil hole too narrow for its pins crosses the spacer's chamfers,
    and a triangular coil's bottom hole too wide for the centre rod lifts the spacer's floor
    over the rod's hole. Names the hole width that would work where one does."""
    conflicts = _winder_conflicts(cells, {})
    if not conflicts:
        return None
    cannot = "the winder's plates cannot be cut: " + "; ".join(conflicts)
    if cells.num(_A + "CoilType") == 3:
        return _triangular_winder_problem(cells, cannot)
    return _quadrilateral_winder_problem(cells, cannot)


def _triangular_winder_problem(cells: Cells, cannot: str) -> Problem:
    """The bottom rod is half the coil hole's inner width in radius; when no narrower hole
    helps, the magnets' proportions put the pins too near the rod or each other."""
    width = cells.num("Spreadsheet.CoilHoleWidthAtInnerRadius")
    bound = _nearest_width(cells, lambda w: {"CoilWinderDiskBottomHoleRadius": w / 2}, width,
                           widen=False)
    if bound is not None:
        return Problem("magnafpm.CoilHoleWidthAtInnerRadius",
                       cells["Spreadsheet.CoilHoleWidthAtInnerRadius"],
                       "is too wide for the triangular coil winder, whose bottom rod is half "
                       f"the hole's width in radius; {cannot}; at most {_mm(bound)} works")
    height = cells.num(_A + "TriangularVerticalDistanceOfHolesFromCenter")
    spacing = cells.num(_A + "TriangularHorizontalDistanceBetweenPins")
    return Problem("magnafpm.MagnetWidth", cells["Spreadsheet.MagnetWidth"],
                   "does not suit a triangular coil winder for magnets "
                   f"{cells.num('Spreadsheet.MagnetLength'):g} mm long, its pins' centres at "
                   f"(±{spacing / 2:.2f}, {height:.2f}) mm from the centre rod's axis; {cannot}; "
                   "no bottom hole width helps: use magnets of the presets' proportions or a "
                   "rectangular or keyhole coil")


def _quadrilateral_winder_problem(cells: Cells, cannot: str) -> Problem:
    """The pins stand at the coil hole's corners: its narrower end (both ends, set by
    MagnetLength, for a rectangular coil wound turned) must leave room between them."""
    pin = cells.num(_A + "CoilWinderPinDiameter")
    inner = cells.num(_A + "InnerHorizontalDistanceBetweenCenterOfSmallHoles")
    outer = cells.num(_A + "OuterHorizontalDistanceBetweenCenterOfSmallHoles")
    ends: tuple[str, ...]
    if cells.num(_A + "ShouldRotateCoil") == 1:
        name, ends = "MagnetLength", ("Inner", "Outer")
    elif inner <= outer:
        name, ends = "CoilHoleWidthAtInnerRadius", ("Inner",)
    else:
        name, ends = "CoilHoleWidthAtOuterRadius", ("Outer",)

    def changed(w: float) -> dict[str, float]:
        return {f"{end}HorizontalDistanceBetweenCenterOfSmallHoles": w - pin for end in ends}

    bound = _nearest_width(cells, changed, cells.num("Spreadsheet." + name), widen=True)
    advice = "" if bound is None else f"; at least {_mm(bound)} works"
    return Problem(f"magnafpm.{name}", cells["Spreadsheet." + name],
                   f"is too narrow for the coil winder's pins ({pin:g} mm across), whose centres "
                   f"it sets {_mm(min(inner, outer))} apart; {cannot}{advice}")


def _extended_top_problem(cells: Cells) -> Problem | None:
    """The extended (H, Star) yaw bearing's top bar has its wire hole over the yaw axis, one
    YawPipeRadius from the bar's end (assembly §5.3): a pipe no wider than the hole would cut
    that end open. The reference offers these shapes no pipe under 88.9 mm."""
    shape = cells.text("Spreadsheet.CalculatedWindTurbineShape")
    hole = cells.num("YawBearing.YawBearingPlateTopHoleRadius")
    if shape == "T" or cells.num("YawBearing.YawPipeRadius") > hole:
        return None
    return Problem("user.YawPipeDiameter", cells["Spreadsheet.YawPipeDiameter"],
                   f"must be more than {2 * hole:g} mm for the {shape} shape: its yaw bearing's "
                   f"top bar has a {2 * hole:g} mm wire hole over the pipe, centred one pipe "
                   "radius from the bar's end, which a narrower pipe would cut open")


def design_infeasibilities(cells: Cells) -> list[Problem]:
    """Rules on derived values that compute without error but describe parts that cannot exist."""
    found = []
    screws = min(cells.num("Blade.NumberOfOuterScrews"), cells.num("Blade.NumberOfInnerScrews")
                 if cells.num("Blade.HideInnerScrews") == 0 else 1)
    if screws < 1:
        found.append(Problem("user.BladeWidth", cells["Spreadsheet.BladeWidth"],
                             "is too narrow to screw the blades to the hub's front triangle "
                             "(a line of screws would get none); the recipe book's minimum for "
                             f"this rotor is {cells.num('Blade.MinimumBladeWidth'):g} mm"))
    brace = cells.num("Tail.TailBoomTriangularBraceWidth")
    if brace <= 0:
        found.append(Problem("furling.BoomPipeDiameter", cells["Spreadsheet.BoomPipeDiameter"],
                             "does not fit on the outer tail hinge pipe at this VerticalPlaneAngle"
                             f" ({cells.num('Spreadsheet.VerticalPlaneAngle'):g}°): the boom brace "
                             f"would have a width of {_mm(brace)}"))
    adjacent = cells.num("YawBearing.Adj")
    if cells.text("Spreadsheet.CalculatedWindTurbineShape") != "T" and adjacent <= 0:
        offset = cells.num("Spreadsheet.Offset")
        found.append(Problem("furling.Offset", cells["Spreadsheet.Offset"],
                             f"must be more than {offset - adjacent * cos(45):.0f} mm: the "
                             "extended yaw bearing's side piece needs room beyond the top bar"))
    found += [problem for problem in (_reduced_coil_problem(cells), _coil_winder_problem(cells),
                                      _extended_top_problem(cells)) if problem is not None]
    return found


def infeasibilities(parameters: Parameters) -> list[Problem]:
    """Every rule's problem; once the disk is too small for the magnets, later rules are moot."""
    first = magnets_reach_disk_edge(parameters)
    if first is not None:
        return [first]
    return [problem for rule in RULES[1:] if (problem := rule(parameters)) is not None]
