"""The ``cadstream`` command: derive a design's numbers, tables and workbook from a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from cadstream.config import ConfigError, load_settings
from cadstream.design.serialize import json_value
from cadstream.params.matfile import MatFileError, read_mat
from cadstream.params.presets import DEFAULT_PRESET
from cadstream.params.problems import ParameterError, Problem
from cadstream.params.query import PRESET_KEY, groups_from_query
from cadstream.validation import Validated, validate

__all__ = ["main"]

_DEFAULT_CONFIG = "config.toml"


def _design_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--preset", default=None,
                        help=f"preset to start from (default {DEFAULT_PRESET!r}, or the one a "
                             ".mat file implies)")
    parser.add_argument("--mat", type=Path, default=None,
                        help="MagnAFPM .mat export supplying the magnafpm parameters")
    parser.add_argument("values", nargs="*", metavar="group.Name=value",
                        help="parameter overrides, e.g. magnafpm.RotorDiskRadius=160")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cadstream", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    derive = commands.add_parser("derive", help="print every derived dimension as JSON")
    _design_arguments(derive)
    tables = commands.add_parser("tables", help="print the dimension tables as JSON")
    _design_arguments(tables)
    workbook = commands.add_parser("workbook", help="write the design's workbook (.xlsx)")
    _design_arguments(workbook)
    workbook.add_argument("-o", "--output", type=Path, required=True, help="xlsx file to write")
    build = commands.add_parser("build", help="build the whole design into a folder")
    _design_arguments(build)
    build.add_argument("-o", "--output", type=Path, required=True, help="folder to write into")
    serve = commands.add_parser("serve", help="run the workshop server")
    serve.add_argument("--config", type=Path, default=None,
                       help="settings file (default: ./config.toml if present, else built-in)")
    serve.add_argument("--host", default=None, help="address to listen on (overrides config)")
    serve.add_argument("--port", type=int, default=None, help="port (overrides config)")
    return parser


def _pairs(values: Sequence[str]) -> list[tuple[str, str]]:
    pairs = []
    for item in values:
        key, equals, value = item.partition("=")
        if not equals:
            raise ParameterError([Problem(item, None, "write overrides as group.Name=value")])
        pairs.append((key, value))
    return pairs


def _validated(args: argparse.Namespace) -> Validated:
    pairs = _pairs(args.values)
    magnafpm: dict[str, object] = {}
    preset = args.preset
    if args.mat is not None:
        imported = read_mat(args.mat.read_bytes())
        magnafpm = dict(imported.magnafpm)
        preset = preset or imported.preset
    if preset is not None:
        pairs.insert(0, (PRESET_KEY, preset))
    groups = groups_from_query(pairs)
    explicit = {key.partition(".")[2] for key, _ in pairs if key.startswith("magnafpm.")}
    groups["magnafpm"].update({k: v for k, v in magnafpm.items() if k not in explicit})
    return validate(groups)


def _serve(args: argparse.Namespace) -> int:
    # Imported here: the other commands need neither aiohttp nor the job system.
    from cadstream.server.run import serve

    path = args.config
    if path is None and Path(_DEFAULT_CONFIG).is_file():
        path = Path(_DEFAULT_CONFIG)
    try:
        settings = load_settings(path)
    except ConfigError as error:
        print(f"cadstream: {error}", file=sys.stderr)
        return 2
    server = replace(settings.server, host=args.host or settings.server.host,
                     port=settings.server.port if args.port is None else args.port)
    serve(replace(settings, server=server))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    try:
        validated = _validated(args)
    except (ParameterError, MatFileError) as error:
        print(f"cadstream: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"cadstream: cannot read {error.filename}: {error.strerror}", file=sys.stderr)
        return 2
    for warning in validated.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    cells = validated.design.cells
    if args.command == "derive":
        json.dump({key: json_value(value) for key, value in cells.items()}, sys.stdout,
                  indent=1, ensure_ascii=False)
    elif args.command == "tables":
        from cadstream.outputs.tables import dimension_tables

        json.dump(dimension_tables(cells), sys.stdout, indent=1, ensure_ascii=False)
    elif args.command == "build":
        # Imported here: only this command needs CadQuery (seconds to load).
        from cadstream.build import build_to_folder

        written = build_to_folder(validated, args.output)
        print(f"wrote {len(written)} files to {args.output}", file=sys.stderr)
        return 0
    else:
        # Imported here, like the build: openpyxl is no weight for `serve` to carry.
        from cadstream.outputs.workbook import write_workbook

        write_workbook(validated.design, args.output)
        print(f"wrote {args.output}", file=sys.stderr)
        return 0
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
