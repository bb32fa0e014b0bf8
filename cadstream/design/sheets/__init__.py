"""One module per reference sheet; each exposes ``compute(cells) -> tuple[Cell, ...]``."""
