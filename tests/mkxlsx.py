#!/usr/bin/env python3
"""mkxlsx — hand-made .xlsx packages for the reader's tests (tests/e2e/xlsx*.sh).

Writes exactly the XML a case needs, including what Excel itself never
writes but WPS and other generators do (inline strings, cells without r=,
namespace prefixes, phonetic runs), and broken workbooks.

    mkxlsx.py OUT.xlsx SPEC.json

SPEC: {"sheet": "学校", "rows": [[cell, ...], ...], "strings": "shared"|"inline",
       "prefix": "x:"|"", "no_refs": false, "rph": false, "extra_sheets": [names],
       "hidden_first": false}
A cell is null (absent), a string, a number, or an object
{"v": "...", "t": "n|s|str|inlineStr|b|e|d", "f": "SUM(..)", "date": true}
("date": styled with a date number format).
"""
import json
import sys
import zipfile
from xml.sax.saxutils import escape


def colname(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def build(out, spec):
    p = spec.get("prefix", "")
    ns = 'xmlns%s="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' % (":" + p[:-1] if p else "")
    rns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    inline = spec.get("strings", "shared") == "inline"
    sst = []
    rows_xml = []
    for ri, row in enumerate(spec["rows"]):
        cells = []
        for ci, c in enumerate(row):
            if c is None:
                continue
            ref = "" if spec.get("no_refs") else ' r="%s%d"' % (colname(ci), ri + 1)
            if isinstance(c, str):
                c = {"t": "inlineStr" if inline else "s", "v": c}
            elif isinstance(c, (int, float)):
                c = {"t": "n", "v": repr(c)}
            t = c.get("t", "n")
            style = ' s="1"' if c.get("date") else ""
            f = "<%sf>%s</%sf>" % (p, escape(c["f"]), p) if "f" in c else ""
            if t == "s":
                sst.append(c["v"])
                body = "<%sv>%d</%sv>" % (p, len(sst) - 1, p) if "idx" not in c else "<%sv>%s</%sv>" % (p, c["idx"], p)
            elif t == "inlineStr":
                rph = "<%srPh sb=\"0\" eb=\"1\"><%st>ピン</%st></%srPh>" % (p, p, p, p) if spec.get("rph") else ""
                body = "<%sis><%sr><%st>%s</%st></%sr>%s</%sis>" % (p, p, p, escape(c["v"]), p, p, rph, p)
            elif "v" in c and c["v"] is not None:
                body = "<%sv>%s</%sv>" % (p, escape(str(c["v"])), p)
            else:
                body = ""
            tattr = "" if t == "n" else ' t="%s"' % t
            cells.append("<%sc%s%s%s>%s%s</%sc>" % (p, ref, tattr, style, f, body, p))
        rref = "" if spec.get("no_refs") else ' r="%d"' % (ri + 1)
        rows_xml.append("<%srow%s>%s</%srow>" % (p, rref, "".join(cells), p))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<%sworksheet %s %s><%ssheetData>%s</%ssheetData></%sworksheet>'
             % (p, ns, rns, p, "".join(rows_xml), p, p))
    rph = '<rPh sb="0" eb="1"><t>ピン</t></rPh>' if spec.get("rph") else ""
    sst_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
               % (len(sst), len(sst), "".join("<si><t xml:space=\"preserve\">%s</t>%s</si>" % (escape(s), rph) for s in sst)))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs></styleSheet>')
    names = [spec.get("sheet", "学校")] + spec.get("extra_sheets", [])
    if spec.get("hidden_first"):
        names = ["隐藏"] + names
    sheets_xml = "".join('<sheet name="%s" sheetId="%d" %sr:id="rId%d"/>'
                         % (escape(n), i + 1, 'state="hidden" ' if spec.get("hidden_first") and i == 0 else "", i + 1)
                         for i, n in enumerate(names))
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" %s><sheets>%s</sheets></workbook>'
          % (rns, sheets_xml))
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    wbrels = "".join('<Relationship Id="rId%d" Type="%sworksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, rel, i + 1)
                     for i in range(len(names)))
    wbrels += '<Relationship Id="rIdS" Type="%ssharedStrings" Target="sharedStrings.xml"/>' % rel
    wbrels += '<Relationship Id="rIdT" Type="%sstyles" Target="/xl/styles.xml"/>' % rel
    empty = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>别的表</t></is></c></row></sheetData></worksheet>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="%sofficeDocument" Target="xl/workbook.xml"/></Relationships>' % rel)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % wbrels)
        z.writestr("xl/sharedStrings.xml", sst_xml)
        z.writestr("xl/styles.xml", styles)
        idx = names.index(spec.get("sheet", "学校"))
        for i in range(len(names)):
            z.writestr("xl/worksheets/sheet%d.xml" % (i + 1), sheet if i == idx else empty)


def bomb(out, mb):
    """A workbook whose sheet inflates to `mb` MB (blank rows), deflated to a few hundred KB."""
    build(out, {"rows": [["学校代码"]]})
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        with z.open("xl/worksheets/sheet9.xml", "w", force_zip64=True) as f:
            chunk = b"<row/>" * (1 << 17)
            for _ in range(mb * (1 << 20) // len(chunk)):
                f.write(chunk)
    # point the first sheet at the big part
    data = {}
    with zipfile.ZipFile(out) as z:
        for n in z.namelist():
            data[n] = None if n == "xl/worksheets/sheet9.xml" else z.read(n)
    rels = data["xl/_rels/workbook.xml.rels"].replace(b"worksheets/sheet1.xml", b"worksheets/sheet9.xml")
    tmp = out + ".tmp"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for n in src.namelist():
            if n == "xl/worksheets/sheet9.xml":
                with src.open(n) as fi, z.open(n, "w", force_zip64=True) as fo:
                    while True:
                        b = fi.read(1 << 20)
                        if not b:
                            break
                        fo.write(b)
            elif n == "xl/_rels/workbook.xml.rels":
                z.writestr(n, rels)
            else:
                z.writestr(n, data[n])
    import os
    os.replace(tmp, out)


if __name__ == "__main__":
    if sys.argv[2] == "--bomb":
        bomb(sys.argv[1], int(sys.argv[3]))
    else:
        with open(sys.argv[2], encoding="utf-8") as f:
            build(sys.argv[1], json.load(f))
