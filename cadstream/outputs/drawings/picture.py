"""A drawing as a table shows it: an image the client can show with no further request."""

from __future__ import annotations

import base64
from dataclasses import dataclass

__all__ = ["Picture"]


@dataclass(frozen=True)
class Picture:
    """An ``img`` of a dimension table: the SVG inline as a data URL (so the tables carry their
    pictures wherever they go, a saved page or a print), its alt text and CSS."""

    svg: str
    alt: str
    style: str = ""

    @property
    def src(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode("ascii")
