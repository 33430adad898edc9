#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The DOCX with the reviewer's comments, read by independent readers: the
# package parts with the standard library's zipfile and ElementTree,
# python-docx opens it, and LibreOffice converts it to PDF (no fewer pages
# than without comments) and to ODF, where its annotations carry the
# comments' authors and texts. The comments are made with the command
# line, as a reviewer would.
#
# Environment: BAOCAO_BIN, BAOCAO_DATADIR. Exit 77 (skipped) without
# python-docx, soffice or poppler-utils. When CI is set, that is a failure.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

def missing(what):
    """A reader or tool the test needs is missing: skipped (exit 77) on a
    developer's machine, a failure when CI is set, where nothing may skip."""
    if os.environ.get("CI"):
        print(f"FAIL: {what}; it is required when CI is set")
        sys.exit(1)
    print(f"SKIP: {what}")
    sys.exit(77)


try:
    import docx
except ImportError as e:
    missing(f"{e} (install python3-docx)")

BIN = os.environ["BAOCAO_BIN"]
DATA = os.environ["BAOCAO_DATADIR"]
SAMPLE = os.path.join(DATA, "samples", "province-2024-05.json")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
REVIEWER = "Trần Thị Bình"
CLERK = "Nguyễn Văn An"
OPEN = {
    "fig/asm_facilities": "Số cơ sở ASM cần đối chiếu với Công an tỉnh.",
    "sec/communication/p2/text": "Đoạn này nên viết gọn lại.",
    "tbl/dvc25/1/online": "Kiểm tra lại số trực tuyến.",
    "": "Báo cáo cần gửi trước ngày 25.",
}
REPLY = "Đã đối chiếu, số liệu đúng."
RESOLVED = "Trích yếu đã sửa."
TIMEOUT = 120
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def baocao(env, *args):
    return subprocess.run([BIN, *args], env=env, check=True, capture_output=True, text=True).stdout.strip()


def make_comments(env):
    rid = baocao(env, "import-json", SAMPLE)
    reviewer = ["--as", REVIEWER, "--role", "reviewer"]
    ids = {}
    for target, text in OPEN.items():
        where = ["--report"] if target == "" else ["--on", target]
        ids[target] = baocao(env, "comment", rid, *reviewer, *where, text)
    baocao(env, "comment", rid, "--as", CLERK, "--role", "clerk", "--reply", ids["fig/asm_facilities"], REPLY)
    summary = baocao(env, "comment", rid, *reviewer, "--on", "header/summary", RESOLVED)
    baocao(env, "comment", rid, *reviewer, "--resolve", summary)
    return rid


def check_package(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        check("word/comments.xml" in names, "package: word/comments.xml")
        types = z.read("[Content_Types].xml").decode()
        check('PartName="/word/comments.xml"' in types, "package: the content type of comments.xml")
        rels = z.read("word/_rels/document.xml.rels").decode()
        check('relationships/comments" Target="comments.xml"' in rels, "package: the comments relationship")
        comments = ET.fromstring(z.read("word/comments.xml"))
        document = ET.fromstring(z.read("word/document.xml"))
    found = {}
    for c in comments.iter(W + "comment"):
        text = "".join(t.text or "" for t in c.iter(W + "t"))
        found[text] = (c.get(W + "id"), c.get(W + "author"))
    want = set(OPEN.values()) | {REPLY}
    check(set(found) == want, f"comments.xml: the open comments and the reply ({sorted(found)})")
    check(RESOLVED not in found, "comments.xml: the resolved thread is left out")
    check(found.get(REPLY, (None, None))[1] == CLERK, "comments.xml: the reply is the clerk's")
    check(all(a == REVIEWER for t, (i, a) in found.items() if t != REPLY), "comments.xml: the reviewer's comments")
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        ids = sorted(e.get(W + "id") for e in document.iter(W + tag))
        check(ids == sorted(i for i, a in found.values()), f"document.xml: one {tag} per comment ({ids})")
    # python-docx opens it and sees the comments part
    d = docx.Document(path)
    check(len(d.paragraphs) > 50, "python-docx: reads the paragraphs")
    check(any(r.reltype.endswith("/comments") for r in d.part.rels.values()),
          "python-docx: the document part relates to the comments")


def soffice(profile, out_dir, convert_to, path):
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", convert_to, "--outdir", out_dir, path],
                   check=True, timeout=TIMEOUT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"Pages: +(\d+)", info).group(1))


def pdf_text(pdf):
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout


def check_libreoffice(out, plain, with_comments):
    profile = os.path.join(out, "profile")
    soffice(profile, out, "pdf", plain)
    soffice(profile, out, "pdf", with_comments)
    # Word comments are notes beside the text, not part of it: the printed
    # document is the same, page for page, word for word.
    n_plain = pages(os.path.join(out, "plain.pdf"))
    n_with = pages(os.path.join(out, "comments.pdf"))
    check(n_with == n_plain, f"pdf: {n_with} pages with comments, {n_plain} without")
    text_plain = pdf_text(os.path.join(out, "plain.pdf"))
    text_with = pdf_text(os.path.join(out, "comments.pdf"))
    check(len(text_plain) > 1000, f"pdf: the document's text ({len(text_plain)} characters)")
    check(text_with == text_plain, "pdf: the comments change nothing in the printed text")
    check(not any(c in text_with for c in OPEN.values()), "pdf: no comment is printed")
    # LibreOffice's own reading of the comments: ODF annotations
    soffice(profile, out, "fodt", with_comments)
    root = ET.parse(os.path.join(out, "comments.fodt")).getroot()
    annotations = {}
    for a in root.iter(OFFICE + "annotation"):
        creator = a.find(DC + "creator")
        text = "\n".join("".join(p.itertext()) for p in a.iter(TEXT + "p"))
        annotations[text] = creator.text if creator is not None else None
    check(set(annotations) == set(OPEN.values()) | {REPLY},
          f"LibreOffice: the comments are annotations ({sorted(annotations)})")
    check(annotations.get(REPLY) == CLERK, "LibreOffice: the reply's author")


def main():
    for tool in ("soffice", "pdfinfo", "pdftotext"):
        if shutil.which(tool) is None:
            missing(f"{tool} is not installed (libreoffice-writer-nogui, poppler-utils)")
    with tempfile.TemporaryDirectory(prefix="baocao-comments-") as out:
        env = dict(os.environ, BAOCAO_LIBRARY=os.path.join(out, "library.db"),
                   SOURCE_DATE_EPOCH="1716537600", LC_ALL="C.UTF-8")
        env.pop("DISPLAY", None)
        rid = make_comments(env)
        plain = os.path.join(out, "plain.docx")
        with_comments = os.path.join(out, "comments.docx")
        baocao(env, "export", rid, "--docx", plain)
        baocao(env, "export", rid, "--docx", with_comments, "--comments")
        check_package(with_comments)
        check_libreoffice(out, plain, with_comments)
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    print("python-docx and LibreOffice read the comments")
    return 0


if __name__ == "__main__":
    sys.exit(main())
