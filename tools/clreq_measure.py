#!/usr/bin/env python3
"""clreq_measure — how well a PDF sets Chinese punctuation and justification.

Reads every glyph's position from `mutool trace` and its ink box from the
font embedded in the PDF (fontTools), then reports per document:

  overlaps     pairs of glyphs whose ink boxes intersect (> 0.1 pt each way)
  pairs        adjacent punctuation (”， ）， 。” ，“ （《 …) set compressed: the
               second mark starts at most 0.75 em after the first
  end blank    white between a line-end stop/closing mark's ink and the right
               margin, on justified lines (max, and lines over 0.5 pt)
  start blank  white before the ink of a line-start opening mark (（ 《 “)
  digit gaps   gaps inside runs of digits wider than the text's tracking
  loosest      the largest extra space between two ideographs on a justified
               line (pt per gap, beyond the tracking)
  one-char     paragraph last lines of a single ideograph (and its marks)
  kinsoku      lines starting with a closing/stop mark or ending with an
               opening one
  flush        justified lines whose right edge is on the margin (±0.5 pt)
  ink outside  body lines whose ink passes the left or right margin (> 0.5 pt)

A justified line is a body-size line followed by a line that starts at the
left margin (a paragraph's continuation).  The margins are the most common
line start and the most common right edge of lines ending in an ideograph.

  clreq_measure.py [--check] FILE.pdf ...     report; --check: exit 1 unless
                                              every threshold holds
  clreq_measure.py --glyphs FILE.json ...     the same on glyphs given as JSON
                                              ([{page,x,y,size,adv,ink:[x0,y0,x1,y1],c}],
                                              y downwards) — to test the tool
"""
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

try:
    from fontTools.ttLib import TTFont
except ImportError:          # Debian's python3-fonttools under another python3
    sys.path.append("/usr/lib/python3/dist-packages")
    from fontTools.ttLib import TTFont

OPEN = set("“‘（〔【《〈「『〖〘〚［｛")
CLOSE = set("”’）〕】》〉」』〗〙〛］｝")
STOP = set("。，、；：？！．")
MARKS = OPEN | CLOSE | STOP
NO_START = CLOSE | STOP | set("–～〜－·・‧/／%％‰℃°,.;:?!)]}…⋯²³")
NO_END = OPEN | set("([{￥¥$£＄/／")
DIGITS = set("0123456789０１２３４５６７８９")

THRESHOLDS = {        # the "what shows it is done"
    "overlaps": 0, "pairs_pct_min": 95.0, "end_blank_max": 0.5, "digit_gaps": 0,
    "loosest_max": 1.0, "one_char": 0, "kinsoku": 0, "flush_pct_min": 100.0,
}


def ideograph(c):
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or o >= 0x20000


# ---- reading a PDF ----

def pdf_fonts(pdf, tmp):
    """Embedded TrueType fonts by name (as `mutool trace` names them, with the
    subset prefix, and without it)."""
    fonts = {}
    info = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout.splitlines()[2:]
    for row in info:
        parts = row.split()
        if len(parts) < 3:
            continue
        name, obj = parts[0], parts[-2]
        path = os.path.join(tmp, "font%s.ttf" % obj)
        # a Type0 font's file hangs off its descendant (mutool's paths do not index arrays)
        desc = subprocess.run(["mutool", "show", pdf, obj + "/DescendantFonts"],
                              capture_output=True, text=True).stdout.split()
        ref = desc[1] if len(desc) > 2 and desc[0] == "[" else obj
        with open(path, "wb") as f:
            subprocess.run(["mutool", "show", "-b", pdf, ref + "/FontDescriptor/FontFile2"],
                           stdout=f, stderr=subprocess.DEVNULL)
        try:
            tt = TTFont(path, lazy=True)
            font = (tt["glyf"], tt.getGlyphOrder(), tt["head"].unitsPerEm, tt["hmtx"])
        except Exception:
            font = None
        fonts[name] = fonts[name.split("+", 1)[-1]] = font
    return fonts


def ink_box(fonts, name, gid, size, x, y, adv):
    """The glyph's ink box (x0, y0, x1, y1; y downwards), None for no ink;
    the em box when the font cannot be read."""
    f = fonts.get(name)
    if f and 0 <= gid < len(f[1]):
        glyf, order, upem, _ = f
        gl = glyf[order[gid]]
        if not hasattr(gl, "xMin") or gl.numberOfContours == 0:
            return None
        s = size / upem
        return (x + gl.xMin * s, y - gl.yMax * s, x + gl.xMax * s, y - gl.yMin * s)
    return (x, y - 0.88 * size, x + adv, y + 0.12 * size)


def glyphs_of_pdf(pdf):
    """Every glyph drawn, from `mutool trace` (glyph ids and positions in
    user space; no gap-filling spaces as in stext), y turned downwards."""
    with tempfile.TemporaryDirectory() as tmp:
        fonts = pdf_fonts(pdf, tmp)
        trace = subprocess.run(["mutool", "trace", pdf], capture_output=True, text=True).stdout
    out = []
    page, height, name, size = 0, 0.0, "", 0.0
    for ev, el in ET.iterparse(io.StringIO("<doc>" + trace + "</doc>"), events=("start",)):
        if el.tag == "page":
            page += 1
            height = float(el.get("mediabox").split()[3])
        elif el.tag == "span":
            name = el.get("font")
            size = abs(float(el.get("trm").split()[0]))
        elif el.tag == "g":
            c = el.get("unicode") or ""
            if not c:
                continue
            x, y = float(el.get("x")), height - float(el.get("y"))
            adv = float(el.get("adv")) * size
            gid = int(el.get("glyph") or -1)
            out.append({"page": page, "x": x, "y": y, "size": size, "adv": adv, "c": c,
                        "ink": ink_box(fonts, name, gid, size, x, y, adv) if c.strip() else None})
    return out


# ---- lines ----

def lines_of(glyphs):
    """Visual lines: glyphs of one page, baseline and size, split at wide gaps."""
    rows = {}
    for g in glyphs:
        rows.setdefault((g["page"], round(g["y"], 1), g["size"]), []).append(g)
    lines = []
    for key in sorted(rows):
        row = sorted(rows[key], key=lambda g: g["x"])
        cur = [row[0]]
        for a, b in zip(row, row[1:]):
            if b["x"] - (a["x"] + a["adv"]) > 0.75 * a["size"]:    # table cells, chart labels
                lines.append(cur)
                cur = []
            cur.append(b)
        lines.append(cur)
    # spaces separate (a digit gap is not one across a space) but neither start nor end a line
    out = []
    for l in lines:
        while l and not l[0]["c"].strip():
            l = l[1:]
        while l and not l[-1]["c"].strip():
            l = l[:-1]
        if l:
            out.append(l)
    return out


def mode(values):
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(sorted(counts), key=lambda v: counts[v]) if counts else None


def measure(glyphs):
    r = {"glyphs": len(glyphs), "overlaps": 0, "pairs": 0, "pairs_ok": 0, "justified": 0,
         "flush": 0, "end_lines": 0, "end_blank_max": 0.0, "end_over": 0, "start_lines": 0,
         "start_blank_max": 0.0, "start_over": 0, "digit_pairs": 0, "digit_gaps": 0,
         "loosest": 0.0, "one_char": 0, "kinsoku": 0, "ink_outside": 0, "examples": []}
    ex = r["examples"]

    def text(line):
        return "".join(g["c"] for g in line)

    # ink overlaps, page by page (sweep along x)
    pages = {}
    for g in glyphs:
        if g["ink"]:
            pages.setdefault(g["page"], []).append(g)
    for p, gs in sorted(pages.items()):
        gs.sort(key=lambda g: g["ink"][0])
        active = []
        for g in gs:
            x0, y0, x1, y1 = g["ink"]
            active = [a for a in active if a["ink"][2] > x0 + 0.1]
            for a in active:
                ax0, ay0, ax1, ay1 = a["ink"]
                if min(ax1, x1) - max(ax0, x0) > 0.1 and min(ay1, y1) - max(ay0, y0) > 0.1:
                    r["overlaps"] += 1
                    if len(ex) < 30:
                        ex.append("p%d overlap %s|%s at x=%.1f y=%.1f" % (p, a["c"], g["c"], x0, g["y"]))
            active.append(g)

    lines = lines_of(glyphs)
    if not lines:
        return r
    # tracking per size: the most common distance beyond the advance
    track = {}
    for size in set(l[0]["size"] for l in lines):
        track[size] = mode(round(b["x"] - a["x"] - a["adv"], 2) for l in lines if l[0]["size"] == size
                           for a, b in zip(l, l[1:])) or 0.0
    for l in lines:
        # kinsoku on every line; adjacent pairs and digit runs on every line
        if l[0]["c"] in NO_START or l[-1]["c"] in NO_END:
            r["kinsoku"] += 1
            ex.append("p%d kinsoku: %s" % (l[0]["page"], text(l)[:30]))
        tr = track[l[0]["size"]]
        for a, b in zip(l, l[1:]):
            if a["c"] in MARKS and b["c"] in MARKS:
                r["pairs"] += 1
                if b["x"] - a["x"] <= 0.75 * a["size"] + 0.01:
                    r["pairs_ok"] += 1
                elif len(ex) < 60:
                    ex.append("p%d pair %s%s not compressed (%.1f pt)" % (a["page"], a["c"], b["c"], b["x"] - a["x"]))
            if a["c"] in DIGITS and b["c"] in DIGITS:
                r["digit_pairs"] += 1
                if b["x"] - a["x"] - a["adv"] > tr + 0.05:
                    r["digit_gaps"] += 1
                    if len(ex) < 60:
                        ex.append("p%d gap %.2f pt in %s%s: %s" % (a["page"], b["x"] - a["x"] - a["adv"] - tr,
                                                                 a["c"], b["c"], text(l)[:30]))

    body_size = mode(g["size"] for l in lines for g in l)
    body = [l for l in lines if l[0]["size"] == body_size]
    left = mode(round(l[0]["x"], 1) for l in body)
    right = mode(round(l[-1]["x"] + l[-1]["adv"], 1) for l in body if ideograph(l[-1]["c"]))
    if right is None:
        right = max(l[-1]["x"] + l[-1]["adv"] for l in body)
    em = body_size
    for i, l in enumerate(body):
        first, last = l[0], l[-1]
        start = first["x"]
        if start > left + 2.5 * em:
            continue                      # centred, right-aligned (signature) lines
        nxt = body[i + 1] if i + 1 < len(body) else None
        # a trimmed mark hangs its blank, never its ink, past the margins
        if first["ink"] and first["ink"][0] < left - 0.5 or \
                last["ink"] and last["ink"][2] > right + 0.5:
            r["ink_outside"] += 1
            ex.append("p%d ink outside the margins: %s" % (first["page"], text(l)[:30]))
        cont = nxt is not None and nxt[0]["x"] < left + em and \
            (nxt[0]["page"] == first["page"] and 0 < nxt[0]["y"] - first["y"] < 2.5 * em or
             nxt[0]["page"] == first["page"] + 1)
        # line start: an opening mark's ink on the margin or the indent
        if first["c"] in OPEN and first["ink"]:
            ref = left if start < left + em else left + 2 * em
            blank = first["ink"][0] - ref
            r["start_lines"] += 1
            r["start_blank_max"] = max(r["start_blank_max"], blank)
            if blank > 0.5:
                r["start_over"] += 1
                ex.append("p%d start blank %.1f pt: %s" % (first["page"], blank, text(l)[:20]))
        if cont:
            r["justified"] += 1
            if last["c"] in CLOSE | STOP and last["ink"]:
                edge = last["ink"][2]
                blank = right - edge
                r["end_lines"] += 1
                r["end_blank_max"] = max(r["end_blank_max"], blank)
                if blank > 0.5:
                    r["end_over"] += 1
                    ex.append("p%d end blank %.1f pt: …%s" % (last["page"], blank, text(l)[-20:]))
            else:
                edge = last["x"] + last["adv"]
            if abs(right - edge) <= 0.5:
                r["flush"] += 1
            else:
                ex.append("p%d not flush (%.1f pt): …%s" % (last["page"], right - edge, text(l)[-20:]))
            tr = track[l[0]["size"]]
            for a, b in zip(l, l[1:]):
                if ideograph(a["c"]) and ideograph(b["c"]):
                    s = b["x"] - a["x"] - a["adv"] - tr
                    if s > r["loosest"]:
                        r["loosest"] = s
                        r["loosest_line"] = "p%d %s" % (first["page"], text(l))
        elif start < left + em and i > 0:
            # a paragraph's last line that continues the one above
            core = [g for g in l if g["c"] not in MARKS]
            if len(core) == 1 and ideograph(core[0]["c"]):
                r["one_char"] += 1
                ex.append("p%d one-character last line: %s" % (first["page"], text(l)))
    return r


def verdict(r, th):
    pct = 100.0 * r["pairs_ok"] / r["pairs"] if r["pairs"] else 100.0
    flush = 100.0 * r["flush"] / r["justified"] if r["justified"] else 100.0
    fails = []
    if r["overlaps"] > th["overlaps"]: fails.append("ink overlaps")
    if r["ink_outside"] > 0: fails.append("ink outside the margins")
    if pct < th["pairs_pct_min"]: fails.append("adjacent pairs")
    if r["end_blank_max"] > th["end_blank_max"]: fails.append("line-end blank")
    if r["digit_gaps"] > th["digit_gaps"]: fails.append("digit gaps")
    if r["loosest"] > th["loosest_max"]: fails.append("loose line")
    if r["one_char"] > th["one_char"]: fails.append("one-character last line")
    if r["kinsoku"] > th["kinsoku"]: fails.append("kinsoku")
    if flush < th["flush_pct_min"]: fails.append("flush")
    line = ("overlaps %d | pairs %d/%d compressed (%.0f%%) | end blank max %.2f pt (%d of %d over 0.5) | "
            "start blank max %.2f pt (%d of %d over 0.5) | digit gaps %d of %d | loosest %.2f pt/gap | "
            "one-char last lines %d | kinsoku %d | flush %d/%d (%.0f%%) | ink outside margins %d") % (
        r["overlaps"], r["pairs_ok"], r["pairs"], pct, r["end_blank_max"], r["end_over"], r["end_lines"],
        r["start_blank_max"], r["start_over"], r["start_lines"], r["digit_gaps"], r["digit_pairs"],
        r["loosest"], r["one_char"], r["kinsoku"], r["flush"], r["justified"], flush, r["ink_outside"])
    return line, fails


def main(argv):
    check = "--check" in argv
    verbose = "-v" in argv
    as_glyphs = "--glyphs" in argv
    files = [a for a in argv if not a.startswith("-")]
    if not files:
        sys.stderr.write(__doc__)
        return 2
    bad = 0
    for f in files:
        glyphs = json.load(open(f)) if as_glyphs else glyphs_of_pdf(f)
        r = measure(glyphs)
        line, fails = verdict(r, THRESHOLDS)
        print("%s: %s" % (f, line))
        if r.get("loosest_line"):
            print("  loosest: %s" % r["loosest_line"][:60])
        if verbose or (check and fails):
            for e in r["examples"][:20]:
                print("  " + e)
        if fails:
            print("  FAILS: " + ", ".join(fails))
            bad += 1
    return 1 if check and bad else 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # quiet under `| head`
    sys.exit(main(sys.argv[1:]))
