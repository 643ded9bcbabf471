"""The static provenance site: every event, claim, actor and source as pages, built from a release.

``write_site(release, seeds, out)`` reads a built release and the archived documents, renders
every page with the package's Jinja2 templates and swaps the finished folder into ``out``. The
pages need no server and no network: open ``index.html`` from disk or put the folder on any
static host. Jinja2 and the data stack are imported only when a site is written, so the CLI
that lists this command stays light and works without the ``site`` extra.
"""

from __future__ import annotations

from pathlib import Path


def write_site(release: Path, seeds: Path, out: Path) -> int:
    """Render the site and write it to ``out`` (already checked with ``check_site_output``); returns the file count."""
    from syria_strikes.site.model import read_site
    from syria_strikes.site.output import check_site_output, write_all_or_nothing
    from syria_strikes.site.pages import render_site

    contents = render_site(read_site(release, seeds))
    write_all_or_nothing(out, contents, recheck=lambda: check_site_output(out, seeds, release))
    return len(contents) + 1
