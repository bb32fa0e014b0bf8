"""Settings from ``config.toml``: loaded once, typed, frozen; a bad key names itself and its value.

Every key is optional and defaults to the value in the project's ``config.toml``; unknown
sections and keys are refused so that a typo cannot silently fall back to a default.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

__all__ = ["CacheSettings", "ConfigError", "JobSettings", "ServerSettings", "Settings",
           "load_settings", "settings_from_mapping"]


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the key and the value."""


@dataclass(frozen=True)
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    max_query_bytes: int = 8192
    max_upload_bytes: int = 4194304


@dataclass(frozen=True)
class JobSettings:
    workers: int = 2
    timeout: float = 300.0
    cancel_grace: float = 3.0
    idle_grace: float = 2.0
    step_delay: float = 0.0


@dataclass(frozen=True)
class CacheSettings:
    designs: int = 8
    directory: str = ""

    @property
    def path(self) -> Path | None:
        return Path(self.directory) if self.directory else None


@dataclass(frozen=True)
class Settings:
    server: ServerSettings = field(default_factory=ServerSettings)
    jobs: JobSettings = field(default_factory=JobSettings)
    cache: CacheSettings = field(default_factory=CacheSettings)


#: (section, key) → (smallest allowed value, maximum or None); keys absent here take any value
#: of their type.
_LIMITS: dict[tuple[str, str], tuple[float, float | None]] = {
    ("server", "port"): (1, 65535),
    ("server", "max_query_bytes"): (256, None),
    ("server", "max_upload_bytes"): (1024, None),
    ("jobs", "workers"): (1, 64),
    ("jobs", "timeout"): (1, None),
    ("jobs", "cancel_grace"): (0, None),
    ("jobs", "idle_grace"): (0, None),
    ("jobs", "step_delay"): (0, None),
    ("cache", "designs"): (1, None),
}


def _fail(key: str, value: object, message: str) -> ConfigError:
    return ConfigError(f"Config '{key}' has value {value!r}: {message}.")


def _checked(section: str, key: str, value: object, default: object) -> object:
    name = f"{section}.{key}"
    if isinstance(default, str):
        if not isinstance(value, str):
            raise _fail(name, value, "must be text")
        return value
    if isinstance(default, int) and (isinstance(value, bool) or not isinstance(value, int)):
        raise _fail(name, value, "must be a whole number")
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _fail(name, value, "must be a number")
        value = float(value)
    assert isinstance(value, int | float)
    minimum, maximum = _LIMITS.get((section, key), (float("-inf"), None))
    if value < minimum:
        raise _fail(name, value, f"must be at least {minimum:g}")
    if maximum is not None and value > maximum:
        raise _fail(name, value, f"must be at most {maximum:g}")
    return value


def _section(name: str, cls: type[Any], table: object) -> Any:
    if not isinstance(table, dict):
        raise _fail(name, table, "must be a table of settings")
    defaults = cls()
    known = {f.name for f in fields(cls)}
    values: dict[str, object] = {}
    for key, value in table.items():
        if key not in known:
            raise _fail(f"{name}.{key}", value, "is not a setting (known: "
                        + ", ".join(sorted(known)) + ")")
        values[key] = _checked(name, key, value, getattr(defaults, key))
    return cls(**values)


def settings_from_mapping(document: dict[str, Any]) -> Settings:
    """Settings from a parsed TOML document."""
    sections = {f.name: f for f in fields(Settings)}
    for name in document:
        if name not in sections:
            raise _fail(name, document[name], "is not a section (known: "
                        + ", ".join(sections) + ")")
    return Settings(
        server=_section("server", ServerSettings, document.get("server", {})),
        jobs=_section("jobs", JobSettings, document.get("jobs", {})),
        cache=_section("cache", CacheSettings, document.get("cache", {})),
    )


def load_settings(path: Path | None) -> Settings:
    """Settings from the TOML file at ``path``, or the built-in defaults when ``path`` is None."""
    if path is None:
        return Settings()
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"Config file {str(path)!r} cannot be read: {error.strerror}.") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"Config file {str(path)!r} is not valid TOML: {error}.") from None
    return settings_from_mapping(document)
