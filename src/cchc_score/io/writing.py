"""The one guarded exit for every file the library or the command line writes.

Every output goes through :func:`write_output` (or :func:`write_outputs` for a folder of
files), which:

- refuses a path that is, or resolves to, one of the command's inputs (directly, through a
  symbolic link, through ``..``, or as the same file under another name), even with
  ``force``: an input is never overwritten;
- refuses a path that is a symbolic link (dangling or not), even with ``force``: nothing is
  ever written through a link, so nothing lands outside the path the user named;
- refuses a folder, a device, a pipe or a socket, and an existing file unless ``force``;
- creates missing folders, then writes to a temporary file in the target folder and renames
  it over the target (atomic: a reader sees the old file or the new one, never a part);
  without ``force`` the rename cannot replace a file that appeared meanwhile;
- turns every operating-system failure (permission denied, a missing folder, a file in the
  way, a full disk, a read-only file system, …) into an :class:`OutputError` naming the file,
  what happened and what to do, in Vietnamese or English, and removes the temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CchcScoreError, ProblemList
from ..words import Phrase, text

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ..numbers import Lang

__all__ = ["OutputError", "check_output", "describe_os_error", "write_output", "write_outputs"]

PathLike = str | os.PathLike[str]


class OutputError(CchcScoreError, OSError):
    """An output file cannot be written, or may not be (it is an input, a link, exists).

    It is an :class:`OSError` too, as the failures it reports are, so code that guards a
    write with ``except OSError`` keeps working; ``errno`` is the operating system's code
    when there was one, else ``None``.
    """


#: errno → the words code that says what happened and what to do.
_OS_ERRORS = {
    errno.EACCES: "output.permission",
    errno.EPERM: "output.permission",
    errno.ENOENT: "output.missing_folder",
    errno.ENOTDIR: "output.not_a_folder",
    errno.EEXIST: "output.in_the_way",
    errno.EISDIR: "output.is_folder",
    errno.ENOSPC: "output.disk_full",
    errno.EROFS: "output.read_only",
    errno.ENAMETOOLONG: "output.name_too_long",
    errno.ELOOP: "output.link",
    errno.EFBIG: "output.too_big",
}
if hasattr(errno, "EDQUOT"):
    _OS_ERRORS[errno.EDQUOT] = "output.quota"


def describe_os_error(exc: OSError, lang: Lang = "vi") -> str:
    """What an operating-system failure to write means and what to do, in ``lang``.

    >>> describe_os_error(OSError(errno.ENOSPC, "No space left on device"), "en")
    'cannot write: no space left on the device; free some space and try again'
    """
    code, fields = os_error_phrase(exc)
    return text(code, lang, **fields)


def os_error_phrase(exc: OSError) -> Phrase:
    """What an operating-system failure to write means, as a word code and its fields."""
    code = _OS_ERRORS.get(exc.errno or 0)
    if code is None:
        return Phrase("output.os_error", {"reason": exc.strerror or str(exc)})
    return Phrase(code, {"folder": exc.filename or ""})


def _fail(path: PathLike, said: Phrase, err: int | None = None, *, lang: Lang) -> OutputError:
    """The error for an output that cannot be written: its problem code named after the
    words that say why (``output.exists`` → ``E-OUTPUT-EXISTS``)."""
    problems = ProblemList(os.fspath(path))
    name = said.code.partition(".")[2].upper().replace("_", "-")
    code = f"E-OUTPUT-{name}"
    problems.add("", code, detail=said)
    error = OutputError(problems.items, lang)
    error.errno = err
    return error


def _same(a: str, b: str) -> bool:
    """Whether two paths name the same file: the same real path, or the same inode."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (or cannot be examined)
        return False


def _within(path: str, folder: str) -> bool:
    real, top = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, top]) == top


def _input_clash(path: str, inputs: Iterable[PathLike]) -> str | None:
    """The input ``path`` would overwrite, if any. An existing file inside an input folder
    counts as an input (a batch folder's units); a new file there does not."""
    for item in inputs:
        name = os.fspath(item)
        if _same(path, name):
            return name
        if os.path.isdir(name) and os.path.lexists(path) and _within(path, name):
            return name
    return None


def _blocker(folder: Path) -> Path | None:
    """The file (or dangling link) standing where ``folder`` or one of its parents must be
    a folder; ``None`` when the nearest existing one is a folder."""
    at = folder
    while not os.path.lexists(at):
        if at == at.parent:
            return None
        at = at.parent
    return None if os.path.isdir(at) else at


def check_output(
    path: PathLike, *, force: bool = False, inputs: Iterable[PathLike] = (), lang: Lang = "vi"
) -> None:
    """Check that ``path`` may be written, before any work is done to produce it.

    Raises:
        OutputError: ``path`` is an input, a symbolic link, a folder or another non-regular
            file, or an existing file and ``force`` is false.
    """
    name = os.fspath(path)
    clash = _input_clash(name, inputs)
    if clash is not None:
        raise _fail(name, Phrase("output.is_input", {"input": clash}), lang=lang)
    blocker = _blocker(Path(name).parent)
    if blocker is not None:
        raise _fail(
            name, Phrase("output.not_a_folder", {"folder": blocker}), errno.ENOTDIR, lang=lang
        )
    try:
        info = os.lstat(name)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _fail(name, os_error_phrase(exc), exc.errno, lang=lang) from None
    if stat.S_ISLNK(info.st_mode):
        raise _fail(name, Phrase("output.symlink", {"target": os.readlink(name)}), lang=lang)
    if stat.S_ISDIR(info.st_mode):
        raise _fail(name, Phrase("output.is_folder", {}), errno.EISDIR, lang=lang)
    if not stat.S_ISREG(info.st_mode):
        raise _fail(name, Phrase("output.not_regular", {}), lang=lang)
    if not force:
        raise _fail(name, Phrase("output.exists", {}), errno.EEXIST, lang=lang)


def _make_folder(folder: Path, target: Path, lang: Lang) -> list[Path]:
    """Create ``folder`` and its missing parents for ``target`` (the name errors show); the
    folders created, outermost first."""
    blocker = _blocker(folder)
    if blocker is not None:
        raise _fail(
            target, Phrase("output.not_a_folder", {"folder": blocker}), errno.ENOTDIR, lang=lang
        )
    missing: list[Path] = []
    at = folder
    while not os.path.lexists(at) and at != at.parent:
        missing.append(at)
        at = at.parent
    created: list[Path] = []
    for item in reversed(missing):
        try:
            os.mkdir(item)
        except OSError as exc:
            _remove_folders(created)
            said = Phrase("output.cannot_create", {"folder": item, "why": os_error_phrase(exc)})
            raise _fail(target, said, exc.errno, lang=lang) from None
        created.append(item)
    return created


def _remove_folders(created: list[Path]) -> None:
    for item in reversed(created):
        with contextlib.suppress(OSError):  # not empty after all, or gone: leave it
            os.rmdir(item)


_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _temporary(folder: Path, name: str) -> tuple[Path, int]:
    """A new temporary file beside the target; the mode follows the umask, as a plain
    ``open`` would."""
    for _ in range(100):
        temp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return temp, os.open(temp, _FLAGS, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", os.fspath(folder))


def _place(temp: Path, target: Path, force: bool) -> None:
    """Move the finished temporary file to ``target``: without ``force`` never replacing a
    file that appeared since the check (a hard link fails if the name is taken)."""
    if force:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (some network and FAT file systems): check, then rename.
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "exists", os.fspath(target)) from None
        os.replace(temp, target)
        return
    os.unlink(temp)


def write_output(
    path: PathLike,
    data: str | bytes,
    *,
    force: bool = False,
    inputs: Iterable[PathLike] = (),
    encoding: str = "utf-8",
    bom: bool = False,
    lang: Lang = "vi",
) -> Path:
    """Write ``data`` to ``path`` atomically, guarded as the module says; return the path.

    Args:
        path: the file to write, as the user named it (the name errors show).
        data: the text (encoded with ``encoding``) or the bytes to write.
        force: replace an existing regular file.
        inputs: the files and folders the command read; ``path`` may not be any of them,
            nor an existing file inside an input folder, even with ``force``.
        encoding: the encoding of a text.
        bom: start a text with a byte-order mark (for CSV files Excel opens).
        lang: the language of error messages.

    Raises:
        OutputError: the file may not or cannot be written; nothing has changed at ``path``.

    >>> import tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> write_output(f"{folder.name}/a.csv", "x\\n").read_text()
    'x\\n'
    >>> try:
    ...     write_output(f"{folder.name}/a.csv", "y\\n", lang="en")
    ... except OutputError as error:
    ...     print(str(error).replace(folder.name, "FOLDER"))
    FOLDER/a.csv: exists; not overwritten (use --force to replace it)
    >>> folder.cleanup()
    """
    target = Path(path)
    inputs = tuple(inputs)
    check_output(target, force=force, inputs=inputs, lang=lang)
    if isinstance(data, str):
        data = (("\ufeff" if bom else "") + data).encode(encoding)
    folder = target.parent
    created = _make_folder(folder, target, lang)
    temp: Path | None = None
    done = False
    try:
        temp, handle = _temporary(folder, target.name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if force and os.path.lexists(target):
            # Keep the permissions of the file being replaced.
            os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
        # Checked again just before the rename: the folder may have changed meanwhile.
        check_output(target, force=force, inputs=inputs, lang=lang)
        _place(temp, target, force)
        done = True
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        if exc.errno == errno.EEXIST and not force:
            said = Phrase("output.exists", {})
        else:
            said = os_error_phrase(exc)
        raise _fail(target, said, exc.errno, lang=lang) from None
    finally:
        if not done:
            if temp is not None:
                with contextlib.suppress(OSError):  # already gone
                    os.unlink(temp)
            _remove_folders(created)
    return target


def write_outputs(
    folder: PathLike,
    files: Mapping[str, str | bytes],
    *,
    force: bool = False,
    inputs: Iterable[PathLike] = (),
    lang: Lang = "vi",
) -> list[Path]:
    """Write several files into ``folder`` (created if missing), each with
    :func:`write_output`; every file is checked first, so none is written if one may not be.

    Args:
        folder: the folder, e.g. ``import-annex --out DIR``; it may be a link to a folder
            (as any folder above an output may), not a link to nothing.
        files: file name (inside ``folder``) → its text (UTF-8) or bytes.
        force, inputs, lang: as for :func:`write_output`.

    Raises:
        OutputError: every file that may not be written, or the first failure to write.
    """
    top = Path(folder)
    inputs = tuple(inputs)
    if os.path.islink(top) and not os.path.isdir(top):
        raise _fail(top, Phrase("output.symlink", {"target": os.readlink(top)}), lang=lang)
    blocker = _blocker(top)
    if blocker is not None:
        raise _fail(
            top, Phrase("output.not_a_folder", {"folder": blocker}), errno.ENOTDIR, lang=lang
        )
    problems: list[OutputError] = []
    for name in files:
        try:
            check_output(top / name, force=force, inputs=inputs, lang=lang)
        except OutputError as exc:
            problems.append(exc)
    if problems:
        error = OutputError((p for exc in problems for p in exc.problems), lang)
        error.errno = problems[0].errno
        raise error
    return [
        write_output(top / name, data, force=force, inputs=inputs, lang=lang)
        for name, data in files.items()
    ]
