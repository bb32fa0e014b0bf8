"""A design's outputs kept compressed: the same files read back, at a fraction of the bytes."""

from __future__ import annotations

import pickle
import random

from cadstream.results import CompressedFiles, CompressedTexts, DesignOutputs


def _obj(seed: int, vertices: int) -> str:
    """OBJ-like text: vertex lines of 6-decimal numbers, as the mesher writes them."""
    rng = random.Random(seed)
    lines = [f"o Part_{seed}"]
    lines += [f"v {rng.uniform(-500, 500):.6f} {rng.uniform(-500, 500):.6f} "
              f"{rng.uniform(0, 900):.6f}" for _ in range(vertices)]
    lines += [f"f {i} {i + 1} {i + 2}" for i in range(1, vertices - 1)]
    return "\n".join(lines) + "\n"


def _outputs() -> DesignOutputs:
    objs = {"WindTurbine": _obj(1, 20000), "StatorMold": _obj(2, 15000), "BladeTemplate": ""}
    return DesignOutputs(
        key="k", objs=objs, steps={name: text.encode() for name, text in objs.items()},
        furl_transform={"maximum_angle": 110.15}, cnc_overview_svg="<svg/>", cut_list=[],
        dxfs={"Rotor_Disk_Back": b"0\nSECTION\n" * 2000, "Ünïcode": b"\x00\xff" * 10},
        dxf_zip=b"PK", workbook=b"PK", tables=[], timings={"Meshing": 0.2})


def test_compressed_outputs_read_back_the_same_files() -> None:
    outputs = _outputs()
    packed = outputs.compressed()
    assert isinstance(packed.objs, CompressedTexts) and isinstance(packed.steps, CompressedFiles)
    assert isinstance(packed.dxfs, CompressedFiles)
    assert dict(packed.objs) == dict(outputs.objs) and list(packed.objs) == list(outputs.objs)
    assert dict(packed.steps) == dict(outputs.steps) and dict(packed.dxfs) == dict(outputs.dxfs)
    assert packed == outputs
    assert (packed.key, packed.workbook, packed.timings) == ("k", b"PK", {"Meshing": 0.2})
    assert "Missing" not in packed.objs and len(packed.dxfs) == 2


def test_compressed_outputs_are_a_fraction_of_the_bytes_and_pickle_so() -> None:
    outputs = _outputs()
    raw, packed = pickle.dumps(outputs), pickle.dumps(outputs.compressed())
    assert len(packed) < len(raw) / 2, (len(packed), len(raw))
    assert pickle.loads(packed) == outputs


def test_compressing_again_reuses_the_compressed_bytes() -> None:
    packed = _outputs().compressed()
    again = packed.compressed()
    assert again.objs._files._packed is packed.objs._files._packed  # type: ignore[attr-defined]
    assert again.steps._packed is packed.steps._packed  # type: ignore[attr-defined]
