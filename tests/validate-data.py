#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check data/templates/*.json and data/catalogs/*.json against
docs/template-format.md.

Usage: validate-data.py [DATA_DIR]   (default: the data/ directory next to
this file's parent).  Exits 1 and prints every problem found, with the file
and a JSON path, when something is wrong.
"""

import json
import os
import re
import sys
import unicodedata

TEMPLATE_ID = re.compile(r"^[a-z0-9-]+$")
ID = re.compile(r"^[a-z0-9_]+$")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PLACEHOLDERS = {"period", "month", "year", "unit", "unit_kind", "UNIT", "UNIT_KIND", "place"}
UNIT_KINDS = {"tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn", "đặc khu"}

TEMPLATE_MEMBERS = {"format", "id", "name", "kind", "unit_kind", "period", "header",
                    "sections", "tables", "rules", "appendix_numbering"}
NUMBERING_STYLES = {"I", "01", "1"}
PERIOD_LINE_PLACEHOLDERS = {"from", "to", "month", "year"}
TEMPLATE_REQUIRED = {"format", "id", "name", "kind", "period", "sections"}
PERIOD_MEMBERS = {"regime", "cutoff_day", "due_working_days", "title_line"}
HEADER_MEMBERS = {"supervising_body", "issuing_body", "symbol", "place",
                  "doc_type", "summary", "recipients", "legal_basis", "closing",
                  "cc", "signer"}
SIGNER_MEMBERS = {"authority", "body", "authority_title", "title", "title2", "name"}
AUTHORITIES = {"", "TM.", "KT.", "Q.", "TL.", "TUQ."}
SECTION_MEMBERS = {"id", "number", "title", "kind", "hint", "intro",
                   "required", "children", "figures", "figure_list", "empty_text",
                   "list_mark", "date_style", "lead_label", "cooperating_label", "deadline_label",
                   "catalog", "rows", "item_noun", "item_figures", "outcome", "from_months"}
LIST_MARKS = {"-", "+", ";"}
DATE_STYLES = {"d/m/yyyy", "dd/m/yyyy", "dd/mm/yyyy"}
SECTION_KINDS = {"group", "narrative", "documents", "figures", "tasks", "catalog", "followup"}
CATALOG_SECTION_ONLY = ("catalog", "rows", "item_noun", "item_figures")
ITEM_FIGURE_MEMBERS = {"id", "label", "unit"}
FIGURE_MEMBERS = {"id", "label", "unit", "cumulative", "denominator", "may_exceed", "additive", "from_months"}
FROM_MONTHS_MEMBERS = {"value", "den"}
TABLE_MEMBERS = {"id", "title", "caption", "catalog", "rows", "applicable",
                 "columns", "defaults", "totals", "section", "name_label",
                 "period_line", "date_style", "from_units", "unit_annex"}
COLUMN_MEMBERS = {"id", "label", "type", "group", "choices", "numerator",
                  "denominator", "max", "role", "may_exceed", "optional"}
COLUMN_TYPES = {"integer", "text", "choice", "computed", "percent"}
ROLES = {"total", "online", "on_time", "overdue"}
RULE_MEMBERS = {"id", "left", "op", "right", "severity", "message"}
OPS = {"=", "!=", "<", "<=", ">", ">=", "≠", "≤", "≥"}
CATALOG_MEMBERS = {"format", "id", "name", "rows"}
ROW_MEMBERS = {"number", "label", "key", "heading", "children"}
DEFAULT_MAX = 999_999_999_999

# Catalogs whose size is fixed by the decision they transcribe.
EXPECTED_SERVICES = {"dvc25": 25, "qd422": 28, "pilot-models": 24}
FLAT_CATALOGS = {"dvc25"}


class Checker:
    def __init__(self):
        self.errors = []
        self.file = None
        self.section_ids = set()

    def err(self, path, msg):
        self.errors.append(f"{self.file}: {path or '(root)'}: {msg}")

    # -- generic helpers -------------------------------------------------

    def load(self, path):
        def no_dupes(pairs):
            obj = {}
            for k, v in pairs:
                if k in obj:
                    raise ValueError(f"duplicate member “{k}”")
                obj[k] = v
            return obj
        try:
            with open(path, encoding="utf-8") as f:
                return json.load(f, object_pairs_hook=no_dupes)
        except (ValueError, UnicodeDecodeError) as e:
            self.err("", f"not valid JSON: {e}")
            return None

    def check_nfc(self, value, path=""):
        if isinstance(value, str):
            if not unicodedata.is_normalized("NFC", value):
                self.err(path, "text is not NFC-normalised")
            if value != value.strip():
                self.err(path, "leading or trailing white space")
        elif isinstance(value, dict):
            for k, v in value.items():
                if not unicodedata.is_normalized("NFC", k):
                    self.err(path, f"member name “{k}” is not NFC")
                self.check_nfc(v, f"{path}.{k}" if path else k)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                self.check_nfc(v, f"{path}[{i}]")

    def obj(self, value, path, allowed, required=()):
        if not isinstance(value, dict):
            self.err(path, "must be an object")
            return False
        for k in value:
            if k not in allowed:
                self.err(f"{path}.{k}" if path else k, "unknown member")
        for k in required:
            if k not in value:
                self.err(path, f"missing member “{k}”")
        return True

    def string(self, o, key, path, required=True, empty=False, pattern=None):
        p = f"{path}.{key}" if path else key
        if key not in o:
            if required:
                self.err(path, f"missing member “{key}”")
            return None
        v = o[key]
        if not isinstance(v, str):
            self.err(p, "must be a string")
            return None
        if not empty and v == "":
            self.err(p, "must not be empty")
        if pattern is not None and not pattern.match(v):
            self.err(p, f"“{v}” does not match {pattern.pattern}")
        return v

    def boolean(self, o, key, path):
        if key in o and not isinstance(o[key], bool):
            self.err(f"{path}.{key}", "must be true or false")

    def string_list(self, o, key, path):
        if key not in o:
            return []
        v = o[key]
        if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
            self.err(f"{path}.{key}", "must be an array of non-empty strings")
            return []
        return v

    @staticmethod
    def is_int(v):
        return isinstance(v, int) and not isinstance(v, bool)

    # -- catalogs ----------------------------------------------------------

    def catalog_rows(self, rows, path, keys, depth=0):
        """Check catalog rows; fill keys {key: is_heading}."""
        services = 0
        if not isinstance(rows, list) or not rows:
            self.err(path, "must be a non-empty array")
            return 0
        if depth > 2:
            self.err(path, "rows nest at most three levels deep")
        for i, r in enumerate(rows):
            p = f"{path}[{i}]"
            if not self.obj(r, p, ROW_MEMBERS, ("number", "label")):
                continue
            number = self.string(r, "number", p)
            self.string(r, "label", p)
            self.boolean(r, "heading", p)
            key = self.string(r, "key", p, required=False) if "key" in r else number
            if key == "after":
                self.err(p, "row key “after” is a table's own part (tbl/<table>/after)")
            heading = r.get("heading") is True
            if key is not None:
                if key in keys:
                    self.err(p, f"row key “{key}” is not unique in the catalog")
                keys[key] = heading
            if "children" in r:
                services += self.catalog_rows(r["children"], f"{p}.children", keys, depth + 1)
            if not heading:
                services += 1
        return services

    def check_catalog(self, path, stem):
        c = self.load(path)
        if c is None:
            return None
        self.check_nfc(c)
        if not self.obj(c, "", CATALOG_MEMBERS, ("format", "id", "name", "rows")):
            return None
        if c.get("format") != 1 or not self.is_int(c.get("format")):
            self.err("format", "must be 1")
        cid = self.string(c, "id", "", pattern=TEMPLATE_ID)
        if cid is not None and cid != stem:
            self.err("id", f"“{cid}” differs from the file name “{stem}”")
        self.string(c, "name", "")
        keys = {}
        services = self.catalog_rows(c.get("rows"), "rows", keys)
        if stem in EXPECTED_SERVICES and services != EXPECTED_SERVICES[stem]:
            self.err("rows", f"{services} services (non-heading rows), expected "
                             f"{EXPECTED_SERVICES[stem]}")
        if stem in FLAT_CATALOGS and isinstance(c.get("rows"), list):
            if any(isinstance(r, dict) and ("heading" in r or "children" in r)
                   for r in c["rows"]):
                self.err("rows", "must be a flat list without headings")
        return keys

    # -- expressions -------------------------------------------------------

    def tokens(self, text, path):
        toks = []
        i = 0
        while i < len(text):
            ch = text[i]
            if ch in " \t":
                i += 1
            elif ch in "+-*/().":
                toks.append(ch)
                i += 1
            elif ch.isdigit():
                m = re.match(r"\d+(\.\d+)?", text[i:])
                toks.append(("num", m.group()))
                i += len(m.group())
            elif ch.isascii() and (ch.isalpha() or ch == "_"):
                # The C parser takes '-' as part of a name: "a-b" is one name.
                m = re.match(r"[A-Za-z0-9_-]+", text[i:])
                toks.append(("name", m.group()))
                i += len(m.group())
            else:
                self.err(path, f"unexpected character “{ch}” in “{text}”")
                return None
        return toks

    def expression(self, text, path, figures, tables):
        """Parse like app/model/bc-expr.c and resolve every name."""
        toks = self.tokens(text, path)
        if toks is None:
            return
        pos = 0
        bad = []

        def peek():
            return toks[pos] if pos < len(toks) else None

        def take():
            nonlocal pos
            t = peek()
            pos += 1
            return t

        def factor():
            t = take()
            if t == "(":
                expr()
                if take() != ")":
                    raise SyntaxError("expected “)”")
            elif t == "-":
                factor()
            elif isinstance(t, tuple) and t[0] == "num":
                pass
            elif isinstance(t, tuple) and t[0] == "name":
                if t[1] == "sum":
                    if take() != "(":
                        raise SyntaxError("expected “(” after sum")
                    table, dot, column = take(), take(), take()
                    if not (isinstance(table, tuple) and table[0] == "name" and dot == "."
                            and isinstance(column, tuple) and column[0] == "name"):
                        raise SyntaxError("expected table.column")
                    if take() != ")":
                        raise SyntaxError("expected “)” after table.column")
                    cols = tables.get(table[1])
                    if cols is None:
                        bad.append(f"unknown table “{table[1]}”")
                    elif column[1] not in cols:
                        bad.append(f"unknown column “{table[1]}.{column[1]}”")
                    elif cols[column[1]] != "integer":
                        bad.append(f"“{table[1]}.{column[1]}” is not an integer column")
                else:
                    name = t[1]
                    if name not in figures:
                        bad.append(f"unknown figure “{name}”")
                    if peek() == ".":
                        take()
                        d = take()
                        if d != ("name", "den"):
                            raise SyntaxError("only “.den” may follow a figure id")
                        if name in figures and not figures[name]:
                            bad.append(f"figure “{name}” has no denominator")
            else:
                raise SyntaxError("unexpected token" if t else "unexpected end")

        def term():
            factor()
            while peek() in ("*", "/"):
                take()
                factor()

        def expr():
            term()
            while peek() in ("+", "-"):
                take()
                term()

        try:
            expr()
            if pos != len(toks):
                raise SyntaxError("unexpected text")
        except SyntaxError as e:
            self.err(path, f"{e} in “{text}”")
            return
        for b in bad:
            self.err(path, b)

    # -- templates ---------------------------------------------------------

    def catalog_section(self, s, p, catalogs):
        """A catalog section: one of catalog/rows, items one level under
        their group, optional item figures."""
        if ("catalog" in s) == ("rows" in s):
            self.err(p, "a catalog section needs exactly one of “catalog” and “rows”")
        elif "catalog" in s:
            cat = self.string(s, "catalog", p)
            if cat is not None and cat not in catalogs:
                self.err(f"{p}.catalog", f"no catalog “{cat}” in data/catalogs")
        else:
            self.catalog_rows(s["rows"], f"{p}.rows", {})
        self.string(s, "item_noun", p, required=False)
        ids = set()
        for i, f in enumerate(s.get("item_figures", [])):
            fp = f"{p}.item_figures[{i}]"
            if not self.obj(f, fp, ITEM_FIGURE_MEMBERS, ("id", "label")):
                continue
            fid = self.string(f, "id", fp, pattern=ID)
            self.string(f, "label", fp)
            self.string(f, "unit", fp, required=False)
            if fid in ids or fid in ("result", "note", "applies"):
                self.err(f"{fp}.id", f"figure id “{fid}” is used twice or names a part of an item")
            ids.add(fid)

    def sections(self, secs, path, section_ids, figures, catalogs=None):
        if not isinstance(secs, list):
            self.err(path, "must be an array")
            return
        for i, s in enumerate(secs):
            p = f"{path}[{i}]"
            if not self.obj(s, p, SECTION_MEMBERS, ("id", "number", "title", "kind")):
                continue
            sid = self.string(s, "id", p, pattern=ID)
            if sid is not None:
                if sid in section_ids:
                    self.err(f"{p}.id", f"section id “{sid}” is not unique")
                section_ids.add(sid)
            self.string(s, "number", p, empty=True)
            self.string(s, "title", p)
            kind = self.string(s, "kind", p)
            if kind is not None and kind not in SECTION_KINDS:
                self.err(f"{p}.kind", f"unknown kind “{kind}”")
            self.string(s, "hint", p, required=False)
            self.string(s, "intro", p, required=False)
            self.boolean(s, "required", p)
            self.boolean(s, "figure_list", p)
            self.boolean(s, "outcome", p)
            if "outcome" in s and kind != "followup":
                self.err(f"{p}.outcome", "only followup sections have an outcome")
            self.string(s, "empty_text", p, required=False)
            for member, allowed, only in (("list_mark", LIST_MARKS, "documents"),
                                          ("date_style", DATE_STYLES, "documents")):
                if member in s:
                    if kind != only:
                        self.err(f"{p}.{member}", f"only {only} sections have a {member}")
                    if self.string(s, member, p) not in allowed:
                        self.err(f"{p}.{member}", f"not one of {', '.join(sorted(allowed))}")
            if "from_months" in s:
                if kind not in ("documents", "narrative"):
                    self.err(f"{p}.from_months", "only documents and narrative sections list the months' documents")
                if not self.string_list(s, "from_months", p) or not all(ID.match(x) for x in s["from_months"]):
                    self.err(f"{p}.from_months", "must be a non-empty array of section ids")
            for member in ("lead_label", "cooperating_label", "deadline_label"):
                if member in s:
                    if kind != "tasks":
                        self.err(f"{p}.{member}", f"only tasks sections have a {member}")
                    self.string(s, member, p)
            if kind == "group" and not s.get("children"):
                self.err(p, "a group needs children")
            if kind == "catalog":
                self.catalog_section(s, p, catalogs or {})
            else:
                for k in CATALOG_SECTION_ONLY:
                    if k in s:
                        self.err(f"{p}.{k}", "only a catalog section has it")
            if "figures" in s:
                if kind != "figures":
                    self.err(f"{p}.figures", "only figures sections have figures")
                self.figures(s["figures"], f"{p}.figures", figures)
            elif kind == "figures":
                self.err(p, "a figures section needs figures")
            if "children" in s:
                self.sections(s["children"], f"{p}.children", section_ids, figures, catalogs)

    def figures(self, figs, path, figures):
        if not isinstance(figs, list) or not figs:
            self.err(path, "must be a non-empty array")
            return
        for i, f in enumerate(figs):
            p = f"{path}[{i}]"
            if not self.obj(f, p, FIGURE_MEMBERS, ("id", "label")):
                continue
            fid = self.string(f, "id", p, pattern=ID)
            self.string(f, "label", p)
            self.string(f, "unit", p, required=False)
            self.boolean(f, "cumulative", p)
            den = self.string(f, "denominator", p, required=False)
            self.boolean(f, "may_exceed", p)
            self.boolean(f, "additive", p)
            if f.get("may_exceed") and den is None:
                self.err(f"{p}.may_exceed", "only a figure with a denominator may exceed it")
            if "from_months" in f and self.obj(f["from_months"], f"{p}.from_months", FROM_MONTHS_MEMBERS, ("value",)):
                self.string(f["from_months"], "value", f"{p}.from_months")
                if self.string(f["from_months"], "den", f"{p}.from_months", required=False) and den is None:
                    self.err(f"{p}.from_months.den", "the figure has no denominator")
            if fid is not None:
                if fid in figures:
                    self.err(f"{p}.id", f"figure id “{fid}” is not unique")
                figures[fid] = den is not None

    def table(self, t, p, catalogs):
        """Returns {column id: type}."""
        cols = {}
        if not self.obj(t, p, TABLE_MEMBERS, ("id", "title", "columns")):
            return cols
        self.string(t, "title", p)
        self.string(t, "caption", p, required=False)
        self.string(t, "name_label", p, required=False)
        line = self.string(t, "period_line", p, required=False)
        for name in PLACEHOLDER.findall(line or ""):
            if name not in PERIOD_LINE_PLACEHOLDERS:
                self.err(f"{p}.period_line", f"unknown placeholder “{{{name}}}”")
        if "date_style" in t and self.string(t, "date_style", p) not in DATE_STYLES:
            self.err(f"{p}.date_style", f"not one of {', '.join(sorted(DATE_STYLES))}")
        units = t.get("from_units")
        if units is not None and (not isinstance(units, list) or not units
                                  or not all(isinstance(u, str) and ID.fullmatch(u) for u in units)):
            self.err(f"{p}.from_units", "a list of table ids")
        if "unit_annex" in t and (not isinstance(t["unit_annex"], bool) or units is None):
            self.err(f"{p}.unit_annex", "true or false, on a table with “from_units”")
        sec = self.string(t, "section", p, required=False)
        if sec is not None and "{number}" in (t.get("title") or ""):
            self.err(f"{p}.title", "only an appendix is numbered")
        if sec is not None and sec not in self.section_ids:
            self.err(f"{p}.section", f"no section “{sec}” to hold the table")
        keys = None
        if ("catalog" in t) == ("rows" in t):
            self.err(p, "needs exactly one of “catalog” and “rows”")
        if "catalog" in t:
            cat = self.string(t, "catalog", p)
            if cat is not None:
                if cat not in catalogs:
                    self.err(f"{p}.catalog", f"no catalog “{cat}” in data/catalogs")
                else:
                    keys = catalogs[cat]
        elif "rows" in t:
            keys = {}
            self.catalog_rows(t["rows"], f"{p}.rows", keys)

        columns = t.get("columns")
        if not isinstance(columns, list) or not columns:
            self.err(f"{p}.columns", "must be a non-empty array")
            columns = []
        roles = set()
        choices = {}
        maxima = {}
        for i, c in enumerate(columns):
            cp = f"{p}.columns[{i}]"
            if not self.obj(c, cp, COLUMN_MEMBERS, ("id", "label", "type")):
                continue
            cid = self.string(c, "id", cp, pattern=ID)
            self.string(c, "label", cp)
            self.string(c, "group", cp, required=False)
            ctype = self.string(c, "type", cp)
            if ctype is not None and ctype not in COLUMN_TYPES:
                self.err(f"{cp}.type", f"unknown type “{ctype}”")
            if cid is not None:
                if cid in cols:
                    self.err(f"{cp}.id", f"column id “{cid}” is not unique in the table")
                cols[cid] = ctype
            if ctype == "choice":
                ch = c.get("choices")
                if (not isinstance(ch, list) or not ch
                        or not all(isinstance(x, str) and x for x in ch)):
                    self.err(cp, "a choice column needs a non-empty array of choices")
                elif len(set(ch)) != len(ch):
                    self.err(f"{cp}.choices", "choices repeat")
                else:
                    choices[cid] = ch
            elif "choices" in c:
                self.err(f"{cp}.choices", "only choice columns have choices")
            self.boolean(c, "may_exceed", cp)
            if ctype != "computed":
                for k in ("numerator", "denominator", "may_exceed"):
                    if k in c:
                        self.err(f"{cp}.{k}", "only computed columns have it")
            self.boolean(c, "optional", cp)
            if "max" in c:
                if ctype not in ("integer", "percent"):
                    self.err(f"{cp}.max", "only integer and percent columns have a maximum")
                elif not self.is_int(c["max"]) or c["max"] < 0:
                    self.err(f"{cp}.max", "must be a non-negative integer")
                else:
                    maxima[cid] = c["max"]
            role = self.string(c, "role", cp, required=False)
            if role is not None:
                if role not in ROLES:
                    self.err(f"{cp}.role", f"unknown role “{role}”")
                elif role in roles:
                    self.err(f"{cp}.role", f"role “{role}” used twice")
                if ctype != "integer":
                    self.err(f"{cp}.role", "only integer columns have a role")
                roles.add(role)
        for i, c in enumerate(columns):
            if isinstance(c, dict) and c.get("type") == "computed":
                cp = f"{p}.columns[{i}]"
                for k in ("numerator", "denominator"):
                    ref = self.string(c, k, cp)
                    if ref is not None and cols.get(ref) != "integer":
                        self.err(f"{cp}.{k}", f"“{ref}” is not an integer column of this table")
        # contiguous groups
        seen, last = set(), None
        for i, c in enumerate(columns):
            g = c.get("group") if isinstance(c, dict) else None
            if g is not None and g != last and g in seen:
                self.err(f"{p}.columns[{i}].group", f"group “{g}” is not contiguous")
            if g is not None:
                seen.add(g)
            last = g

        if "applicable" in t:
            app = t["applicable"]
            if not isinstance(app, list) or not all(isinstance(x, str) for x in app):
                self.err(f"{p}.applicable", "must be an array of row keys")
            else:
                if len(set(app)) != len(app):
                    self.err(f"{p}.applicable", "row keys repeat")
                if keys is not None:
                    for j, k in enumerate(app):
                        if k not in keys:
                            self.err(f"{p}.applicable[{j}]", f"no row “{k}” in the catalog")
                        elif keys[k]:
                            self.err(f"{p}.applicable[{j}]", f"row “{k}” is a heading")

        if "defaults" in t:
            d = t["defaults"]
            if not isinstance(d, dict):
                self.err(f"{p}.defaults", "must be an object")
                d = {}
            for cid, per_row in d.items():
                dp = f"{p}.defaults.{cid}"
                if cid not in cols:
                    self.err(dp, f"no column “{cid}”")
                    continue
                if cols[cid] == "computed":
                    self.err(dp, "a computed column has no default values")
                    continue
                if not isinstance(per_row, dict):
                    self.err(dp, "must be an object { row key: value }")
                    continue
                for k, v in per_row.items():
                    vp = f"{dp}.{k}"
                    if keys is not None and k not in keys:
                        self.err(vp, f"no row “{k}” in the catalog")
                    elif keys is not None and keys[k]:
                        self.err(vp, f"row “{k}” is a heading")
                    ctype = cols[cid]
                    if ctype == "integer":
                        if not self.is_int(v) or v < 0 or v > maxima.get(cid, DEFAULT_MAX):
                            self.err(vp, "must be an integer within the column's range")
                    elif not isinstance(v, str):
                        self.err(vp, "must be a string")
                    elif ctype == "choice" and cid in choices and v not in choices[cid]:
                        self.err(vp, f"“{v}” is not one of the column's choices")

        if "totals" in t:
            if self.obj(t["totals"], f"{p}.totals", {"label"}, ("label",)):
                self.string(t["totals"], "label", f"{p}.totals")
        return cols

    def header(self, h):
        if not self.obj(h, "header", HEADER_MEMBERS):
            return
        for k in HEADER_MEMBERS - {"recipients", "cc", "signer"}:
            v = self.string(h, k, "header", required=False)
            if v is not None:
                for name in PLACEHOLDER.findall(v):
                    if name not in PLACEHOLDERS:
                        self.err(f"header.{k}", f"unknown placeholder “{{{name}}}”")
        for k in ("recipients", "cc"):
            if k in h:
                self.string_list(h, k, "header")
        if "signer" in h:
            s = h["signer"]
            if self.obj(s, "header.signer", SIGNER_MEMBERS):
                for k in SIGNER_MEMBERS:
                    self.string(s, k, "header.signer", required=False, empty=True)
                a = s.get("authority")
                if isinstance(a, str) and a not in AUTHORITIES:
                    self.err("header.signer.authority", f"“{a}” is not one of {sorted(AUTHORITIES)}")
                for k in ("body", "title", "authority_title", "title2", "name"):
                    v = s.get(k)
                    if isinstance(v, str) and "\n" in v:
                        self.err(f"header.signer.{k}", "must be a single line")

    def check_template(self, path, stem, catalogs):
        t = self.load(path)
        if t is None:
            return
        self.check_nfc(t)
        if not self.obj(t, "", TEMPLATE_MEMBERS, TEMPLATE_REQUIRED):
            return
        if t.get("format") != 1 or not self.is_int(t.get("format")):
            self.err("format", "must be 1")
        tid = self.string(t, "id", "", pattern=TEMPLATE_ID)
        if tid is not None and tid != stem:
            self.err("id", f"“{tid}” differs from the file name “{stem}”")
        self.string(t, "name", "")
        kind = self.string(t, "kind", "")
        if kind is not None and kind not in ("report", "plan"):
            self.err("kind", f"must be “report” or “plan”, not “{kind}”")
        unit_kind = self.string(t, "unit_kind", "", required=False)
        if unit_kind is not None and unit_kind not in UNIT_KINDS:
            self.err("unit_kind", f"“{unit_kind}” is not one of {sorted(UNIT_KINDS)}")
        per = t.get("period")
        if self.obj(per, "period", PERIOD_MEMBERS, ("regime",)):
            regime = self.string(per, "regime", "period")
            if regime is not None and regime not in ("monthly", "quarterly", "annual"):
                self.err("period.regime", f"unknown regime “{regime}”")
            if "cutoff_day" in per:
                cd = per["cutoff_day"]
                # An annual period ends on this day of December.
                top = 31 if regime == "annual" else 28
                if not self.is_int(cd) or not 1 <= cd <= top:
                    self.err("period.cutoff_day", f"must be an integer 1–{top}")
            self.boolean(per, "title_line", "period")
        if "header" in t:
            self.header(t["header"])
        if "appendix_numbering" in t and self.obj(t["appendix_numbering"], "appendix_numbering",
                                                   {"style", "first"}):
            n = t["appendix_numbering"]
            if "style" in n and self.string(n, "style", "appendix_numbering") not in NUMBERING_STYLES:
                self.err("appendix_numbering.style", f"not one of {', '.join(sorted(NUMBERING_STYLES))}")
            if "first" in n and (not self.is_int(n["first"]) or not 1 <= n["first"] <= 99):
                self.err("appendix_numbering.first", "must be an integer 1–99")

        section_ids, figures = set(), {}
        self.sections(t.get("sections"), "sections", section_ids, figures, catalogs)
        self.section_ids = section_ids

        tables = {}
        tl = t.get("tables", [])
        if not isinstance(tl, list):
            self.err("tables", "must be an array")
            tl = []
        for i, tab in enumerate(tl):
            p = f"tables[{i}]"
            tid = self.string(tab, "id", p, pattern=ID) if isinstance(tab, dict) else None
            cols = self.table(tab, p, catalogs)
            if tid is not None:
                if tid in tables:
                    self.err(f"{p}.id", f"table id “{tid}” is not unique")
                tables[tid] = cols

        rl = t.get("rules", [])
        if not isinstance(rl, list):
            self.err("rules", "must be an array")
            rl = []
        rule_ids = set()
        for i, r in enumerate(rl):
            p = f"rules[{i}]"
            if not self.obj(r, p, RULE_MEMBERS, RULE_MEMBERS):
                continue
            rid = self.string(r, "id", p, pattern=ID)
            if rid is not None:
                if rid in rule_ids:
                    self.err(f"{p}.id", f"rule id “{rid}” is not unique")
                rule_ids.add(rid)
            for side in ("left", "right"):
                e = self.string(r, side, p)
                if e is not None:
                    self.expression(e, f"{p}.{side}", figures, tables)
            op = self.string(r, "op", p)
            if op is not None and op not in OPS:
                self.err(f"{p}.op", f"unknown operator “{op}”")
            sev = self.string(r, "severity", p)
            if sev is not None and sev not in ("error", "warning"):
                self.err(f"{p}.severity", "must be “error” or “warning”")
            self.string(r, "message", p)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "data")
    cat_dir = os.path.join(data, "catalogs")
    tpl_dir = os.path.join(data, "templates")
    chk = Checker()

    catalogs = {}
    for name in sorted(os.listdir(cat_dir)):
        if name.endswith(".json"):
            chk.file = os.path.join("catalogs", name)
            keys = chk.check_catalog(os.path.join(cat_dir, name), name[:-5])
            if keys is not None:
                catalogs[name[:-5]] = keys
    for stem in EXPECTED_SERVICES:
        if stem not in catalogs and not os.path.exists(os.path.join(cat_dir, stem + ".json")):
            chk.file = os.path.join("catalogs", stem + ".json")
            chk.err("", "missing")

    n = 0
    for name in sorted(os.listdir(tpl_dir)):
        if name.endswith(".json"):
            chk.file = os.path.join("templates", name)
            chk.check_template(os.path.join(tpl_dir, name), name[:-5], catalogs)
            n += 1
    if n == 0:
        chk.file = "templates"
        chk.err("", "no templates found")

    if chk.errors:
        for e in chk.errors:
            print(e, file=sys.stderr)
        print(f"validate-data: {len(chk.errors)} problem(s)", file=sys.stderr)
        return 1
    print(f"validate-data: {len(catalogs)} catalog(s), {n} template(s) OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
