"""Fill a folder made by `junheng init` the way a county would, from an
existing county's data: tests/e2e/init.sh.

usage: python3 init_fill.py DIR SOURCE_DIR [--csv]

- DIR/schools.xlsx: every row of SOURCE_DIR/schools.csv typed into the
  template under the matching header (the template's header is the loader's
  Chinese name with its unit: "在校生数（名）"); codes as text, numbers as
  numbers, as Excel stores them.
- DIR/report.ini: the core settings of SOURCE_DIR/report.ini (standards,
  limits, display decimals) written over the template's empty or
  commented-out keys, in the same sections, and its [narrative] facts.
- DIR/practices.md: a paragraph in each section.
- --csv: also save the filled sheet as DIR/schools.csv (units taken out of
  the header, as a CSV export with a plain header would be) and point
  [data] schools at it — for a reader without .xlsx support.
"""
import csv
import re
import sys

import openpyxl

d, src = sys.argv[1], sys.argv[2]
as_csv = "--csv" in sys.argv[3:]


def bare(h):
    return re.split(r"[（(]", h or "", 1)[0].strip()


# --- schools.xlsx
wb = openpyxl.load_workbook(d + "/schools.xlsx")
ws = wb["学校数据"]
heads = [c.value for c in ws[1]]
col = {bare(h): i + 1 for i, h in enumerate(heads)}
rows = list(csv.reader(open(src + "/schools.csv", encoding="utf-8-sig")))
for r, row in enumerate(rows[1:], start=2):
    for name, v in zip(rows[0], row):
        c = col.get(bare(name))
        if c is None:
            sys.exit("init_fill: no template column for '%s'" % name)
        if v == "":
            continue
        text = bare(heads[c - 1]) in ("学校代码", "学校名称", "学段", "学校类型")
        if not text:
            try:
                v = int(v)
            except ValueError:
                v = float(v)
        ws.cell(r, c).value = v
wb.save(d + "/schools.xlsx")

# --- report.ini: the source's core settings in the template's sections
skip = {"report", "data", "templates", "fonts", "layout"}
given = {}
section = None
for line in open(src + "/report.ini", encoding="utf-8"):
    m = re.match(r"\s*\[([^\]]+)\]", line)
    if m:
        section = m.group(1).strip().lower()
        continue
    m = re.match(r"\s*([A-Za-z_0-9]+)\s*=\s*(.*)", line)
    if m and section not in skip:
        given[(section, m.group(1))] = re.split(r"\s+;", m.group(2), 1)[0].strip()
out, section, seen = [], None, set()
for line in open(d + "/report.ini", encoding="utf-8"):
    m = re.match(r"\s*\[([^\]]+)\]", line)
    if m:
        section = m.group(1).strip().lower()
    m = re.match(r"\s*(?:;\s*)?([A-Za-z_0-9]+)\s*=\s*(.*)", line)
    if m and (section, m.group(1)) in given:
        line = "%s = %s\n" % (m.group(1), given[(section, m.group(1))])
        seen.add((section, m.group(1)))
    if as_csv and section == "data" and re.match(r"\s*schools\s*=", line):
        line = "schools = schools.csv\n"
    out.append(line)
    if section == "narrative" and re.match(r"\s*\[narrative\]", line):
        # free keys: the template has none of them; a county adds its own
        for (sec, k), v in given.items():
            if sec == "narrative":
                out.append("%s = %s\n" % (k, v))
                seen.add((sec, k))
missing = set(given) - seen
if missing:
    sys.exit("init_fill: the template has no line for %s" % sorted(missing))
open(d + "/report.ini", "w", encoding="utf-8").write("".join(out))

# --- practices.md: the county's own words
text = open(d + "/practices.md", encoding="utf-8").read()
text = re.sub(r"<!-- 在这里写.*?-->", "本县按照要求推进了这项工作（测试填写）。", text)
open(d + "/practices.md", "w", encoding="utf-8").write(text)

if as_csv:
    with open(d + "/schools.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow([bare(h) for h in heads])
        for row in ws.iter_rows(min_row=2, values_only=True):
            if all(v is None for v in row):
                continue
            w.writerow(["" if v is None else v for v in row])
