"""Dot-notation parameters (``magnafpm.RotorDiskRadius=150``) merged onto a preset.

The streaming endpoints, the CLI and saved links all speak this form. Only the shape of the query
is checked here; values stay text until validation parses them strictly.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from cadstream.params.presets import DEFAULT_PRESET, presets
from cadstream.params.problems import ParameterError, Problem
from cadstream.params.spec import GROUPS

__all__ = ["PRESET_KEY", "groups_from_query"]

PRESET_KEY = "preset"


def groups_from_query(pairs: Iterable[tuple[str, str]],
                      ignore: Collection[str] = ()) -> dict[str, dict[str, object]]:
    """The preset's groups (``preset=``, default "T Shape") overlaid by the given values.

    Keys in ``ignore`` (such as a client id) are skipped; any other key must be
    ``group.Name`` or ``preset``, each at most once.
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    preset_name = DEFAULT_PRESET
    overrides: list[tuple[str, str, str]] = []
    for key, value in pairs:
        if key in ignore:
            continue
        if key in seen:
            problems.append(Problem(key, value, "is given more than once"))
            continue
        seen.add(key)
        if key == PRESET_KEY:
            preset_name = value
            continue
        group, dot, name = key.partition(".")
        if not dot or group not in GROUPS or not name:
            problems.append(Problem(key, value, "is not a parameter: use preset=<name> or "
                                    "group.Name with group one of " + ", ".join(GROUPS)))
            continue
        overrides.append((group, name, value))
    known = presets()
    if preset_name not in known:
        problems.append(Problem(PRESET_KEY, preset_name,
                                "is not a preset; choose one of: " + ", ".join(known)))
    if problems:
        raise ParameterError(problems)
    groups: dict[str, dict[str, object]] = {
        group: dict(values) for group, values in known[preset_name].parameters.as_groups().items()
    }
    for group, name, value in overrides:
        groups[group][name] = value
    return groups
