"""FOP kept warm in this process: the same book and the same messages as the fop command, the
index's pages from the layout itself, and one layout when the book is built again."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from teikit.render import fop as fop_module
from teikit.render.fo import fo_string, normalise_fo
from teikit.render.fop import JvmFop, SubprocessFop, fop_session, jvm_available
from teikit.render.pdf import (
    FopError,
    cite_pages,
    first_mention_per_page,
    mention_ids,
    plan_pdf,
    render_pdf_report,
    run_fop,
)
from tests.render_fo.conftest import SAMPLE_TEI
from tests.render_fo.test_fop_runner import small_fo

needs_jvm = pytest.mark.skipif(not jvm_available(), reason="JPype or FOP's jars not installed")


@pytest.fixture(scope="module")
def draft() -> str:
    return fo_string(SAMPLE_TEI, cite_all=True)


def test_the_index_kept_from_a_draft_citing_everything_is_the_index_fo_xsl_writes(
        draft: str) -> None:
    mentions = mention_ids(draft)
    assert len(mentions) > 3
    # every other mention, so that entries lose some pages and keep others
    cited = mentions[::2]
    assert normalise_fo(cite_pages(draft, cited)) == normalise_fo(
        fo_string(SAMPLE_TEI, cited_mentions=cited))
    assert normalise_fo(cite_pages(draft, [])) == normalise_fo(
        fo_string(SAMPLE_TEI, cited_mentions=[]))


@needs_jvm
def test_the_warm_jvm_finds_the_pages_the_fop_command_finds(draft: str) -> None:
    mentions = mention_ids(draft)
    by_command = SubprocessFop().layout(draft.encode("utf-8"), "at", page_ids=mentions)
    in_process = fop_session().layout(draft.encode("utf-8"), "at", page_ids=mentions)
    assert isinstance(fop_session(), JvmFop)
    assert by_command.returncode == 0 and in_process.returncode == 0
    assert in_process.pages == by_command.pages
    assert set(in_process.pages) == set(mentions)
    # and a PDF layout of the same FO tells the same pages
    pdf = fop_session().layout(draft.encode("utf-8"), "pdf", page_ids=mentions)
    assert pdf.output.startswith(b"%PDF") and pdf.pages == by_command.pages


@needs_jvm
def test_fop_messages_read_the_same_from_the_warm_jvm(tmp_path: Path) -> None:
    fo = tmp_path / "bad.fo"
    fo.write_bytes(small_fo("text", **{"no-such-property": "1"}))
    with pytest.raises(FopError) as caught:
        run_fop(fo, tmp_path / "bad.pdf", session=fop_session())
    assert "no-such-property" in str(caught.value) and "\n" not in str(caught.value)
    glyphs = tmp_path / "cjk.fo"
    glyphs.write_bytes(small_fo("Tokyo 東京"))
    with pytest.raises(FopError, match="not available in font"):
        run_fop(glyphs, tmp_path / "cjk.pdf", session=fop_session())
    assert not (tmp_path / "bad.pdf").exists() and not (tmp_path / "cjk.pdf").exists()


@needs_jvm
def test_a_book_built_again_is_laid_out_once(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "cache"))
    first = render_pdf_report(SAMPLE_TEI, tmp_path / "first.pdf")
    again = render_pdf_report(SAMPLE_TEI, tmp_path / "again.pdf")
    assert (first.layouts, again.layouts) == (2, 1)
    assert normalise_fo(first.fo.read_text("utf-8")) == normalise_fo(again.fo.read_text("utf-8"))


@needs_jvm
def test_a_wrong_remembered_index_costs_a_layout_not_a_wrong_index(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, draft: str) -> None:
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "cache"))
    from teikit.render import index_cache

    index_cache.write(index_cache.key(draft), mention_ids(draft))  # every mention: wrong
    result = render_pdf_report(SAMPLE_TEI, tmp_path / "book.pdf")
    assert result.layouts == 2
    pages = fop_session().layout(draft.encode("utf-8"), "at", page_ids=mention_ids(draft)).pages
    assert normalise_fo(result.fo.read_text("utf-8")) == normalise_fo(
        cite_pages(draft, first_mention_per_page(pages)))


@needs_jvm
def test_a_book_is_planned_without_fop_and_written_only_when_laid_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, draft: str) -> None:
    """The FO and the remembered index are made first (Saxon), FOP's layout after, anywhere:
    a build makes the FO before the reading page and lays it out while making the page."""
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "book.pdf"
    first = plan_pdf(SAMPLE_TEI, out)
    assert first.mentions == mention_ids(draft) and first.remembered is None
    assert not out.exists() and not out.with_suffix(".fo").exists()
    assert first.lay_out(fop_session()).layouts == 2 and out.read_bytes().startswith(b"%PDF")
    again = plan_pdf(SAMPLE_TEI, tmp_path / "again.pdf")
    assert again.remembered is not None and again.remembered_fo is not None
    assert normalise_fo(again.remembered_fo) == normalise_fo(out.with_suffix(".fo").read_text(
        "utf-8"))
    assert again.lay_out(fop_session()).layouts == 1


def test_without_the_bridge_the_fop_command_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fop_module.JVM_ENV, "0")
    assert not jvm_available()
    assert isinstance(fop_session(), SubprocessFop)
    monkeypatch.delenv(fop_module.JVM_ENV)
    monkeypatch.setenv(fop_module.JARS_ENV, "/nonexistent/jars")
    assert isinstance(fop_session(), SubprocessFop)


def test_the_warm_up_book_is_laid_out_cleanly() -> None:
    """A warm-up that failed would only be slower, never reported: so it is checked here."""
    from teikit.render.pdf import check_fop_run, warm_up_fo

    run = fop_session().layout(warm_up_fo(), "pdf")
    report = check_fop_run(run, "warm-up", output_format="pdf")
    assert not report.missing_glyphs and not report.errors


@needs_jvm
def test_a_thread_ends_cleanly_while_jpype_is_half_imported(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A background thread that ends while another thread is importing JPype (a build's worker
    compiles its stylesheets while it imports JPype) does not look into the half-made module:
    it raised there, and the worker printed the thread's traceback."""
    import sys
    import threading
    import types

    from teikit.render import InBackground

    raised: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda hook: raised.append(hook.exc_value))
    monkeypatch.setattr(fop_module, "_jvm_started", threading.Event())
    monkeypatch.setitem(sys.modules, "jpype", types.ModuleType("jpype"))
    assert InBackground(lambda: "compiled").result() == "compiled"
    assert raised == []


def test_a_process_whose_fop_was_warmed_in_the_background_exits(tmp_path: Path) -> None:
    """The JVM started by a background thread does not keep the process from ending (destroying
    it at exit waited forever: a build's worker that only converted texts hung so)."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    script = ("from teikit.render.fop import WarmingFop\n"
              "fop = WarmingFop()\nfop.session()\nfop.wait()\nprint('warm')\n")
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                               timeout=120, cwd=tmp_path,
                               env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "warm"


@needs_jvm
def test_the_jvm_keeps_an_archive_of_fops_classes_for_the_next_process(tmp_path: Path) -> None:
    """The first process's JVM writes the archive of the classes it loaded as it ends, under a
    name of its own; the next process puts it in place and maps it; neither says a word of it,
    and both lay the book out."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    cache = tmp_path / "cache"
    script = ("from teikit.render.fop import JvmFop\n"
              "from teikit.render.pdf import warm_up_fo\n"
              "import jpype\n"
              "run = JvmFop().layout(warm_up_fo(), 'pdf')\n"
              "print(run.returncode, run.output[:4].decode())\n"
              "bean = jpype.JClass('java.lang.management.ManagementFactory')"
              ".getRuntimeMXBean()\n"
              "print(' '.join(str(o) for o in bean.getInputArguments() if 'Archive' in str(o)))\n")

    def process() -> list[str]:
        completed = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=180,
            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(REPO / "src"),
                               "TEIKIT_CACHE_DIR": str(cache)})
        assert completed.returncode == 0 and completed.stderr == "", completed.stderr
        return completed.stdout.splitlines()

    first = process()
    assert first[0] == "0 %PDF" and "ArchiveClassesAtExit" in first[1]
    written = list(cache.glob("jvm-classes-*.part"))
    assert len(written) == 1 and written[0].stat().st_size > 1_000_000
    second = process()
    assert second[0] == "0 %PDF" and "SharedArchiveFile" in second[1]
    assert not list(cache.glob("*.part")) and len(list(cache.glob("jvm-classes-*.jsa"))) == 1


@needs_jvm
def test_a_cache_removed_during_the_run_costs_the_archive_not_the_exit_code(
        tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    cache = tmp_path / "cache"
    script = ("import shutil, sys\n"
              "from teikit.render.fop import JvmFop\n"
              "from teikit.render.pdf import warm_up_fo\n"
              "assert JvmFop().layout(warm_up_fo(), 'pdf').returncode == 0\n"
              "shutil.rmtree(sys.argv[1])\n")
    completed = subprocess.run(
        [sys.executable, "-c", script, str(cache)], capture_output=True, text=True,
        timeout=180, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(REPO / "src"),
                                        "TEIKIT_CACHE_DIR": str(cache)})
    assert (completed.returncode, completed.stderr) == (0, "")


def test_an_archive_still_being_written_is_left_alone(tmp_path: Path) -> None:
    import os

    archive = tmp_path / "jvm-classes-key.jsa"
    mine = tmp_path / f"jvm-classes-key.{os.getppid()}.part"   # a live process's
    mine.write_bytes(b"half")
    fop_module._settle_archives(tmp_path, archive)
    assert mine.exists() and not archive.exists()


def test_without_a_cache_the_jvm_gets_no_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEIKIT_CACHE_DIR", "")
    assert fop_module.class_archive_options(["fop.jar"], []) == []


def _process_ending(tmp_path: Path, cache: Path, body: str) -> subprocess.CompletedProcess[str]:
    """A process that starts the JVM, registers an exit handler writing ``ran``, runs ``body``
    and ends as the ``teikit`` program ends."""
    import os
    import sys

    from tests.conftest import REPO

    script = ("import atexit, pathlib\n"
              "from teikit.render.fop import JvmFop, end_leaving_jvm\n"
              "from teikit.render.pdf import warm_up_fo\n"
              "assert JvmFop().layout(warm_up_fo(), 'pdf').returncode == 0\n"
              "atexit.register(lambda: pathlib.Path('ran').write_text('yes'))\n"
              f"{body}\n")
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=180, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(REPO / "src"),
                               "TEIKIT_CACHE_DIR": str(cache)})


@needs_jvm
def test_a_process_done_with_its_jvm_ends_at_once_with_its_exit_code_and_its_output(
        tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _process_ending(tmp_path, cache, "end_leaving_jvm(0)")   # writes the class archive
    assert (first.returncode, first.stderr) == (0, "")
    assert (tmp_path / "ran").read_text() == "yes", "the JVM writing its archive shuts down"
    (tmp_path / "ran").unlink()
    ended = _process_ending(tmp_path, cache, "print('said', flush=False)\nend_leaving_jvm(3)")
    assert (ended.returncode, ended.stdout, ended.stderr) == (3, "said\n", "")
    assert not (tmp_path / "ran").exists(), "the exit handlers (JPype's shutdown) were skipped"


@needs_jvm
def test_the_teikit_program_that_made_a_pdf_ends_with_its_words_and_exit_code(
        tmp_path: Path) -> None:
    import os
    import shutil
    import sys

    from tests.conftest import REPO

    tei = shutil.copy(SAMPLE_TEI, tmp_path / "book.xml")

    def program(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "teikit", *arguments],
                              capture_output=True, text=True, timeout=180, cwd=tmp_path,
                              env={**os.environ, "PYTHONPATH": str(REPO / "src"),
                                   "TEIKIT_CACHE_DIR": str(tmp_path / "cache")})

    for _ in range(2):   # the JVM writes its class archive, then reads it and is left running
        made = program("render", "pdf", str(tei))
        assert (made.returncode, made.stderr) == (0, "")
        assert made.stdout.startswith("wrote ") and (tmp_path / "book.pdf").is_file()
        (tmp_path / "book.pdf").unlink()
    missing = program("render", "pdf", "missing.xml")
    assert missing.returncode == 2 and "missing.xml" in missing.stderr
    assert "Traceback" not in missing.stderr
