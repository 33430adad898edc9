#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The layout of function definitions, as GLib and GTK write them
(STYLE.md, 13): the return type on its own line, then the name, a space,
and the parameters one a line, their types in one column and their names
(with their stars) in the next:

    bc_store_open (const char  *path,
                   GError     **error)

clang-format cannot say "one a line, aligned", so this script does, and
the `style` test runs it with --check. Everything else follows
.editorconfig. A definition it cannot read for sure (a function-pointer
parameter, a comment or a macro among the parameters) is left as it is.

    build-aux/format.py [--check] [FILE...]   without files: app/, ui/,
                                              tests/, bench/ and main.c
"""
import os
import re
import sys

HEAD = re.compile(r"^([A-Za-z_]\w*) \((.*)$")
PARAM = re.compile(r"^(.*?[\w)])\s*(\**)\s*([a-z_]\w*)((?:\s*\[[^\]]*\])*)$")
FOLDERS = ("app", "ui", "tests", "bench")


def split_params(text):
    """The parameters between the parentheses, split at top-level commas."""
    params, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "," and depth == 0:
            params.append(text[start:i])
            start = i + 1
    params.append(text[start:])
    return [" ".join(p.split()) for p in params]


def layout(name, params, tail):
    """The definition's head, laid out; None when a parameter is not plain."""
    if params in (["void"], [""]):
        return ["%s (%s)%s" % (name, params[0], tail)]
    parsed = []
    for p in params:
        if p == "...":
            parsed.append(None)
            continue
        m = PARAM.match(p)
        if m is None or "(" in m.group(1) or "/*" in p:
            return None
        parsed.append((m.group(1), m.group(2), m.group(3) + m.group(4).replace(" ", "")))
    plain = [p for p in parsed if p is not None]
    width = max((len(t) for t, _, _ in plain), default=0)
    stars = max((len(s) for _, s, _ in plain), default=0)
    lines = []
    for i, p in enumerate(parsed):
        text = "..." if p is None else "%s %s%s" % (p[0].ljust(width), p[1].rjust(stars), p[2])
        prefix = "%s (" % name if i == 0 else " " * (len(name) + 2)
        lines.append(prefix + text + ("," if i < len(parsed) - 1 else ")" + tail))
    return lines


def format_source(source):
    lines = source.split("\n")
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        m = HEAD.match(line)
        # A definition: its return type on the line above, its body's "{"
        # on the line after the parameters.
        if m is None or i == 0 or lines[i - 1].strip() == "" or lines[i - 1].rstrip().endswith((";", ",", "{", "}")):
            out.append(line)
            i += 1
            continue
        text, j, depth = "(" + m.group(2), i, 0
        while True:
            depth = text.count("(") - text.count(")")
            if depth <= 0 or j - i > 40 or j + 1 >= len(lines):
                break
            j += 1
            text += " " + lines[j].strip()
        close = text.rfind(")")
        body = j + 1 < len(lines) and lines[j + 1] == "{"
        if depth != 0 or not body or "//" in text:
            out.append(line)
            i += 1
            continue
        new = layout(m.group(1), split_params(text[1:close]), text[close + 1:].rstrip())
        out.extend(new if new is not None else lines[i : j + 1])
        i = j + 1
    return "\n".join(out)


def sources(root):
    found = [os.path.join(root, "main.c")]
    for folder in FOLDERS:
        for path, _, names in os.walk(os.path.join(root, folder)):
            found += [os.path.join(path, n) for n in sorted(names) if n.endswith(".c")]
    return sorted(found)


def main(argv):
    check = "--check" in argv
    files = [a for a in argv if a != "--check"]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    changed = []
    for path in files or sources(root):
        with open(path, encoding="utf-8") as f:
            source = f.read()
        formatted = format_source(source)
        if formatted == source:
            continue
        changed.append(os.path.relpath(path, root))
        if not check:
            with open(path, "w", encoding="utf-8") as f:
                f.write(formatted)
    if check and changed:
        print("Not laid out one parameter a line (run build-aux/format.py):", file=sys.stderr)
        for path in changed:
            print("  " + path, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
