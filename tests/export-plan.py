#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The plan followed month by month, as a user does it with the command
# line: the sample plan, a monthly report of the province whose follow-up
# says where some tasks stand, then "baocao plan-status" (text, JSON and
# XLSX, read back with openpyxl) and the annual report's DOCX, whose
# outcome (counts by status, the tasks not done and why) is read back
# with python-docx.
#
# Environment: BAOCAO_BIN (the built binary), BAOCAO_DATADIR (data/).

import json
import os
import subprocess
import sys
import tempfile

import docx
import openpyxl

BIN = os.environ["BAOCAO_BIN"]
DATA = os.environ["BAOCAO_DATADIR"]
PROVINCE = "Tỉnh Bà Rịa - Vũng Tàu"
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def run(*args, env, status=0):
    done = subprocess.run([BIN, *args], env=env, capture_output=True, text=True)
    check(done.returncode == status, f"{args[0]} exits {status}, not {done.returncode}: {done.stderr.strip()}")
    return done.stdout.strip()


with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", BAOCAO_LIBRARY=os.path.join(tmp, "library.db"),
               SOURCE_DATE_EPOCH="1716537600")
    env.pop("DISPLAY", None)
    plan = run("import-json", os.path.join(DATA, "samples", "annual-plan-2024.json"), env=env)
    june = run("new", "--template", "province-monthly", "--unit", PROVINCE,
               "--from", "21/05/2024", "--to", "20/06/2024", env=env)

    # The clerk's statuses, written into the report as interchange JSON.
    report = json.loads(run("export-json", june, env=env))
    values = report["values"]
    items = {values[k]: k.split("/")[2] for k in values if k.startswith("sec/plan_followup/") and k.endswith("/ref")}
    done_item, late_item, reason_item = (items["sec/common_tasks/t1"], items["sec/specific_legal/t1"],
                                        items["sec/specific_legal/t2"])
    values[f"sec/plan_followup/{done_item}/status"] = "done"
    values[f"sec/plan_followup/{done_item}/date"] = "2024-06-03"
    values[f"sec/plan_followup/{reason_item}/status"] = "not_done"
    values[f"sec/plan_followup/{reason_item}/note"] = "Chờ hướng dẫn của Bộ Tư pháp"
    report["uuid"] = "00000000-0000-4000-8000-000000000018"
    run("delete", june, env=env)
    path = os.path.join(tmp, "june.json")
    json.dump(report, open(path, "w", encoding="utf-8"), ensure_ascii=False)
    june = run("import-json", path, env=env)

    # A task due in February and not started: a finding in June's report.
    check_out = run("check", june, env=env, status=1)
    check(f"sec/plan_followup/{late_item}/status" in check_out, "the overdue task is a finding")

    text = run("plan-status", plan, "--today", "21/06/2024", env=env).splitlines()
    check(text and text[0].startswith("overdue\t"), "overdue tasks come first")
    # The plan's "*…*" is emphasis: never printed as stars.
    check(not any("*" in line.split("\t")[-1] for line in text if not line.startswith("\t")),
          "plan-status prints the plan's emphasis marks")

    tasks = json.loads(run("plan-status", plan, "--json", "--today", "21/06/2024", env=env))
    by_ref = {t["task"]: t for t in tasks}
    check(len(tasks) == 58, f"58 tasks, not {len(tasks)}")
    t1 = by_ref["sec/common_tasks/t1"]
    check(t1["status"] == "done" and t1["date"] == "2024-06-03", "task 1 is done on 03/06/2024")
    check(len(t1["history"]) == 1 and t1["history"][0]["unit"] == PROVINCE, "task 1's history names the province")
    legal1 = by_ref["sec/specific_legal/t1"]
    check(legal1["overdue"] and legal1["deadline_kind"] == "month" and legal1["due"] == "2024-02-29",
          "the February task is overdue, due 29/02/2024")
    check(by_ref["sec/specific_legal/t2"]["note"] == "Chờ hướng dẫn của Bộ Tư pháp", "the reason is kept")
    overdue = [t["overdue"] for t in tasks]
    check(overdue == sorted(overdue, reverse=True), "overdue first")

    xlsx = os.path.join(tmp, "plan.xlsx")
    run("plan-status", plan, "--xlsx", xlsx, "--today", "21/06/2024", env=env)
    run("plan-status", plan, "--xlsx", os.path.join(tmp, "plan.pdf"), env=env, status=64)
    book = openpyxl.load_workbook(xlsx)
    check(book.sheetnames == ["Theo dõi", "Lịch sử"], f"two sheets, not {book.sheetnames}")
    sheet = book["Theo dõi"]
    heads = [c.value for c in sheet[3]]
    check(heads[:3] == ["STT", "Mục", "Nhiệm vụ"] and "Tình trạng" in heads, f"the headings: {heads}")
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    check(len(rows) == 58, f"a row per task, not {len(rows)}")
    check(rows[0][8] == "Quá hạn", "the first row is overdue")
    check(not any("*" in (r[2] or "") for r in rows), "the sheet prints the plan's emphasis marks")
    done_rows = [r for r in rows if r[2] == t1["content"]]
    check(done_rows and done_rows[0][6] == "Đã hoàn thành" and done_rows[0][7] == "03/06/2024",
          "task 1 done on 03/06/2024 in the sheet")
    history = [[c.value for c in row] for row in book["Lịch sử"].iter_rows(min_row=2)]
    check(len(history) == 58, f"one history row per task and report, not {len(history)}")
    check(all(r[3] == PROVINCE for r in history), "the history names who reported")

    # June's follow-up printed as a table: STT, task, lead, deadline as
    # written, status (with its date), note.
    out = os.path.join(tmp, "june.docx")
    run("export", june, "--docx", out, env=env)
    tables = [t for t in docx.Document(out).tables
              if [c.text for c in t.rows[0].cells] == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn",
                                                        "Tình trạng", "Ghi chú"]]
    check(len(tables) == 1, f"one follow-up table, not {len(tables)}")
    if tables:
        rows = [[c.text for c in row.cells] for row in tables[0].rows[1:]]
        check(len(rows) == 58, f"a row per task, not {len(rows)}")
        check([r[0] for r in rows] == [str(i) for i in range(1, 59)], "numbered 1 to 58")
        check(rows[0][1] == t1["content"] and rows[0][2] == "Sở Thông tin và Truyền thông"
              and rows[0][3] == "thường xuyên trong năm 2024 và các năm tiếp theo"
              and rows[0][4] == "Đã hoàn thành (ngày 03/06/2024)" and rows[0][5] == "",
              f"task 1's row: {rows[0]}")
        check(not any("*" in r[1] for r in rows), "the follow-up table prints the plan's emphasis marks")
        italic = [c for c in tables[0].column_cells(1) if any(run.italic for p in c.paragraphs for run in p.runs)]
        check(len(italic) == 24, f"24 tasks in italics, as the plan writes them, not {len(italic)}")
        reason = [r for r in rows if r[5] == "Chờ hướng dẫn của Bộ Tư pháp"]
        check(len(reason) == 1 and reason[0][4] == "Không hoàn thành", f"the task not done and why: {reason}")
        check(not any(p.text.startswith("- Tình trạng:") for p in docx.Document(out).paragraphs),
              "no paragraph form left")

    # The plan amended: a deadline moved. plan-update lists it and exits 1;
    # --apply takes it, June's statuses kept; then nothing is left.
    plan_json = json.loads(run("export-json", plan, env=env))
    plan_json["values"]["sec/common_tasks/t3/deadline"] = "Quý III/2024"
    plan_json["uuid"] = plan_json["uuid"]
    path = os.path.join(tmp, "plan.json")
    run("delete", plan, "--force", env=env)
    json.dump(plan_json, open(path, "w", encoding="utf-8"), ensure_ascii=False)
    plan = run("import-json", path, env=env)
    listed = run("plan-update", june, env=env, status=1).splitlines()
    check(len(listed) == 1 and listed[0].startswith("~\tsec/common_tasks/t3\tdeadline\t")
          and "Quý III/2024" in listed[0], f"the moved deadline listed: {listed}")
    run("plan-update", june, "--apply", env=env)
    check(run("plan-update", june, env=env) == "", "nothing left to update")
    after = json.loads(run("export-json", june, env=env))["values"]
    check(after[f"sec/plan_followup/{done_item}/status"] == "done", "task 1 still done after the update")

    # The annual report starts from June's statuses and prints the outcome.
    annual = run("new", "--template", "province-annual", "--unit", PROVINCE, "--year", "2024", env=env)
    out = os.path.join(tmp, "annual.docx")
    run("export", annual, "--docx", out, env=env)
    paragraphs = [p.text for p in docx.Document(out).paragraphs]
    counts = [p for p in paragraphs if p.startswith("Kế hoạch năm giao")]
    check(counts == ["Kế hoạch năm giao 58 nhiệm vụ: đã hoàn thành 1; đang thực hiện 0; "
                     "chưa thực hiện 56; không hoàn thành 1."], f"the counts: {counts}")
    reasons = [p for p in paragraphs if "Chờ hướng dẫn của Bộ Tư pháp" in p]
    check(len(reasons) == 1 and "(không hoàn thành)" in reasons[0], f"the task not done and why: {reasons}")

    # A report without a plan in force prints no follow-up at all.
    lone = run("new", "--template", "province-monthly", "--unit", PROVINCE,
               "--from", "21/05/2023", "--to", "20/06/2023", env=env)
    out = os.path.join(tmp, "lone.docx")
    run("export", lone, "--docx", out, env=env)
    check(not any("Kế hoạch năm" in p.text for p in docx.Document(out).paragraphs), "no follow-up without a plan")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("plan follow-up: ok")
