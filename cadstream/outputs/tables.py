"""The dimension tables of the reference: what a builder cuts, buys and checks, as Element trees.

Every table's rows are built from cell values alone (a ``Sheet.Alias`` → value mapping), so a
derived design and its workbook read back give the same rows. The trees are the reference's
minimal HTML-like nodes (``table``/``thead``/``tbody``/``tfoot``/``tr``/``th``/``td``), which its
client renders generically. Where a design's drawing illustrates a table, it takes a third column
(our own drawings, :mod:`cadstream.outputs.drawings`; the reference's pictures are not ours).

Numbers print as :mod:`cadstream.outputs.printed` has it (Python's ``round``, as the reference).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NotRequired, TypedDict

from cadstream.design.cells import Value, ValueMap
from cadstream.outputs.drawings.picture import Picture
from cadstream.outputs.printed import angle as _angle
from cadstream.outputs.printed import length as _length
from cadstream.outputs.printed import length_1dp as _length_1dp
from cadstream.outputs.printed import number as _number
from cadstream.outputs.printed import raw_length as _raw_length
from cadstream.outputs.printed import weight as _weight

__all__ = ["Element", "dimension_tables", "title_of"]

#: Label and printed value of one body row.
Row = tuple[str, str]

_COLUMNS = 2
_BOOK = "A Wind Turbine Recipe Book (2014 metric edition), {}"
#: Jacking studs are cut to this length (mm), whatever the turbine.
_JACKING_ROD_LENGTH = 250
#: Threaded rod added to the coil winder's centre rod for its handle (mm), an estimate.
_COIL_WINDER_HANDLE_LENGTH = 350
_VANE_BRACKET_FASTENERS = 4
_LOCATING_BOLTS = 3
_STAR_STATOR_MOUNTS = 6


class Element(TypedDict):
    """One node of a table, named after the DOM: the client assigns each property directly."""

    tagName: str
    children: NotRequired[list[Element]]
    properties: NotRequired[dict[str, str | int]]


class _Values(ValueMap):
    """The cells a table needs, plus the two facts most tables branch on."""

    @property
    def shape(self) -> str:
        shape = self.text("Spreadsheet.CalculatedWindTurbineShape")
        if shape not in ("T", "H", "Star"):
            raise ValueError(f"unknown wind turbine shape {shape!r}")
        return shape

    @property
    def rotors(self) -> int:
        """Magnet rotors: two for a double rotor, else one (the steel disk carries no magnets)."""
        return 2 if self.text("Spreadsheet.RotorTopology") == "Double" else 1


# --- printing -------------------------------------------------------------------------------


def _screw(quantity: float, diameter: float, length: float | None = None) -> str:
    """``<d> × <L> mm — <q> pieces``; the length is rounded like :func:`_length`."""
    size = _number(diameter) if length is None else f"{_number(diameter)} × {_length(length)}"
    return f"{size} — {_number(quantity)} pieces"


def _fastener(quantity: float, diameter: float, length: float | None = None) -> str:
    """A metric bolt, nut or washer: :func:`_screw` with the ``M`` thread prefix."""
    return "M" + _screw(quantity, diameter, length)


def _totals_by_diameter(pairs: Iterable[tuple[float, float]]) -> list[tuple[float, int]]:
    """Whole-millimetre lengths summed per diameter, smallest diameter first.

    Each length is rounded before it is added, as the reference does, so the total is what a
    builder adds up from the printed pieces.
    """
    totals: dict[float, int] = {}
    for diameter, length in pairs:
        totals[diameter] = totals.get(diameter, 0) + round(length)
    return sorted(totals.items())


# --- elements -------------------------------------------------------------------------------


def _text(tag: str, text: str, col_span: int | None = None) -> Element:
    properties: dict[str, str | int] = {"textContent": text}
    if col_span is not None:
        properties["colSpan"] = col_span
    return {"tagName": tag, "properties": properties}


def _parent(tag: str, children: list[Element]) -> Element:
    return {"tagName": tag, "children": children}


def _table(title: str, rows: Sequence[Row], footers: Sequence[str] = ()) -> Element:
    """A titled two-column table; a ``tfoot`` only when there are footer lines."""
    children = [
        _parent("thead", [_parent("tr", [_text("th", title, _COLUMNS)])]),
        _parent("tbody", [_parent("tr", [_text("td", label), _text("td", value)])
                          for label, value in rows]),
    ]
    if footers:
        children.append(_parent("tfoot", [_parent("tr", [_text("td", line, _COLUMNS)])
                                          for line in footers]))
    return _parent("table", children)


def _book(page: str) -> str:
    """Footer pointing at the recipe book page the table stands for."""
    return _BOOK.format(page)


# --- the tables, in the reference's order ---------------------------------------------------


def _hub_plywood_pieces(v: _Values) -> Element:
    screws = (v.num("Blade.NumberOfBackDiskScrews")
              + v.num("Blade.MinimumNumberOfFrontTriangleScrews")
              + v.num("Blade.NumberOfAdditionalInnerScrews")
              + v.num("Blade.NumberOfAdditionalOuterScrews"))
    return _table("Dimensions of hub plywood pieces", [
        ("Thickness", _length(v.num("Blade.BladeAssemblyPlateThickness"))),
        ("Disk diameter", _length(v.num("Blade.BladeAssemblyBackDiskDiameter"))),
        ("Triangle side", _length(v.num("Blade.BladeAssemblyFrontTriangleSideLength"))),
        ("Stainless steel screws", _screw(screws, v.num("Fastener.WoodScrewDiameter"),
                                          v.num("Blade.BladeAssemblyScrewLength"))),
    ], [_book("page 20 right-hand side")])


def _yaw_bearing_pipe_sizes(v: _Values) -> Element:
    return _table("Yaw Bearing Pipe Sizes", [
        ("Tower top stub outer diameter", _length_1dp(v.num("Tail.HingeInnerPipeDiameter"))),
        ("Yaw pipe outer diameter", _length_1dp(v.num("Spreadsheet.YawPipeDiameter"))),
        ("Yaw pipe wall thickness", _length(v.num("Spreadsheet.PipeThickness"))),
        ("Yaw pipe length", _length(v.num("HighEndStop.YawPipeLength"))),
    ], [_book("page 24 left-hand side")])


def _wheel_bearing_hub(v: _Values) -> Element:
    return _table("Wheel Bearing Hub", [
        ("Pitch Circle Diameter (PCD)", _length(v.num("Spreadsheet.HubPitchCircleDiameter"))),
        ("Number of bolts", _number(v.num("Hub.NumberOfHoles"))),
        ("Bolt diameter", _length(v.num("Spreadsheet.HubHolesDiameter"))),
    ], [_book("page 25 left-hand side")])


def _steel_disk_sizes(v: _Values) -> Element:
    return _table("Steel Disk Sizes", [
        ("Diameter", _length(2 * v.num("Spreadsheet.RotorDiskRadius"))),
        ("Thickness", _length(v.num("Spreadsheet.RotorDiskThickness"))),
        ("Central hole diameter", _length(v.num("Spreadsheet.RotorDiskCentralHoleDiameter"))),
    ], [_book("page 25 right-hand side")])


def _frame_dimensions(v: _Values) -> Element:
    """The angle-iron frame: its pieces per shape, then the section and the length to buy.

    The total is the sum of the pieces as printed (each rounded first), as the reference does.
    """
    footers: list[str] = []
    if v.shape == "T":
        a, bc, d = (round(v.num(f"Alternator.{alias}"))
                    for alias in ("TShapeTwoHoleEndBracketLength", "BC", "D"))
        pieces = [("Length of upright A", a), ("Channel pieces B,C", bc), ("End bracket D", d),
                  ("Position of shaft X", round(v.num("Alternator.X")))]
        total = a + 2 * bc + d
        footers.append(_book("page 26 right-hand side"))
    elif v.shape == "H":
        g, h = round(v.num("Alternator.GG")), round(v.num("Alternator.HH"))
        pieces = [("G", g), ("H", h)]
        total = 2 * g + 2 * h
        footers.append(_book("page 27 right-hand side"))
    else:
        a, b, c = (round(v.num(f"Alternator.{alias}"))
                   for alias in ("StarShapeTwoHoleEndBracketLength", "B", "CC"))
        pieces = [("A", a), ("B", b), ("C", c)]
        total = 2 * (a + b + c)
    return _table("Frame Dimensions", [
        *((label, _raw_length(length)) for label, length in pieces),
        ("Steel angle section width", _length(v.num("Spreadsheet.MetalLengthL"))),
        ("Steel angle section thickness", _length(v.num("Spreadsheet.MetalThicknessL"))),
        ("Steel angle section length total", _raw_length(total)),
    ], footers)


def _offset(v: _Values) -> Element:
    return _table("Offset distance laterally from alternator center to yaw center", [
        ("Offset", _length(v.num("Spreadsheet.Offset"))),
    ], [_book("page 27 right-hand side")])


def _alternator_frame_to_yaw_pipe_sizes(v: _Values) -> Element:
    """T shape only: where the small yaw bearing plates meet the frame."""
    return _table("Alternator Frame to Yaw Pipe Sizes", [
        ("Length of yaw bearing pipe", _length(v.num("HighEndStop.YawPipeLength"))),
        ("I", _length(v.num("Alternator.I"))),
        ("J", _length(v.num("Alternator.j"))),
        ("K", _length(v.num("Alternator.k"))),
    ], [_book("page 28 right-hand side")])


def _flat_bar_top_view(v: _Values) -> Element:
    """H and Star shapes: the extended yaw bearing's top flat bar."""
    return _table("Frame Dimensions, Flat Bar Top View", [
        ("Offset", _length(v.num("Spreadsheet.Offset"))),
        ("L length of flat bar", _length(v.num("YawBearing.L"))),
        ("M width of flat bar", _length(v.num("YawBearing.MM"))),
    ], [_book("page 29 left-hand side")])


def _flat_bar_side_view(v: _Values) -> Element:
    """H and Star shapes: the extended yaw bearing's side piece."""
    flat = _length(v.num("Spreadsheet.FlatMetalThickness"))
    return _table("Frame Dimensions, Flat Bar Side View", [
        ("N flat bar thickness", flat),
        ("O length of yaw bearing pipe", _length(v.num("HighEndStop.YawPipeLength"))),
        ("P side piece flat bar length", _length(v.num("YawBearing.SideLength"))),
        ("Q side piece flat bar width", _length(v.num("YawBearing.SideWidth"))),
        ("R side piece flat bar thickness", flat),
        ("S length from top of channel section to weld flat bar",
         _length(v.num("WindTurbine.LengthFromTopOfChannelSectionToWeldTopBar"))),
    ])


def _steel_pipe_dimensions_for_tail(v: _Values) -> Element:
    return _table("Steel Pipe Dimensions for Tail", [
        ("Boom length A", _length(v.num("Spreadsheet.BoomLength"))),
        ("Diameter B", _length_1dp(v.num("Spreadsheet.BoomPipeDiameter"))),
        ("Hinge outer C", _length(v.num("Tail.HingeOuterPipeLength"))),
        ("Diameter D", _length_1dp(v.num("Tail.HingeOuterPipeDiameter"))),
        ("Hinge inner E", _length(v.num("Tail.HingeInnerPipeLength"))),
        ("Diameter F", _length_1dp(v.num("Tail.HingeInnerPipeDiameter"))),
        ("Wall thickness of tail hinge pipes", _length(v.num("Spreadsheet.PipeThickness"))),
    ], [_book("page 31 right-hand side")])


def _tail_junction_cross_piece(v: _Values) -> Element:
    """The cross piece spans the junction less the two pipe radii it is welded between."""
    width = (v.num("Tail.TailHingeJunctionFullWidth") - v.num("Spreadsheet.YawPipeDiameter") / 2
             - v.num("Tail.HingeInnerPipeRadius"))
    return _table("Tail Junction Cross Piece Dimensions", [
        ("Width of cross piece D", _length(width)),
        ("Position from end of yaw bearing pipe", _length(v.num("Tail.TailHingeJunctionHeight"))),
    ])


def _tail_vane(v: _Values) -> Element:
    holes = v.num("Spreadsheet.HolesDiameter")
    fasteners = _VANE_BRACKET_FASTENERS
    return _table("Tail Vane Dimensions", [
        ("Tail hinge angle", _angle(v.num("Spreadsheet.VerticalPlaneAngle"))),
        ("Vane plywood dimension G", _length(v.num("Spreadsheet.VaneWidth"))),
        ("Vane plywood dimension H", _length(v.num("Spreadsheet.VaneLength"))),
        ("Vane plywood thickness", _length(v.num("Spreadsheet.VaneThickness"))),
        ("Vane bracket flat bar width", _length(v.num("Spreadsheet.BracketWidth"))),
        ("Vane bracket flat bar thickness", _length(v.num("Spreadsheet.BracketThickness"))),
        ("Vane bracket flat bar length J", _length(v.num("Spreadsheet.BracketLength"))),
        ("Vane bracket bolts",
         _fastener(fasteners, holes, v.num("Fastener.TailVaneBracketBoltLength"))),
        ("Vane bracket nuts", _fastener(fasteners, holes)),
        ("Vane bracket washers (large)", _fastener(fasteners, holes)),
    ], [_book("page 32 bottom"), "Vane bracket bolts, nuts, and washers are stainless steel"])


def _magnets_and_coils(v: _Values) -> Element:
    return _table("Magnets and Coils", [
        ("Number of rotor disks", _number(v.rotors)),
        ("Magnets per rotor disk", _number(v.num("Spreadsheet.NumberMagnet"))),
        ("Magnet material", v.text("Spreadsheet.MagnetMaterial")),
        ("Magnet length", _length(v.num("Spreadsheet.MagnetLength"))),
        ("Magnet width", _length(v.num("Spreadsheet.MagnetWidth"))),
        ("Magnet thickness", _length(v.num("Spreadsheet.MagnetThickness"))),
        ("Number of coils", _number(3 * v.num("Spreadsheet.NumberOfCoilsPerPhase"))),
        ("Weight of wire", _weight(v.num("Spreadsheet.WireWeight"))),
        ("Wire diameter", _raw_length(v.num("Spreadsheet.WireDiameter"))),
        ("Number of wires in hand", _number(v.num("Spreadsheet.NumberOfWiresInHand"))),
        ("Turns per coil", _number(v.num("Spreadsheet.TurnsPerCoil"))),
    ])


def _coil_winder(v: _Values) -> Element:
    """A triangular winder's third pin sits in the bottom hole, so C is that hole's diameter."""
    if v.num("Spreadsheet.CoilType") == 3:
        c = 2 * v.num("Alternator.CoilWinderDiskBottomHoleRadius")
    else:
        c = v.num("Alternator.InnerHorizontalDistanceBetweenCenterOfSmallHoles")
    return _table("Coil Winder Dimensions", [
        ("Cheek piece diameter", _length(2 * v.num("Alternator.CoilWinderDiskRadius"))),
        ("A", _length(2 * v.num("Alternator.RectangularVerticalDistanceOfHolesFromCenter"))),
        ("B", _length(v.num("Alternator.OuterHorizontalDistanceBetweenCenterOfSmallHoles"))),
        ("C", _length(c)),
        ("Threaded rod diameter", f"M{round(v.num('Alternator.CoilWinderCenterRodDiameter'))}"),
        ("Pin diameter", f"M{round(v.num('Alternator.CoilWinderPinDiameter'))}"),
    ])


def _stator_mould(v: _Values) -> Element:
    """The Star mould is hexagonal: B is the hexagon's corner radius and it has six mounts.

    The screws print the nominal wood screw diameter even where the mould uses smaller screws,
    as the reference does.
    """
    star = v.shape == "Star"
    bolts = (v.num("Alternator.StatorMoldIslandNumberOfBolts")
             + v.num("Alternator.StatorMoldSurroundNumberOfBolts"))
    bolt = v.num("Alternator.StatorMoldBoltDiameter")
    outer = v.num("Alternator.HexagonalStatorOuterCircumradius" if star
                  else "Alternator.StatorHolesCircumradius")
    mounts = _STAR_STATOR_MOUNTS if star else v.num("Alternator.NumberOfStatorHoles")
    screws = (v.num("Alternator.StatorMoldSurroundNumberOfScrews")
              + v.num("Alternator.StatorMoldIslandNumberOfScrews"))
    return _table("Stator Mould Dimensions", [
        ("Mould side A", _length(v.num("Alternator.StatorMoldSideLength"))),
        ("Outer radius B", _length(outer)),
        ("Inner radius C", _length(v.num("Alternator.StatorInnerHoleRadius"))),
        ("Number of mounts", _number(mounts)),
        ("Surround and island thickness", _length(v.num("Spreadsheet.StatorThickness"))),
        ("Bolts (fully threaded)",
         _fastener(bolts, bolt, v.num("Alternator.StatorMoldBoltLength"))),
        ("Locating Bolts (fully threaded)",
         _fastener(_LOCATING_BOLTS, v.num("Alternator.LocatingBoltDiameter"),
                   v.num("Alternator.LocatingBoltLength"))),
        ("Nuts", _fastener(bolts + _LOCATING_BOLTS, bolt)),
        ("Washers (large)", _fastener(bolts + _LOCATING_BOLTS, bolt)),
        ("Screws", _screw(screws, v.num("Fastener.WoodScrewDiameter"),
                          v.num("Alternator.StatorMoldScrewLength"))),
    ], [_book("page 40 left-hand side")])


def _rotor_mould(v: _Values) -> Element:
    """One mould casts every magnet rotor in turn, so fasteners count once per rotor."""
    bolts = v.num("Alternator.NumberOfRotorMoldBolts") * v.rotors
    stud = v.num("Spreadsheet.HubHolesDiameter")
    return _table("Rotor Mould Dimensions", [
        ("Mould side A", _length(v.num("Alternator.RotorMoldSideLength"))),
        ("Rotor radius B", _length(v.num("Alternator.RotorMoldSurroundRadius"))),
        ("Island radius C", _length(v.num("Alternator.IslandRadius"))),
        ("Surround thickness", _length(v.num("Alternator.RotorMoldSurroundThickness"))),
        ("Island thickness", _length(v.num("Alternator.RotorMoldIslandThickness"))),
        ("Bolts (fully threaded)",
         _fastener(bolts, stud, v.num("Fastener.HubHolesBoltLength"))),
        ("Nuts", _fastener(bolts, stud)),
        ("Screws", _screw(v.num("Alternator.NumberOfRotorMoldScrews") * v.rotors,
                          v.num("Fastener.WoodScrewDiameter"),
                          v.num("Alternator.RotorMoldScrewLength"))),
    ], [_book("page 42 left-hand side")])


def _magnet_positioning_jig(v: _Values) -> Element:
    """Washers are listed for all but ferrite magnets (the reference decides on the material,
    while its jig model decides on the gap between magnets)."""
    radius = v.num("Spreadsheet.RotorDiskRadius")
    bolts = v.num("Alternator.NumberOfRotorMoldBolts")
    stud = v.num("Spreadsheet.HubHolesDiameter")
    rows = [
        ("Number of magnets", _number(v.num("Spreadsheet.NumberMagnet"))),
        ("Smaller radius D", _length(radius - v.num("Spreadsheet.MagnetLength"))),
        ("Larger radius E", _length(radius)),
        ("Circle radius", _length(v.num("Spreadsheet.MagnetWidth") / 2)),
        ("Bolts (fully threaded)", _fastener(bolts, stud, v.num("Fastener.HubHolesBoltLength"))),
        ("Nuts", _fastener(bolts, stud)),
    ]
    if v.text("Spreadsheet.MagnetMaterial") != "Ferrite C8":
        rows.append(("Washers (standard)", _fastener(bolts, stud)))
    return _table("Magnet Positioning Jig Dimensions", rows, [_book("page 42 & 43")])


def _various_parts(v: _Values) -> Element:
    return _table("Various Parts Dimensions", [
        ("Thickness of all flat steel pieces", _length(v.num("Spreadsheet.FlatMetalThickness"))),
    ])


def _total_pipe_length(v: _Values) -> Element:
    """Pipe to buy per outer diameter: yaw pipe, both hinge pipes and the boom."""
    pipes = [
        (v.num("Spreadsheet.YawPipeDiameter"), v.num("HighEndStop.YawPipeLength")),
        (v.num("Tail.HingeOuterPipeDiameter"), v.num("Tail.HingeOuterPipeLength")),
        (v.num("Tail.HingeInnerPipeDiameter"), v.num("Tail.HingeInnerPipeLength")),
        (v.num("Spreadsheet.BoomPipeDiameter"), v.num("Spreadsheet.BoomLength")),
    ]
    return _table("Total pipe length by outer diameter", [
        (f"{_number(diameter)} mm outer diameter pipe length", _raw_length(total))
        for diameter, total in _totals_by_diameter(pipes)
    ])


def _studs_nuts_and_washers(v: _Values) -> Element:
    """Threaded parts of the alternator, then the threaded rod to buy per diameter."""
    hub_holes = v.num("Hub.NumberOfHoles")
    stud = v.num("Spreadsheet.HubHolesDiameter")
    stator_holes = v.num("Alternator.NumberOfStatorHoles")
    holes = v.num("Spreadsheet.HolesDiameter")
    jacking_holes = v.num("Alternator.NumberOfJackingHoles")
    jacking_rod = v.num("Alternator.JackingRodDiameter")
    winder_rod = v.num("Alternator.CoilWinderCenterRodDiameter")
    winder_rod_length = (v.num("Alternator.CoilWinderCenterRodLength")
                         + _COIL_WINDER_HANDLE_LENGTH)
    hub_studs = v.num("Alternator.HubStudsLength")
    stator_studs = v.num("Alternator.StatorMountingStudsLength")
    rods = [
        (stud, round(hub_studs) * hub_holes),
        (holes, round(stator_studs) * stator_holes),
        (jacking_rod, _JACKING_ROD_LENGTH * jacking_holes),
        (winder_rod, winder_rod_length),
    ]
    return _table("Studs, nuts, & washers", [
        ("Bearing hub studs", _fastener(hub_holes, stud, hub_studs)),
        ("Blade assembly nuts", _fastener(2 * hub_holes, stud)),
        ("Blade assembly washers (large)", _fastener(2 * hub_holes, stud)),
        ("Rotor disk assembly nuts",
         _fastener((v.num("Alternator.NumberOfNutsBetweenRotorDisks") + 1) * hub_holes, stud)),
        ("Rotor disk assembly washers (standard)",
         _fastener(v.num("Alternator.NumberOfWashersBetweenRotorDisks") * hub_holes, stud)),
        ("Stator studs", _fastener(stator_holes, holes, stator_studs)),
        ("Stator assembly nuts", _fastener(4 * stator_holes, holes)),
        ("Stator assembly washers (standard)", _fastener(2 * stator_holes, holes)),
        ("Jacking studs", _fastener(jacking_holes, jacking_rod, _JACKING_ROD_LENGTH)),
        ("Jacking hole diameter", _raw_length(v.num("Alternator.JackingHoleDiameter"))),
        ("Threaded rod for coil winder", _fastener(1, winder_rod, winder_rod_length)),
        *((f"{_number(diameter)} mm diameter studs length total", _raw_length(total))
          for diameter, total in _totals_by_diameter(rods)),
    ], ["All except jacking studs are stainless steel"])


def _resin(v: _Values) -> Element:
    """Talc is half the resin as printed, so it is halved after rounding the resin."""
    weight = v.num("Resin.ResinWeight")
    return _table("Resin", [
        ("Estimated weight of vinyl ester resin", _weight(weight)),
        ("Estimated weight of talcum powder", _weight(round(weight, 2) / 2)),
    ])


_Builder = Callable[[_Values], Element]
_FRAME_TO_YAW_BEARING: dict[str, tuple[_Builder, ...]] = {
    "T": (_alternator_frame_to_yaw_pipe_sizes,),
    "H": (_flat_bar_top_view, _flat_bar_side_view),
    "Star": (_flat_bar_top_view, _flat_bar_side_view),
}


def dimension_tables(values: Mapping[str, Value],
                     pictures: Mapping[str, Picture] | None = None) -> list[Element]:
    """All dimension tables in the reference's order: 19 for a T frame, 20 for H and Star.

    ``values`` maps ``Sheet.Alias`` to a cell value, e.g. ``design.cells`` or what
    :func:`cadstream.outputs.workbook.read_workbook` returns. ``pictures`` are drawings of the
    design by table title (made from its geometry, so tables read back from a workbook have
    none).
    """
    v = _Values(values)
    builders: tuple[_Builder, ...] = (
        _hub_plywood_pieces, _yaw_bearing_pipe_sizes, _wheel_bearing_hub, _steel_disk_sizes,
        _frame_dimensions, _offset, *_FRAME_TO_YAW_BEARING[v.shape],
        _steel_pipe_dimensions_for_tail, _tail_junction_cross_piece, _tail_vane,
        _magnets_and_coils, _coil_winder, _stator_mould, _rotor_mould, _magnet_positioning_jig,
        _various_parts, _total_pipe_length, _studs_nuts_and_washers, _resin,
    )
    tables = [build(v) for build in builders]
    pictures = pictures or {}
    return [_illustrated(table, pictures[title_of(table)]) if title_of(table) in pictures else table
            for table in tables]


def title_of(table: Element) -> str:
    """A table's heading, which names it."""
    return str(table["children"][0]["children"][0]["children"][0]["properties"]["textContent"])


def _illustrated(table: Element, picture: Picture) -> Element:
    """``table`` with ``picture`` in a third column beside all its body rows (§2.a.1): the
    header and footers span three columns, the first body row carries the image cell."""
    head, body, *foot = table["children"]
    rows = body["children"]
    image: Element = {"tagName": "img",
                      "properties": {"src": picture.src, "alt": picture.alt,
                                     "style": picture.style}}
    cell: Element = {"tagName": "td", "properties": {"rowSpan": len(rows)}, "children": [image]}
    first: Element = {"tagName": "tr", "children": [*rows[0]["children"], cell]}
    return _parent("table", [_spanned(head, _COLUMNS + 1),
                             _parent("tbody", [first, *rows[1:]]),
                             *(_spanned(part, _COLUMNS + 1) for part in foot)])


def _spanned(section: Element, columns: int) -> Element:
    """A one-cell-per-row section (header or footer) spanning ``columns``."""
    return _parent(section["tagName"], [
        _parent("tr", [{**cell, "properties": {**cell.get("properties", {}), "colSpan": columns}}
                       for cell in row["children"]])
        for row in section["children"]])
