#!/usr/bin/env python3
# pdf_cps.py LEVEL PDF... — for tools/pdf_floor: the characters each font of
# each PDF (as junheng writes them) draws, read back from its ToUnicode map.
# One line per font: "PSNAME<TAB>LEVEL<TAB>hex,hex,..."; a blank line after
# each PDF.
import re, sys, zlib

def streams(data):
    objs = {int(m.group(1)): m.group(2) for m in re.finditer(rb'(\d+) 0 obj\n?(.*?)endobj', data, re.S)}
    def stream(n):
        o = objs[n]
        ln = int(objs[int(re.search(rb'/Length (\d+) 0 R', o).group(1))].strip())
        i = o.index(b'stream\r\n') + 8
        return zlib.decompress(o[i:i + ln])
    return objs, stream

level = sys.argv[1]
for path in sys.argv[2:]:
    objs, stream = streams(open(path, 'rb').read())
    for n in sorted(objs):
        o = objs[n]
        if b'/Subtype /Type0' not in o:
            continue
        name = re.search(rb'/BaseFont /[A-Z]{6}\+(\S+)', o).group(1).decode()
        cmap = stream(int(re.search(rb'/ToUnicode (\d+) 0 R', o).group(1))).decode()
        cps = []
        for block in re.findall(r'beginbfchar\n(.*?)endbfchar', cmap, re.S):
            for dst in re.findall(r'<[0-9A-F]{4}> <([0-9A-F]+)>', block):
                u = [int(dst[i:i + 4], 16) for i in range(0, len(dst), 4)]
                cps.append(0x10000 + ((u[0] - 0xD800) << 10) + (u[1] - 0xDC00) if len(u) == 2 else u[0])
        print('%s\t%s\t%s' % (name, level, ','.join('%x' % c for c in cps)))
    print()
