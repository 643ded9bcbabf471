"""One check of an archived seed: trusted text only from a safe read, a matching hash and UTF-8."""

from __future__ import annotations

import hashlib
from pathlib import Path

from syria_strikes.seedtrust import SeedFault, trusted_seed_text


def _seed(folder: Path, data: bytes) -> tuple[Path, str]:
    path = folder / "000_seed.txt"
    path.write_bytes(data)
    return path, hashlib.sha256(data).hexdigest()


def test_a_seed_matching_its_hash_gives_its_exact_text(tmp_path: Path) -> None:
    path, digest = _seed(tmp_path, "Jets struck\r\nat dawn ٤".encode())
    assert trusted_seed_text(path, tmp_path, "seeds/000_seed.txt", digest) == "Jets struck\r\nat dawn ٤"


def test_each_reason_not_to_trust_a_seed_is_its_rule(tmp_path: Path) -> None:
    path, digest = _seed(tmp_path, b"Jets struck")
    changed = trusted_seed_text(path, tmp_path, "seeds/000_seed.txt", "0" * 64)
    assert isinstance(changed, SeedFault) and (changed.rule, changed.column) == ("seed_hash", "sha256")
    assert digest in changed.problem(3).message and changed.problem(3).row == 3
    missing = trusted_seed_text(tmp_path / "gone.txt", tmp_path, "seeds/gone.txt", digest)
    assert isinstance(missing, SeedFault) and (missing.rule, missing.value) == ("seed_present", "seeds/gone.txt")
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "link.txt").symlink_to(secret)
    linked = trusted_seed_text(folder / "link.txt", folder, "seeds/link.txt", None)
    assert isinstance(linked, SeedFault) and linked.rule == "file_inside" and "SECRET" not in linked.words()


def test_bytes_that_match_but_are_not_utf8_are_refused_not_raised(tmp_path: Path) -> None:
    """A hand-made release may record the hash of a file that is not UTF-8: a fault, not a traceback."""
    path, digest = _seed(tmp_path, b"caf\xe9")
    fault = trusted_seed_text(path, tmp_path, "seeds/000_seed.txt", digest)
    assert isinstance(fault, SeedFault) and fault.rule == "seed_utf8" and fault.context == {"byte": 3}
    assert fault.words().endswith("[rule: seed_utf8]")


def test_no_recorded_hash_skips_only_the_comparison(tmp_path: Path) -> None:
    """A row without a hash is its own fault (seed_hash_pair), judged by the caller."""
    path, _ = _seed(tmp_path, b"Jets struck")
    assert trusted_seed_text(path, tmp_path, "seeds/000_seed.txt", None) == "Jets struck"
