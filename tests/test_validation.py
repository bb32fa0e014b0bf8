"""Validation: every rule refuses one input with a message that names the field and the fix."""

import pytest

from cadstream.params.presets import preset, presets
from cadstream.params.problems import ParameterError
from cadstream.params.query import groups_from_query
from cadstream.validation import validate


def refused(*pairs: tuple[str, str]) -> ParameterError:
    with pytest.raises(ParameterError) as caught:
        validate(groups_from_query(list(pairs)))
    return caught.value


@pytest.mark.parametrize("name", list(presets()))
def test_every_preset_validates(name: str) -> None:
    validated = validate(preset(name).parameters.as_groups())
    assert validated.parameters == preset(name).parameters


def test_spec_example_is_refused_naming_rotor_disk_radius() -> None:
    error = refused(("magnafpm.RotorDiskRadius", "0.2"), ("user.BladeWidth", "100"))
    assert error.problems[0].name == "magnafpm.RotorDiskRadius"
    assert error.problems[0].value == 0.2
    assert "more than half the MagnetWidth (15.00 mm)" in str(error)


def test_every_field_problem_is_reported_at_once() -> None:
    error = refused(("magnafpm.NumberMagnet", "10"), ("user.HolesDiameter", "abc"),
                    ("furling.Nope", "1"))
    assert [p.name for p in error.problems] == [
        "furling.Nope", "magnafpm.NumberMagnet", "user.HolesDiameter"]


def test_unknown_group_in_json_is_refused() -> None:
    groups = preset("T Shape").parameters.as_groups()
    with pytest.raises(ParameterError, match=r"extra.* is not a parameter group"):
        validate({**groups, "extra": {}})


def test_missing_parameter_is_refused() -> None:
    groups = preset("T Shape").parameters.as_groups()
    del groups["furling"]["Offset"]
    with pytest.raises(ParameterError, match=r"furling.Offset = None: is required"):
        validate(groups)


@pytest.mark.parametrize(("pairs", "name", "message"), [
    ([("magnafpm.RotorDiskRadius", "66")], "magnafpm.RotorDiskRadius",
     "the coils need a hole in the middle of the stator"),
    ([("magnafpm.NumberMagnet", "32")], "magnafpm.NumberMagnet",
     "is too many for magnets 30 mm wide"),
    ([("user.HubPitchCircleDiameter", "200")], "user.HubPitchCircleDiameter",
     "puts the hub studs"),
    ([("user.RotorDiskCentralHoleDiameter", "90")], "user.RotorDiskCentralHoleDiameter",
     "the central hole would cut into the hub stud holes"),
    ([("magnafpm.CoilHoleWidthAtInnerRadius", "4")], "magnafpm.CoilHoleWidthAtInnerRadius",
     "must be at least 5 mm, the coil winder's pin diameter"),
    ([("magnafpm.MagnetLength", "5")], "magnafpm.MagnetLength",
     "twice the coil winder's pin diameter"),
    ([("user.PipeThickness", "25")], "user.PipeThickness",
     "the inner tail hinge pipe"),
    ([("furling.BoomPipeThickness", "25")], "furling.BoomPipeThickness",
     "half the boom pipe diameter"),
    ([("furling.VerticalPlaneAngle", "90")], "furling.VerticalPlaneAngle",
     "must be from 1° to 89°"),
    ([("furling.VerticalPlaneAngle", "0")], "furling.VerticalPlaneAngle",
     "must be from 1° to 89°"),
    ([("furling.HorizontalPlaneAngle", "180")], "furling.HorizontalPlaneAngle",
     "must not be 0°, 180° or 360°"),
    ([("furling.BoomPipeDiameter", "141.3")], "furling.BoomPipeDiameter",
     "does not fit on the outer tail hinge pipe"),
    ([("preset", "H Shape"), ("furling.Offset", "30")], "furling.Offset",
     "must be more than 46 mm"),
    ([("furling.VerticalPlaneAngle", "50")], "furling.VerticalPlaneAngle",
     "the tail hinge and boom cannot be built with VerticalPlaneAngle 50"),
    ([("furling.VerticalPlaneAngle", "55")], "furling.BoomPipeDiameter",
     "does not fit on the outer tail hinge pipe at this VerticalPlaneAngle (55°)"),
    ([("user.BladeWidth", "70")], "user.BladeWidth",
     "is too narrow to screw the blades to the hub's front triangle"),
    ([("user.BladeWidth", "56")], "user.BladeWidth",
     "the blade template's root dimension W"),
    ([("preset", "H Shape 4F"), ("magnafpm.CoilLegWidth", "40")], "magnafpm.CoilLegWidth",
     "is too wide for the reduced triangular coil's corner circles"),
    ([("magnafpm.CoilType", "2"), ("magnafpm.CoilHoleWidthAtInnerRadius", "8")],
     "magnafpm.CoilHoleWidthAtInnerRadius",
     "is too narrow for the coil winder's pins (5 mm across), whose centres it sets 3.00 mm "
     "apart; the winder's plates cannot be cut: the spacer's outline would cross itself; the "
     "cheeks' holes for two pins overlap; at least 12.93 mm works"),
    ([("magnafpm.CoilType", "3")], "magnafpm.CoilHoleWidthAtInnerRadius",
     "is too wide for the triangular coil winder, whose bottom rod is half the hole's width in "
     "radius; the winder's plates cannot be cut: the centre rod's hole lies outside the spacer; "
     "the cheeks' holes for the centre rod and the bottom rod overlap; at most 18.90 mm works"),
    ([("preset", "Magnet Width > Length, Triangular Coil"), ("magnafpm.MagnetLength", "35")],
     "magnafpm.MagnetWidth", "no bottom hole width helps"),
    ([("preset", "H Shape"), ("user.YawPipeDiameter", "33.4")], "user.YawPipeDiameter",
     "must be more than 35 mm for the H shape: its yaw bearing's top bar has a 35 mm wire hole"),
])
def test_unbuildable_combination(pairs: list[tuple[str, str]], name: str, message: str) -> None:
    error = refused(*pairs)
    assert error.problems[0].name == name
    assert message in error.problems[0].message


def test_recipe_book_departures_are_warnings() -> None:
    warnings = validate(preset("Magnet Width > Length, Triangular Coil").parameters
                        .as_groups()).warnings
    by_name = {w.name: w.message for w in warnings}
    assert by_name["user.YawPipeDiameter"] == "the recipe book uses 88.9, 101.6 mm for the H shape"
    assert by_name["user.HubPitchCircleDiameter"] == (
        "is below the recommended minimum of 120 mm for the H shape")


def test_off_step_value_is_a_warning() -> None:
    warnings = validate(preset("Magnet Width > Length, Rectangular Coil").parameters
                        .as_groups()).warnings
    assert any(w.name == "magnafpm.InnerDistanceBetweenMagnets"
               and "multiple of the form's step 0.01" in w.message for w in warnings)


def test_overlapping_triangular_coils_are_reduced_with_a_warning() -> None:
    warnings = validate(preset("H Shape 4F").parameters.as_groups()).warnings
    assert any(w.name == "magnafpm.CoilLegWidth" and "reduced to 22.92 mm" in w.message
               for w in warnings)


def test_a_yaw_pipe_inside_the_t_frame_s_upright_is_a_warning() -> None:
    """T Shape 2F: Offset 100 < YawPipeRadius 30.15 + MetalThicknessL 6 + X 73.28; the reference
    builds the pipe 9.43 mm into the upright. The (whole) Offset named clears it, 1 mm less does
    not."""
    (warning,) = validate(preset("T Shape 2F").parameters.as_groups()).warnings
    assert warning.name == "furling.Offset"
    assert "puts the yaw pipe 9.43 mm into the T frame's upright" in warning.message
    clear = int(warning.message.rsplit("Offset of ", 1)[1].split(" mm")[0])
    assert clear == 110
    groups = preset("T Shape 2F").parameters.as_groups()
    groups["furling"]["Offset"] = clear
    assert validate(groups).warnings == ()
    groups["furling"]["Offset"] = clear - 1
    assert validate(groups).warnings[0].name == "furling.Offset"


def test_main_presets_have_no_warnings() -> None:
    for name in ("T Shape", "H Shape", "Star Shape"):
        assert validate(preset(name).parameters.as_groups()).warnings == ()


def test_rotor_disk_holes_must_not_overlap() -> None:
    error = refused(("preset", "1.2m 46x30x10mm magnets"), ("user.WindTurbineShape", "H"),
                    ("user.HubPitchCircleDiameter", "78"), ("user.HubHolesDiameter", "8"),
                    ("user.RotorDiskCentralHoleDiameter", "30"))
    assert error.problems[0].name == "user.HubPitchCircleDiameter"
    assert "the rotor disk cannot be cut: a hub stud hole and a jacking hole overlap" in str(error)


@pytest.mark.parametrize(("pairs", "works", "fails"), [
    ([("magnafpm.CoilType", "2")], "12.93", "12.92"),
    ([("magnafpm.CoilType", "3")], "18.9", "18.91"),
])
def test_the_coil_winder_limit_named_is_the_boundary(pairs: list[tuple[str, str]], works: str,
                                                     fails: str) -> None:
    """The hole width a coil winder refusal names builds; a hundredth further does not."""
    key = "magnafpm.CoilHoleWidthAtInnerRadius"
    validate(groups_from_query([*pairs, (key, works)]))
    assert refused(*pairs, (key, fails)).problems[0].name == key
