"""cadstream: parts, cut files, jigs and dimensions for axial-flux wind turbines."""

from setuptools import find_packages, setup

setup(
    name="cadstream",
    version="0.1.0",
    description="Workshop server for Hugh Piggott-style axial-flux wind turbines",
    python_requires=">=3.11",
    packages=find_packages(include=["cadstream", "cadstream.*"]),
    package_data={"cadstream.params": ["presets.json"]},
    install_requires=[
        "aiohttp>=3.10",
        # cadstream.server.frames writes whole frames under aiohttp-sse 3.0's own send timeout
        # and transport abort; a new major version may move them.
        "aiohttp-sse>=3.0,<4",
        "cadquery>=2.5",
        "ezdxf>=1.3",
        "numpy>=1.24",
        "openpyxl>=3.1",
        "scipy>=1.11",
    ],
    extras_require={
        "test": [
            "pytest>=8",
            "pytest-aiohttp>=1.0",
            "pytest-timeout>=2.3",
            "hypothesis>=6.100",
            "ruff>=0.6",
            "mypy>=1.10",
            # Browser tests; they drive Debian's chromium, never a downloaded browser.
            "playwright>=1.45",
        ],
    },
    entry_points={"console_scripts": ["cadstream = cadstream.cli:main"]},
)
