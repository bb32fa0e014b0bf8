"""Vectors, rotations and placements with the reference's placement algebra.

A placement maps a point ``p`` to ``R·p + b``; composition ``P1 * P2`` applies ``P2`` first.
Rotations are unit quaternions so that composing long chains (tail, end stops, furling) stays
orthonormal; angles are in degrees throughout, as in the reference's spreadsheets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Placement", "Rotation", "Vector"]


@dataclass(frozen=True)
class Vector:
    x: float = 0.0
    y: float = 0.0
    z: float = 0.0

    def __add__(self, other: Vector) -> Vector:
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other: Vector) -> Vector:
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __neg__(self) -> Vector:
        return Vector(-self.x, -self.y, -self.z)

    def __mul__(self, scalar: float) -> Vector:
        return Vector(self.x * scalar, self.y * scalar, self.z * scalar)

    __rmul__ = __mul__

    def __truediv__(self, scalar: float) -> Vector:
        return Vector(self.x / scalar, self.y / scalar, self.z / scalar)

    def dot(self, other: Vector) -> float:
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other: Vector) -> Vector:
        return Vector(
            self.y * other.z - self.z * other.y,
            self.z * other.x - self.x * other.z,
            self.x * other.y - self.y * other.x,
        )

    @property
    def length(self) -> float:
        return math.sqrt(self.dot(self))

    def normalized(self) -> Vector:
        return self / self.length

    def as_list(self) -> list[float]:
        return [self.x, self.y, self.z]


@dataclass(frozen=True)
class Rotation:
    """A unit quaternion ``(x, y, z, w)``; the identity by default."""

    x: float = 0.0
    y: float = 0.0
    z: float = 0.0
    w: float = 1.0

    @staticmethod
    def about(axis: Vector, degrees: float) -> Rotation:
        """Right-handed rotation about ``axis``; a zero axis or zero angle is the identity."""
        length = axis.length
        if length == 0.0 or degrees == 0.0:
            return Rotation()
        half = math.radians(degrees) / 2
        s = math.sin(half) / length
        return Rotation(axis.x * s, axis.y * s, axis.z * s, math.cos(half))

    @staticmethod
    def ypr(yaw: float, pitch: float, roll: float) -> Rotation:
        """Euler angles in the order Z, Y, X: ``rot(z, yaw) * rot(y, pitch) * rot(x, roll)``."""
        return (
            Rotation.about(Vector(0, 0, 1), yaw)
            * Rotation.about(Vector(0, 1, 0), pitch)
            * Rotation.about(Vector(1, 0, 0), roll)
        )

    def __mul__(self, other: Rotation) -> Rotation:
        ax, ay, az, aw = self.x, self.y, self.z, self.w
        bx, by, bz, bw = other.x, other.y, other.z, other.w
        return Rotation(
            aw * bx + ax * bw + ay * bz - az * by,
            aw * by - ax * bz + ay * bw + az * bx,
            aw * bz + ax * by - ay * bx + az * bw,
            aw * bw - ax * bx - ay * by - az * bz,
        )

    def inverse(self) -> Rotation:
        return Rotation(-self.x, -self.y, -self.z, self.w)

    def apply(self, v: Vector) -> Vector:
        """Rotate the vector ``v``."""
        q = Vector(self.x, self.y, self.z)
        t = q.cross(v) * 2.0
        return v + t * self.w + q.cross(t)

    @property
    def angle(self) -> float:
        """Rotation angle in degrees, from 0 to 180 (the axis flips for larger turns)."""
        w = min(1.0, abs(self.w))
        return math.degrees(2 * math.acos(w))

    @property
    def axis(self) -> Vector:
        """Unit axis with the sign that makes the angle non-negative; +z for the identity."""
        v = Vector(self.x, self.y, self.z)
        if v.length < 1e-15:
            return Vector(0.0, 0.0, 1.0)
        if self.w < 0:
            v = -v
        return v.normalized()

    def matrix(self) -> tuple[tuple[float, float, float], ...]:
        ex, ey, ez = (self.apply(Vector(1, 0, 0)), self.apply(Vector(0, 1, 0)),
                      self.apply(Vector(0, 0, 1)))
        return ((ex.x, ey.x, ez.x), (ex.y, ey.y, ez.y), (ex.z, ey.z, ez.z))


@dataclass(frozen=True)
class Placement:
    base: Vector = Vector()
    rotation: Rotation = Rotation()

    @staticmethod
    def of(base: Vector, axis: Vector = Vector(0, 0, 1), degrees: float = 0.0) -> Placement:
        """``place(base, axis, angle)`` of the reference."""
        return Placement(base, Rotation.about(axis, degrees))

    def __mul__(self, other: Placement) -> Placement:
        return Placement(self.rotation.apply(other.base) + self.base,
                         self.rotation * other.rotation)

    def apply(self, point: Vector) -> Vector:
        """Transform a point."""
        return self.rotation.apply(point) + self.base

    def inverse(self) -> Placement:
        inverse = self.rotation.inverse()
        return Placement(-inverse.apply(self.base), inverse)
