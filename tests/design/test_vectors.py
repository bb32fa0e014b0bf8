"""Placement algebra of §0.3: composition order, inverses, axis/angle form and Euler angles."""

from __future__ import annotations

import math

import pytest

from cadstream.design.vectors import Placement, Rotation, Vector

X, Y, Z = Vector(1, 0, 0), Vector(0, 1, 0), Vector(0, 0, 1)


def close(a: Vector, b: Vector, tol: float = 1e-12) -> bool:
    return (a - b).length < tol


def test_rotation_is_right_handed() -> None:
    assert close(Rotation.about(Z, 90).apply(X), Y)
    assert close(Rotation.about(X, 90).apply(Y), Z)
    assert close(Rotation.about(Y, 90).apply(Z), X)


def test_zero_axis_or_angle_is_identity() -> None:
    assert Rotation.about(Vector(), 30) == Rotation()
    assert Rotation.about(X, 0) == Rotation()


def test_axis_need_not_be_unit() -> None:
    """240° about (1, 1, 1), at any scale, permutes the axes x→z→y→x."""
    rotation = Rotation.about(Vector(0.58, 0.58, 0.58), 240)
    assert close(rotation.apply(X), Z)
    assert close(rotation.apply(Z), Y)
    assert close(rotation.apply(Y), X)


def test_composition_applies_right_operand_first() -> None:
    turn = Placement.of(Vector(10, 0, 0), Z, 90)
    shift = Placement(Vector(0, 5, 0))
    point = Vector(1, 2, 3)
    assert close((turn * shift).apply(point), turn.apply(shift.apply(point)))
    assert close((turn * shift).apply(Vector()), Vector(5, 0, 0))
    assert close((shift * turn).apply(Vector()), Vector(10, 5, 0))


def test_inverse_undoes_a_placement() -> None:
    placement = Placement.of(Vector(3, -4, 7), Vector(1, 2, 3), 123)
    point = Vector(-2, 5, 1)
    assert close(placement.inverse().apply(placement.apply(point)), point)
    both = placement * placement.inverse()
    assert close(both.base, Vector())
    assert both.rotation.angle == pytest.approx(0, abs=1e-6)


@pytest.mark.parametrize("angle", [0.5, 45, 90, 179.5])
def test_axis_and_angle_round_trip(angle: float) -> None:
    axis = Vector(1, -2, 2)
    rotation = Rotation.about(axis, angle)
    assert rotation.angle == pytest.approx(angle)
    assert close(rotation.axis, axis.normalized())


def test_turns_beyond_half_flip_the_axis() -> None:
    rotation = Rotation.about(Z, 270)
    assert rotation.angle == pytest.approx(90)
    assert close(rotation.axis, -Z)


def test_identity_reports_z_axis_and_zero_angle() -> None:
    assert Rotation().axis == Z
    assert Rotation().angle == 0


def test_ypr_is_yaw_of_pitch_of_roll() -> None:
    rotation = Rotation.ypr(30, 40, 50)
    expected = Rotation.about(Z, 30) * Rotation.about(Y, 40) * Rotation.about(X, 50)
    point = Vector(1, 2, 3)
    assert close(rotation.apply(point), expected.apply(point))
    # Roll first: x stays put under roll, then pitch 90° takes it to -z.
    assert close(Rotation.ypr(0, 90, 90).apply(X), -Z)
    assert close(Rotation.ypr(90, 0, 0).apply(X), Y)


def test_matrix_columns_are_the_rotated_axes() -> None:
    rotation = Rotation.about(Vector(1, 1, 0), 60)
    matrix = rotation.matrix()
    for column, axis in enumerate((X, Y, Z)):
        image = rotation.apply(axis)
        assert [matrix[row][column] for row in range(3)] == pytest.approx(image.as_list())
    determinant = (matrix[0][0] * (matrix[1][1] * matrix[2][2] - matrix[1][2] * matrix[2][1])
                   - matrix[0][1] * (matrix[1][0] * matrix[2][2] - matrix[1][2] * matrix[2][0])
                   + matrix[0][2] * (matrix[1][0] * matrix[2][1] - matrix[1][1] * matrix[2][0]))
    assert determinant == pytest.approx(1)


def test_long_chains_stay_orthonormal() -> None:
    rotation = Rotation()
    for _ in range(1000):
        rotation = rotation * Rotation.about(Vector(0.3, -0.5, 0.8), 7.3)
    norm = math.sqrt(rotation.x**2 + rotation.y**2 + rotation.z**2 + rotation.w**2)
    assert norm == pytest.approx(1, abs=1e-12)
