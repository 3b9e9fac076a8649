#!/usr/bin/env python3
"""Print the visual lines of a PDF: words from `pdftotext -bbox` grouped by
page and baseline (yMax), ordered by x.  pdftotext's own line output splits a
line where squeezed punctuation makes glyph boxes overlap; this does not."""
import re, subprocess, sys
out = subprocess.run(["pdftotext", "-bbox", sys.argv[1], "-"], capture_output=True, text=True).stdout
for page in out.split("<page ")[1:]:
    lines = {}
    for m in re.finditer(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page):
        key = round(float(m.group(2)))
        lines.setdefault(key, []).append((float(m.group(1)), m.group(3)))
    for y in sorted(lines):
        print("".join(w for _, w in sorted(lines[y])))
