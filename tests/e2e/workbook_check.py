"""Check a `figures --format xlsx` workbook against `figures --format json`.

usage: python3 workbook_check.py FIGURES.json FIGURES.xlsx NAME

Every number of 表1, 表2 and the school sheets is compared with the JSON.
libxlsxwriter writes a number with 16 significant digits ("%.16G"), so a
cell must hold exactly the JSON value rounded to 16 digits: a second
rounding, a display rounding or a wrong figure all fail.  Prints TAP lines
("ok - ..." / "not ok - ...") for tests/run.sh.
"""
import json
import math
import sys

import openpyxl

fig = json.load(open(sys.argv[1], encoding="utf-8"))
wb = openpyxl.load_workbook(sys.argv[2])
name = sys.argv[3]
failures = []


def at16(v):
    return float("%.16G" % v)


def same(where, cell, want, fmt=None):
    """cell holds want (None/NaN: the text "-"), with number format fmt."""
    if want is None or (isinstance(want, float) and math.isnan(want)):
        if cell.value != "-":
            failures.append("%s: %r, expected '-'" % (where, cell.value))
        return
    if not isinstance(cell.value, (int, float)) or isinstance(cell.value, bool):
        failures.append("%s: %r is not a number (expected %r)" % (where, cell.value, want))
        return
    if float(cell.value) != at16(want):
        failures.append("%s: %r, expected %r" % (where, cell.value, want))
    if fmt is not None and cell.number_format != fmt:
        failures.append("%s: format %r, expected %r" % (where, cell.number_format, fmt))


def text(where, cell, want):
    if cell.value != want:
        failures.append("%s: %r, expected %r" % (where, cell.value, want))


def report(what):
    global failures
    if failures:
        print("not ok - %s: %s" % (name, what))
        for f in failures[:10]:
            print("#   " + f)
    else:
        print("ok - %s: %s" % (name, what))
    failures = []


def find_row(ws, col, value, start=1):
    for r in range(start, ws.max_row + 1):
        if ws.cell(r, col).value == value:
            return r
    return None


quality = fig["scheme"] == "quality"
levels = [lv for lv in fig["levels"] if lv["schools"] > 0]
dec = {"rate": "0.00", "cv": "0.000"}

text("sheet names", type("c", (), {"value": wb.sheetnames})(),
     ["表1 达标情况", "表2 均衡状况"] + [lv["label"] + "学校" for lv in levels])
report("the sheets are 表1, 表2 and one per 学段, named in Chinese")

# --- 表1: counts and rates per 学段, the all-ten line below
ws = wb["表1 达标情况"]
text("表1 caption", ws["A1"], "表1  %d年义务教育学校办学基本标准达标情况" % fig["year"])
for lv in levels:
    r = find_row(ws, 1, "%s %d所" % (lv["label"], lv["schools"]))
    if r is None:
        failures.append("no row for %s" % lv["label"])
        continue
    for i, c in enumerate(lv["compliance"][:10]):
        text("表1 header %d" % i, ws.cell(2, 3 + i), c["label"])
        same("表1 %s %s met" % (lv["label"], c["key"]), ws.cell(r, 3 + i), c["met"], "0")
        same("表1 %s %s rate" % (lv["label"], c["key"]), ws.cell(r + 1, 3 + i), c["rate"], dec["rate"])
    allc = lv["compliance"][10]
    r2 = find_row(ws, 1, lv["label"], r + 2)
    same("表1 %s parts" % lv["label"], ws.cell(r2, 2), lv["schools"])
    same("表1 %s all met" % lv["label"], ws.cell(r2, 3), allc["met"])
    same("表1 %s all rate" % lv["label"], ws.cell(r2, 4), allc["rate"], dec["rate"])
report("表1 holds every count and rate of the JSON")

# --- 表2: means and CVs, composite, verdict
ws = wb["表2 均衡状况"]
for lv in levels:
    r = find_row(ws, 1, lv["label"])
    for i, b in enumerate(lv["balance"]):
        text("表2 header %d" % i, ws.cell(2, 3 + i), b["label"])
        same("表2 %s %s mean" % (lv["label"], b["key"]), ws.cell(r, 3 + i), b["mean"])
        same("表2 %s %s cv" % (lv["label"], b["key"]), ws.cell(r + 1, 3 + i), b["cv"], dec["cv"])
    n = len(lv["balance"])
    if not quality:
        text("表2 综合 header", ws.cell(2, 3 + n), "综合")
        same("表2 %s composite" % lv["label"], ws.cell(r + 1, 3 + n), lv["composite_cv"], dec["cv"])
    r2 = find_row(ws, 1, lv["label"], r + 2)
    judged = lv["composite_cv"] if not quality else max(b["cv"] for b in lv["balance"] if b["cv"] is not None)
    same("表2 %s judged CV" % lv["label"], ws.cell(r2, 2), judged, dec["cv"])
    same("表2 %s max cv" % lv["label"], ws.cell(r2, 3), lv["max_cv"])
    text("表2 %s verdict" % lv["label"], ws.cell(r2, 4), "达到要求" if lv["balanced"] else "未达到要求")
    if quality:
        same("表2 %s schools passing" % lv["label"], ws.cell(r2, 5), lv["schools_passing"])
report("表2 holds every mean and CV, the composite and the verdict")

# --- the schools: a row each, in JSON order
for lv in levels:
    ws = wb[lv["label"] + "学校"]
    nb = len(lv["balance"])
    for k, s in enumerate(lv["schools_detail"]):
        r = 4 + k
        w = "%s row %d" % (ws.title, r)
        text(w + " code", ws.cell(r, 1), s["code"])
        text(w + " name", ws.cell(r, 2), s["name"])
        text(w + " type", ws.cell(r, 3), s["type"])
        same(w + " students", ws.cell(r, 4), s["students"])
        same(w + " teachers", ws.cell(r, 5), s["teachers"])
        for i, c in enumerate(s["compliance"]):
            col = 6 + 4 * i
            v, t = c["value"], c["threshold"]
            if c["key"] == "teacher_ratio":   # stored as pupils per teacher
                v = 1.0 / v if v else None
                t = 1.0 / t if t else None
            same(w + " " + c["key"] + " value", ws.cell(r, col), v)
            same(w + " " + c["key"] + " threshold", ws.cell(r, col + 1), t)
            text(w + " " + c["key"] + " met", ws.cell(r, col + 2), "达标" if c["met"] else "未达标")
            same(w + " " + c["key"] + " shortfall", ws.cell(r, col + 3), c["shortfall"])
        allcol = 6 + 4 * 10
        text(w + " all met", ws.cell(r, allcol), "达标" if s["all_met"] else "未达标")
        for i, b in enumerate(s["balance"]):
            if quality:
                col = allcol + 1 + 3 * i
                same(w + " " + b["key"] + " quality value", ws.cell(r, col), b["value"])
                same(w + " " + b["key"] + " quality threshold", ws.cell(r, col + 1), b["threshold"])
                text(w + " " + b["key"] + " quality met", ws.cell(r, col + 2), "达标" if b["met"] else "未达标")
            else:
                same(w + " " + b["key"] + " balance value", ws.cell(r, allcol + 1 + i), b["value"])
        if quality:
            text(w + " quality pass", ws.cell(r, allcol + 1 + 3 * nb), "是" if s["quality_pass"] else "否")
    if ws.max_row != 3 + len(lv["schools_detail"]):
        failures.append("%s: %d rows, expected %d" % (ws.title, ws.max_row, 3 + len(lv["schools_detail"])))
    if ws.freeze_panes != "C4":
        failures.append("%s: frozen at %r, expected C4" % (ws.title, ws.freeze_panes))
report("the school sheets hold every school's values, thresholds, verdicts and shortfalls")
