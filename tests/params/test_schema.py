"""Per-shape schemas: the recipe book's bounds of parameters.md §5.1, computed from presets."""

import pytest

from cadstream.params.presets import presets
from cadstream.params.schema import parameters_schema, schema_document
from cadstream.params.shape import effective_shape

BOUNDS = {  # key: {shape: (minimum, maximum)}
    "RotorDiskCentralHoleDiameter": {"T": (35, 70), "H": (65, 100), "Star": (133, 168)},
    "HolesDiameter": {"T": (8, 14), "H": (12, 16), "Star": (12, 16)},
    "MetalLengthL": {"T": (40, 60), "H": (50, 70), "Star": (60, 100)},
    "MetalThicknessL": {"T": (5, 6), "H": (5, 7), "Star": (6, 10)},
    "FlatMetalThickness": {"T": (5, 13), "H": (8, 13), "Star": (10, 15)},
    "PipeThickness": {"T": (3, 5), "H": (4, 6), "Star": (5, 8)},
    "RotorResinMargin": {"T": (5, 10), "H": (5, 10), "Star": (5, 10)},
    "HubPitchCircleDiameter": {"T": (50, 140), "H": (120, 170), "Star": (195, 245)},
    "HubHolesDiameter": {"T": (8, 14), "H": (12, 16), "Star": (18, 22)},
    "BladeWidth": {"T": (0, 380), "H": (0, 380), "Star": (0, 380)},
}


@pytest.mark.parametrize("shape", ["T", "H", "Star"])
def test_user_bounds_per_shape(shape: str) -> None:
    user = parameters_schema(shape)["properties"]["user"]["properties"]  # type: ignore[arg-type]
    for key, by_shape in BOUNDS.items():
        assert (user[key]["minimum"], user[key]["maximum"]) == by_shape[shape], key


def test_yaw_pipe_choices_and_steps() -> None:
    user = parameters_schema("T")["properties"]["user"]["properties"]
    assert user["YawPipeDiameter"]["enum"] == [48.3, 60.3, 73.0]
    assert parameters_schema("H")["properties"]["user"]["properties"]["YawPipeDiameter"][
        "enum"] == [88.9, 101.6]
    assert user["HolesDiameter"]["multipleOf"] == 2
    assert user["MetalLengthL"]["multipleOf"] == 10
    assert user["BladeWidth"]["multipleOf"] == 0.01
    magnafpm = parameters_schema("T")["properties"]["magnafpm"]["properties"]
    assert magnafpm["NumberMagnet"]["enum"] == [4, 8, 12, 16, 20, 24, 28, 32]
    assert magnafpm["RotorDiameter"] == {
        "title": "Rotor Diameter", "description": magnafpm["RotorDiameter"]["description"],
        "unit": "mm", "type": "number", "minimum": 1200, "maximum": 7000, "multipleOf": 0.01}


def test_every_parameter_has_title_description_and_type() -> None:
    schema = parameters_schema("Star")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    count = 0
    for group in schema["properties"].values():
        for prop in group["properties"].values():
            assert prop["title"] and prop["description"] and prop["type"]
            count += 1
    assert count == 46


def test_document_has_bounds_and_a_schema_per_preset() -> None:
    document = schema_document()
    assert document["bounds"] == {"h_shape_lower_bound": 187.5, "star_shape_lower_bound": 275}
    assert set(document) == {"bounds", *presets()}
    triangular = presets()["Magnet Width > Length, Triangular Coil"].parameters
    assert effective_shape("Calculated", float(triangular["magnafpm.RotorDiskRadius"])) == "H"
    assert document["Magnet Width > Length, Triangular Coil"] == parameters_schema("H")
