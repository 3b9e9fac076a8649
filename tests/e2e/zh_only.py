#!/usr/bin/env python3
"""Fail on English left in output meant for a zh_CN user.

usage: zh_only.py FILE...   (each FILE: what one run printed under LANGUAGE=zh_CN)

A line passes when, after taking away what is not language -- places
(file:line:col), quoted user values, option names, paths, INI sections and
keys, template placeholders, code words (junheng's commands, formats,
encodings, units) -- no two English words remain side by side.  Prints each
offending line with its file and exits 1 if there is any.
"""
import re
import sys

CODE_WORDS = set('''
junheng report sheets figures check diff render serve init help keys text md man json csv template
utf utf-8 gb18030 gbk ansi unicode pdf ini xlsx xls wps excel notepad bom nul iniparser libharu harfbuzz
auto split parts basic quality yes no true false on off primary middle ok make deps debian
pt mm cm m² kb mb gb ms s px yyyy mm-dd dd id cv
'''.split())

def strip(line):
    s = line
    s = re.sub(r'^\s*\S+?:\d+(:\d+)?:\s*', '', s)            # place
    s = re.sub(r'^\s*[^\s:：]+\.(ini|csv|md|xlsx|pdf|ttf|ttc)(:\d+)?[:：]\s*', '', s)
    s = re.sub(r'“[^”]*”|‘[^’]*’|「[^」]*」|`[^`]*`', ' ', s)  # quoted values
    s = re.sub(r"'[^']*'|\"[^\"]*\"", ' ', s)
    s = re.sub(r'\{\{[^}]*\}\}+', ' ', s)                      # placeholders
    s = re.sub(r'\[[A-Za-z0-9_.\- ]*\]', ' ', s)               # [section]
    s = re.sub(r'<[^>]*>', ' ', s)                             # <county>
    s = re.sub(r'(^|\s)--?[A-Za-z][\w-]*(=\S*)?', ' ', s)      # options
    s = re.sub(r'\S*[/\\]\S*', ' ', s)                         # paths
    s = re.sub(r'\S+\.(ini|csv|md|xlsx|pdf|ttf|ttc|po|h|c)\b', ' ', s)
    s = re.sub(r'\b[A-Za-z]+_[\w.]*\b', ' ', s)                # keys with _
    s = re.sub(r'\bU\+[0-9A-F]+\b|\b0x[0-9A-Fa-f]+\b', ' ', s)
    return s

def english_phrase(s):
    words = re.findall(r'[A-Za-z][A-Za-z\'-]*', s)
    run = 0
    for w in re.finditer(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]+", s):
        t = w.group(0)
        if re.match(r'[A-Za-z]', t) and t.lower() not in CODE_WORDS and len(t) >= 2:
            run += 1
            if run >= 2:
                return True
        elif re.match(r'[A-Za-z]', t):
            run = 0
        elif t.strip(',;') == '':
            continue
        else:
            run = 0
    return False

bad = 0
for path in sys.argv[1:]:
    for n, line in enumerate(open(path, encoding='utf-8', errors='replace'), 1):
        if english_phrase(strip(line.rstrip('\n'))):
            print(f'{path}:{n}: {line.rstrip()}')
            bad += 1
sys.exit(1 if bad else 0)
