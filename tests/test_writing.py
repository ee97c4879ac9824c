"""writing.py: the one guarded exit; every refusal and every OS failure, in process."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from cchc_score.errors import CchcScoreError
from cchc_score.io.writing import OutputError, check_output, write_output, write_outputs

EXISTS_VI = "đã có tệp này; không ghi đè (dùng --force để thay thế)"
EXISTS_EN = "exists; not overwritten (use --force to replace it)"


def refused(path: Path, data: str = "new\n", **options: object) -> str:
    """The one-line message write_output refuses ``path`` with."""
    with pytest.raises(OutputError) as info:
        write_output(path, data, **options)  # type: ignore[arg-type]
    (problem,) = info.value.problems
    return problem.text(options.get("lang", "vi"))  # type: ignore[arg-type]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file_with_the_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    assert write_output(target, "x,y\n", bom=True) == target
    assert target.read_bytes() == b"\xef\xbb\xbfx,y\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert leftovers(tmp_path) == []


def test_an_output_error_is_both_the_library_error_and_an_os_error() -> None:
    assert issubclass(OutputError, CchcScoreError)
    assert issubclass(OutputError, OSError)


def test_an_existing_file_needs_force_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    assert refused(target) == f"{target}: {EXISTS_VI}"
    assert refused(target, lang="en") == f"{target}: {EXISTS_EN}"
    assert target.read_text(encoding="utf-8") == "old\n"
    write_output(target, b"new\n", force=True)
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize("force", [False, True])
def test_never_through_a_link(tmp_path: Path, force: bool) -> None:
    real = tmp_path / "real.csv"
    real.write_text("mine\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "elsewhere" / "x.csv")
    assert refused(link, force=force, lang="en") == (
        f"{link}: is a symbolic link (to {real}); nothing is written through a link, even "
        "with --force: give the real path or remove the link"
    )
    assert "liên kết tượng trưng" in refused(dangling, force=force)
    assert real.read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "elsewhere").exists()
    assert link.is_symlink()
    assert dangling.is_symlink()


def test_never_an_input_even_with_force(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("input\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "alias.csv").symlink_to(source)
    os.link(source, tmp_path / "hard.csv")
    for path in (
        source,
        tmp_path / "alias.csv",
        tmp_path / "sub" / ".." / "in.csv",
        tmp_path / "hard.csv",
    ):
        assert refused(path, force=True, inputs=[str(source)], lang="en") == (
            f"{path}: is an input of this command ({source}); an input is never overwritten, "
            "even with --force: choose another name"
        )
    assert source.read_text(encoding="utf-8") == "input\n"


def test_an_input_folder_protects_its_files_not_its_free_names(tmp_path: Path) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    (folder / "a.toml").write_text("unit\n", encoding="utf-8")
    assert "là tệp đầu vào" in refused(folder / "a.toml", force=True, inputs=[folder])
    assert write_output(folder / "ranking.csv", "ok\n", inputs=[folder]).exists()


def test_a_folder_and_a_device_are_not_files(tmp_path: Path) -> None:
    assert refused(tmp_path, force=True, lang="en") == f"{tmp_path}: is a folder; give a file name"
    assert refused(Path(os.devnull), force=True, lang="en") == (
        f"{os.devnull}: is not a regular file (a device, pipe or socket); give the name of a "
        "regular file"
    )


def test_a_file_where_a_folder_must_be(tmp_path: Path) -> None:
    blocker = tmp_path / "report"
    blocker.write_text("", encoding="utf-8")
    path = blocker / "deeper" / "x.csv"
    assert refused(path, lang="en") == (
        f"{path}: cannot write: {blocker} is a file, not a folder; choose another place"
    )


def test_missing_folders_are_created_and_removed_again_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert write_output(tmp_path / "a" / "b" / "x.csv", "x\n").exists()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    path = tmp_path / "c" / "d" / "x.csv"
    assert refused(path, lang="en") == (
        f"{path}: cannot write: no space left on the device; free some space and try again"
    )
    assert not (tmp_path / "c").exists()


def test_a_folder_that_cannot_be_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(path: object, mode: int = 0o777) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "mkdir", denied)
    path = tmp_path / "new" / "x.csv"
    assert refused(path, lang="en") == (
        f"{path}: cannot create the folder {tmp_path / 'new'}: cannot write: permission "
        "denied; choose a folder you can write to"
    )


@pytest.mark.parametrize(
    ("err", "message"),
    [
        (errno.EACCES, "cannot write: permission denied; choose a folder you can write to"),
        (errno.EROFS, "cannot write: the file system is read-only; choose another place"),
        (errno.ENOSPC, "cannot write: no space left on the device; free some space and try again"),
        (errno.EISDIR, "is a folder; give a file name"),
        (errno.EIO, "cannot write: Input/output error"),
    ],
)
def test_every_os_failure_is_located_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, err: int, message: str
) -> None:
    target = tmp_path / "a.csv"
    target.write_text("old\n", encoding="utf-8")

    def fail(src: object, dst: object) -> None:
        raise OSError(err, os.strerror(err), str(dst))

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError) as info:
        write_output(target, "new\n", force=True, lang="en")
    assert str(info.value) == f"{target}: {message}"
    assert info.value.errno == err
    assert target.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root writes into read-only folders (and Windows has no such mode)",
)
def test_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert "permission denied" in refused(folder / "x.csv", lang="en")
    finally:
        folder.chmod(0o755)


def test_a_file_that_appears_meanwhile_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.csv"
    real_fsync = os.fsync

    def and_meanwhile(fd: int) -> None:
        real_fsync(fd)
        target.write_text("theirs\n", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", and_meanwhile)
    assert refused(target, lang="en") == f"{target}: {EXISTS_EN}"
    assert target.read_text(encoding="utf-8") == "theirs\n"
    assert leftovers(tmp_path) == []


def test_without_hard_links_it_still_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = write_output(tmp_path / "a.csv", "x\n")
    assert target.read_text(encoding="utf-8") == "x\n"
    assert leftovers(tmp_path) == []


def test_check_output_before_the_work(tmp_path: Path) -> None:
    check_output(tmp_path / "new.csv")
    (tmp_path / "old.csv").write_text("", encoding="utf-8")
    check_output(tmp_path / "old.csv", force=True)
    with pytest.raises(OutputError):
        check_output(tmp_path / "old.csv")


def test_a_folder_of_outputs_is_checked_whole_first(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = {"appraisal.toml": "a = 1\n", "plan.toml": "b = 2\n"}
    assert write_outputs(out, files) == [out / "appraisal.toml", out / "plan.toml"]
    (out / "plan.toml").write_text("edited\n", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        write_outputs(out, {"new.toml": "", **files}, lang="en")
    assert [p.text("en") for p in info.value.problems] == [
        f"{out / 'appraisal.toml'}: {EXISTS_EN}",
        f"{out / 'plan.toml'}: {EXISTS_EN}",
    ]
    assert not (out / "new.toml").exists()
    assert (out / "plan.toml").read_text(encoding="utf-8") == "edited\n"


def test_a_folder_of_outputs_through_links(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "to_real").symlink_to(tmp_path / "real")
    write_outputs(tmp_path / "to_real", {"a.toml": "a = 1\n"})
    assert (tmp_path / "real" / "a.toml").exists()
    (tmp_path / "to_nothing").symlink_to(tmp_path / "nothing")
    with pytest.raises(OutputError, match="is a symbolic link"):
        write_outputs(tmp_path / "to_nothing", {"a.toml": ""}, lang="en")
    assert not (tmp_path / "nothing").exists()
