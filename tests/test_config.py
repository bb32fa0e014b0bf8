"""config.toml: the shipped file is the defaults; bad keys and values are named."""

from pathlib import Path

import pytest

from cadstream.config import ConfigError, Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_equals_the_built_in_defaults() -> None:
    assert load_settings(ROOT / "config.toml") == Settings()
    assert load_settings(None) == Settings()


def test_values_are_read_and_typed(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "[jobs]\nworkers = 3\ncancel_grace = 1\n"
                                             "[cache]\ndirectory = '/tmp/designs'\n"))
    assert settings.jobs.workers == 3
    assert settings.jobs.cancel_grace == 1.0 and isinstance(settings.jobs.cancel_grace, float)
    assert settings.cache.path == Path("/tmp/designs")
    assert settings.server == Settings().server


@pytest.mark.parametrize(("text", "message"), [
    ("[jobs]\nworkers = 0\n", "Config 'jobs.workers' has value 0: must be at least 1."),
    ("[jobs]\nworkers = 'two'\n", "Config 'jobs.workers' has value 'two': must be a whole number."),
    ("[jobs]\nworkers = 1.5\n", "Config 'jobs.workers' has value 1.5: must be a whole number."),
    ("[server]\nport = 70000\n", "Config 'server.port' has value 70000: must be at most 65535."),
    ("[server]\nhost = 1\n", "Config 'server.host' has value 1: must be text."),
    ("[jobs]\nworkerz = 2\n", "Config 'jobs.workerz' has value 2: is not a setting (known: "
                              "cancel_grace, idle_grace, step_delay, timeout, workers)."),
    ("[job]\nworkers = 2\n", "Config 'job' has value {'workers': 2}: is not a section (known: "
                             "server, jobs, cache)."),
    ("jobs = 3\n", "Config 'jobs' has value 3: must be a table of settings."),
    ("[jobs]\ntimeout = true\n", "Config 'jobs.timeout' has value True: must be a number."),
])
def test_bad_settings_are_named(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, text))
    assert str(caught.value) == message


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot be read"):
        load_settings(tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match="is not valid TOML"):
        load_settings(write(tmp_path, "[jobs\n"))
