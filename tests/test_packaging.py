"""Two distributions from one repo: the lean `zelto-spool` and the `livekit-plugins-zelto` plugin.

Whether each distribution declares what it imports is deptry's job (`make lint`); these tests pin
what deptry cannot see: the sidecar never requires livekit-agents, and both ship one version.
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from zelto_spool import __version__

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).parent.parent
REPO_URL = "https://github.com/zelto-ai/livekit-plugins-zelto"


def pyproject(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text())


def requirements(project: dict[str, Any]) -> list[Requirement]:
    declared = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        declared += extra
    return [Requirement(r) for r in declared]


SPOOL = pyproject(ROOT / "spool" / "pyproject.toml")
PLUGIN = pyproject(ROOT / "pyproject.toml")


def test_the_sidecar_never_requires_livekit_agents() -> None:
    names = {r.name.lower() for r in requirements(SPOOL["project"])}
    assert "livekit-agents" not in names and "livekit-plugins-zelto" not in names
    installed = [Requirement(r).name.lower() for r in metadata.requires("zelto-spool") or []]
    assert installed and "livekit-agents" not in installed


def test_both_distributions_have_one_version_and_the_plugin_pins_it() -> None:
    assert metadata.version("zelto-spool") == metadata.version("livekit-plugins-zelto")
    assert metadata.version("zelto-spool") == __version__
    spool_version = ROOT / "spool" / SPOOL["tool"]["hatch"]["version"]["path"]
    plugin_version = ROOT / PLUGIN["tool"]["hatch"]["version"]["path"]
    assert spool_version.resolve() == plugin_version.resolve()
    pins = [r for r in requirements(PLUGIN["project"]) if r.name == "zelto-spool"]
    assert pins and all(str(r.specifier) == f"=={__version__}" for r in pins)
    assert SPOOL["project"]["requires-python"] == PLUGIN["project"]["requires-python"]


def test_each_distribution_ships_only_its_own_code_and_the_license() -> None:
    assert SPOOL["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["zelto_spool"]
    assert PLUGIN["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["plugin/livekit"]
    assert not (ROOT / "plugin" / "livekit" / "__init__.py").exists()  # a namespace package
    assert not (ROOT / "plugin" / "livekit" / "plugins" / "__init__.py").exists()
    assert (ROOT / "spool" / "LICENSE").read_text() == (ROOT / "LICENSE").read_text()
    assert "Apache License" in (ROOT / "LICENSE").read_text()
    for project in (SPOOL["project"], PLUGIN["project"]):
        assert project["license"] == "Apache-2.0"
        assert {"Homepage", "Source", "Issues", "Changelog"} <= set(project["urls"])
        assert all(url.startswith(REPO_URL) for url in project["urls"].values())
        systems = {c for c in project["classifiers"] if c.startswith("Operating System")}
        assert len(systems) == 3


def test_readme_links_work_on_the_package_index() -> None:
    """PyPI shows the README without the repo around it: every link must be absolute."""
    for readme in (ROOT / "README.md", ROOT / "spool" / "README.md"):
        links = re.findall(r"\]\(([^)\s]+)", readme.read_text())
        assert links
        relative = [link for link in links if not link.startswith(("https://", "#"))]
        assert relative == [], readme
        repo_links = [link for link in links if "github.com/" in link]
        assert all(link.startswith(REPO_URL) for link in repo_links)
    assert "Supported platforms:" in (ROOT / "README.md").read_text()


CHANGELOG = (ROOT / "CHANGELOG.md").read_text()
PREVIOUS_BUILD = "5b29b6d"  # 0.1.0: one distribution that also held zelto_spool


def test_each_release_has_its_own_version_and_changelog_section() -> None:
    """0.1.0 named the build at 5b29b6d; the split is another build, so another version.
    Between releases `main` is a development release of the next one (0.3.0.dev0 after
    0.2.0), so a build of main never reports the release it changed (the spool's `meta` row
    names the version that wrote it); at a release the version is the newest section's."""
    sections = re.findall(r"^## \[([^\]]+)\]", CHANGELOG, re.MULTILINE)
    assert sections[0] == "Unreleased", sections
    assert len(set(sections)) == len(sections)
    released = [Version(s) for s in sections[1:]]
    assert released == sorted(released, reverse=True) and Version("0.1.0") in released
    ours = Version(__version__)
    assert ours == released[0] or (ours.is_devrelease and ours > released[0]), ours
    unreleased = CHANGELOG.split("## [Unreleased]", 1)[1].split("\n## [", 1)[0]
    assert unreleased.strip() if ours.is_devrelease else not unreleased.strip()
    for section in sections:
        assert f"\n[{section}]: {REPO_URL}/" in CHANGELOG, section
    newest = CHANGELOG.split(f"## [{released[0]}]", 1)[1].split("\n## [", 1)[0]
    assert "**Breaking.**" in newest and "On disk:" in newest and "In the API:" in newest


def test_the_previous_build_had_another_version() -> None:
    shown = subprocess.run(
        ["git", "show", f"{PREVIOUS_BUILD}:spool/zelto_spool/_version.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if shown.returncode != 0:
        pytest.skip(f"commit {PREVIOUS_BUILD} is not in this clone's history (shallow clone?)")
    assert shown.stdout.strip() == '__version__ = "0.1.0"' != f'__version__ = "{__version__}"'


def test_the_upgrade_ci_runs_is_the_one_the_readme_documents() -> None:
    script = (ROOT / ".ci" / "upgrade-check").read_text()
    commands = dict(re.findall(r"^(UPGRADE|REPAIR)='([^']+)'$", script, re.MULTILINE))
    assert set(commands) == {"UPGRADE", "REPAIR"}
    readme = (ROOT / "README.md").read_text()
    section = readme.split("### Upgrading from 0.1.0", 1)[1].split("\n## ", 1)[0]
    assert f"```sh\n{commands['UPGRADE']}\n```" in section
    assert f"`{commands['REPAIR']}`" in section
    assert f"PREVIOUS={PREVIOUS_BUILD}" in script
    assert ".ci/upgrade-check" in (ROOT / ".ci" / "run").read_text()
    init = (ROOT / "plugin" / "livekit" / "plugins" / "zelto" / "__init__.py").read_text()
    assert "half deleted" in init and "Upgrading from 0.1.0" in init
