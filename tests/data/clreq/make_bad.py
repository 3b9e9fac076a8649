#!/usr/bin/env python3
"""Write glyphs (the JSON tools/clreq_measure.py --glyphs reads) of a page set
badly in every way the tool measures: it must fail each threshold."""
import json
import sys

g = []


def put(line, text, xs, y, adv=None, ink=None):
    for k, (c, x) in enumerate(zip(text, xs)):
        a = (adv or {}).get(k, 16.0)
        i = (ink or {}).get(k, (x + 0.8, x + 15.2))
        g.append({"page": 1, "x": x, "y": y, "size": 16.0, "adv": a, "c": c,
                  "ink": [i[0], y - 14, i[1], y + 2]})


def run(x0, advs):
    xs, x = [], x0
    for a in advs:
        xs.append(x)
        x += a
    return xs

# 1: ten ideographs, full measure (100..260); a stray glyph overprints 二
put(1, "一二三四五六七八九十", run(100, [16] * 10), 100)
put(1, "口", [117.0], 100)
# 2: ends in 。 with its blank before the margin (ink 1..5 of the em)
put(2, "甲乙丙丁戊己庚辛壬。", run(100, [16] * 10), 130, ink={9: (245.0, 249.0)})
# 3: ”， not compressed, a gap inside 12, loose (3 pt between ideographs)
t3 = "子”，丑12寅卯"
advs = [19, 16, 16, 19, 11, 8, 19, 16]
put(3, t3, run(100, advs), 160, adv={4: 8.0, 5: 8.0}, ink={4: (176.5, 182.0), 5: (187.5, 193.0)})
# 4: starts with 。 (kinsoku)
put(4, "。甲乙丙丁戊己庚辛壬", run(100, [16] * 10), 190, ink={0: (101.0, 105.0)})
# 5: a line-end 。 whose ink passes the right margin
put(5, "丙丁戊己庚辛壬癸甲。", run(100, [16] * 10), 210, ink={9: (258.0, 264.0)})
# 6: a paragraph's last line of one ideograph
put(6, "天", [100.0], 240)
json.dump(g, open(sys.argv[1], "w"), ensure_ascii=False)
