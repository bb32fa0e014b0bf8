"""The ``Fastener`` sheet: bolt radii, nut heights, washers and the vane bracket bolt length."""

from __future__ import annotations

from cadstream.design.arith import round_up5
from cadstream.design.cells import MM, Cell, Cells, SheetBuilder

__all__ = ["compute", "width_across_corners_picks"]

#: Hex bolt head width across corners (C max) by nominal radius, largest band first.
_WIDTH_ACROSS_CORNERS = ((18, 63.51), (15, 53.12), (12, 41.57), (10, 34.64), (8, 27.71),
                         (7, 24.25), (6, 20.78), (5, 18.48))
_LARGEST_WIDTH_ACROSS_CORNERS = 75.05


def width_across_corners_picks(radius: float) -> list[tuple[bool, float]]:
    """Picks for :meth:`SheetBuilder.cascade`, in the reference's order (``range7`` first)."""
    return [(radius <= limit, width) for limit, width in _WIDTH_ACROSS_CORNERS]


def nut_thickness(radius: float) -> float:
    """Height of a hex nut of nominal ``radius``: a fit of BS 4190 black nuts."""
    return 1.64 * radius + 0.35


def compute(v: Cells) -> tuple[Cell, ...]:
    s = SheetBuilder("Fastener")
    bracket_t = s.put("BracketThickness", v.num("Spreadsheet.BracketThickness"), MM,
                      "Vane bracket thickness (input).")
    vane_t = s.put("VaneThickness", v.num("Spreadsheet.VaneThickness"), MM,
                   "Tail vane thickness (input).")
    flat_t = s.put("FlatMetalThickness", v.num("Spreadsheet.FlatMetalThickness"), MM,
                   "Flat steel thickness (input).")
    holes_d = s.put("HolesDiameter", v.num("Spreadsheet.HolesDiameter"), MM,
                    "General bolt diameter (input).")
    hub_holes_d = s.put("HubHolesDiameter", v.num("Spreadsheet.HubHolesDiameter"), MM,
                        "Hub stud diameter (input).")
    holes_r = s.put("HolesRadius", holes_d / 2, MM, "Radius of the general bolts and holes.")
    hub_holes_r = s.put("HubHolesRadius", hub_holes_d / 2, MM, "Radius of the hub studs.")
    s.put("HexNutThickness", nut_thickness(holes_r), MM, "Height of a general hex nut.")
    s.put("HubHexNutThickness", nut_thickness(hub_holes_r), MM, "Height of a hub stud nut.")
    washer_t = s.put("WasherThickness", 2.5, MM, "Thickness of every washer.")
    thread = s.put("DistanceThreadsExtendFromNuts", 5, MM,
                   "Thread left showing beyond a nut.")
    s.put("HubHolesBoltLength", 50, MM, "Length of the bolts through hub holes in molds and jig.")
    screw_d = s.put("WoodScrewDiameter", 5, MM, "Diameter of the wood screws.")
    s.put("ScrewHoleDiameter", screw_d - 1, MM, "Pilot hole diameter for the wood screws.")
    unrounded = s.put("UnroundedTailVaneBracketBoltLength",
                      bracket_t + vane_t + flat_t + thread + washer_t, MM,
                      "Grip of a vane bracket bolt plus thread and washer.")
    s.put("TailVaneBracketBoltLength", round_up5(unrounded), MM,
          "Vane bracket bolt length, rounded up to the next 5 mm.")
    s.cascade([f"HWACrange{i}" for i in range(7, 0, -1)] + ["HolesWidthAcrossCorners"],
              width_across_corners_picks(holes_r), _LARGEST_WIDTH_ACROSS_CORNERS, MM,
              "Head width across corners of a general bolt.")
    s.cascade([f"HHWACrange{i}" for i in range(7, 0, -1)] + ["HubHolesWidthAcrossCorners"],
              width_across_corners_picks(hub_holes_r), _LARGEST_WIDTH_ACROSS_CORNERS, MM,
              "Head width across corners of a hub bolt.")
    return s.cells()
