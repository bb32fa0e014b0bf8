"""Strict parsing of one parameter value: numbers never go through eval."""

import pytest

from cadstream.params.fields import check_field, parse_number
from cadstream.params.spec import spec_for


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-inf", "Infinity", "1e999", "0x10",
                                  "", " ", "abc", "1_000", "1,5", "--1", "1e", "e5", "12mm"])
def test_refuses_non_decimal_text(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "value"), [("150", 150.0), ("+1.5", 1.5), (".5", 0.5),
                                             ("5.", 5.0), ("1e3", 1000.0), (" 42 ", 42.0),
                                             ("-3", -3.0)])
def test_parses_decimal_text(text: str, value: float) -> None:
    assert parse_number(text) == value


def spec(key: str):  # type: ignore[no-untyped-def]
    found = spec_for(key)
    assert found is not None
    return found


def test_integral_float_for_integer_key_becomes_int() -> None:
    value, problem = check_field(spec("magnafpm.MagnetLength"), "46.0")
    assert problem is None and value == 46 and isinstance(value, int)


def test_fraction_for_integer_key_is_refused() -> None:
    _, problem = check_field(spec("magnafpm.MagnetLength"), "46.5")
    assert problem is not None and problem.message == "must be a whole number"


@pytest.mark.parametrize("raw", ["6", "36", "0", 14])
def test_number_magnet_must_be_a_listed_multiple_of_four(raw: object) -> None:
    _, problem = check_field(spec("magnafpm.NumberMagnet"), raw)
    assert problem is not None
    assert problem.message == "must be one of: 4, 8, 12, 16, 20, 24, 28, 32"


def test_pipe_diameter_must_be_a_pipe_size() -> None:
    _, problem = check_field(spec("user.YawPipeDiameter"), "50")
    assert problem is not None and problem.message.startswith("must be one of: 33.4, 42.2")
    value, problem = check_field(spec("user.YawPipeDiameter"), "73")
    assert problem is None and value == 73.0


def test_text_enum() -> None:
    _, problem = check_field(spec("magnafpm.RotorTopology"), "Triple")
    assert problem is not None
    assert problem.message == "must be one of: Double, Single and metal disk, Single"
    value, problem = check_field(spec("magnafpm.MagnetMaterial"), "NdFeB N42")
    assert problem is None and value == "NdFeB N42"


@pytest.mark.parametrize("raw", [True, None, [1], {"a": 1}, float("nan"), float("inf")])
def test_non_numbers_are_refused(raw: object) -> None:
    _, problem = check_field(spec("magnafpm.RotorDiskRadius"), raw)
    assert problem is not None and problem.name == "magnafpm.RotorDiskRadius"


def test_lengths_must_be_positive() -> None:
    _, problem = check_field(spec("magnafpm.RotorDiskRadius"), "0")
    assert problem is not None and problem.message == "must be greater than 0 mm"
    _, problem = check_field(spec("furling.Offset"), "-5")
    assert problem is not None and problem.message == "must not be negative"
    value, problem = check_field(spec("furling.Offset"), "0")
    assert problem is None and value == 0
