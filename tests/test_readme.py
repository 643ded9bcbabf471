"""The README keeps its promises: the two commands first, true numbers, links that work on PyPI, code that runs."""

from __future__ import annotations

import re

import pytest

from syria_strikes import __version__
from syria_strikes.coverage import coverage_of, coverage_sentence
from syria_strikes.loader import release_dir
from syria_strikes.metadata import REPOSITORY_URL
from tests.support.dataset import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
LINK = re.compile(r"\]\(([^)]+)\)")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)


def test_readme_opens_with_the_two_commands() -> None:
    assert README.startswith(
        "# syria-strikes\n\n```bash\n"
        'python -m pip install -e ".[test]" && python -m syria_strikes build\n'
        "python -m pytest\n```\n"
    )


def test_readme_states_the_coverage_counted_from_the_data() -> None:
    sentence = coverage_sentence(coverage_of(release_dir()))
    assert f"Version {__version__} holds {sentence}" in _flat(README)


def test_every_link_is_absolute_and_repository_links_point_at_existing_files() -> None:
    links = LINK.findall(README)
    assert links, "the README links the data dictionary, the releases and the docs"
    for link in links:
        assert link.startswith("https://"), f"{link} is relative: it breaks on PyPI"
        if link.startswith("https://github.com/"):
            assert link.startswith(REPOSITORY_URL), link
            path = re.sub(r"^/(blob|tree)/main/", "", link.removeprefix(REPOSITORY_URL)).split("#")[0]
            if path != "/releases":
                assert (REPO / path).exists(), link


def test_the_pandas_example_has_five_lines_and_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each block runs as a script would, in its own namespace from the repository's folder; an
    exception fails the test with its traceback."""
    example, *more = _python_blocks()
    assert len([line for line in example.splitlines() if line.strip()]) == 5
    monkeypatch.chdir(REPO)
    for block in (example, *more):
        code = "import syria_strikes\n" + block
        exec(compile(code, "README.md", "exec"), {"__name__": "__main__"})


def test_the_site_block_builds_the_release_it_reads_first() -> None:
    """`site` reads a built release, which a fresh clone does not hold: the block as written ran
    into 'no built release' until it built one before."""
    (block,) = [block for block in re.findall(r"```bash\n(.*?)```", README, flags=re.DOTALL) if " site " in block]
    commands = [line.split("#")[0].strip() for line in block.splitlines()]
    assert commands.index("python -m syria_strikes build") < next(
        k for k, command in enumerate(commands) if command.startswith("python -m syria_strikes site")
    )


def test_curators_install_from_a_clone_the_wheel_carries_no_data() -> None:
    """`pip install "syria-strikes[validate]"` alone gives validate no data/ to read."""
    flat = _flat(README)
    assert f"git clone {REPOSITORY_URL}" in flat
    assert 'python -m pip install -e ".[validate]"' in flat
    assert 'Install the curator\'s tools with `pip install "syria-strikes[validate]"`' not in flat
