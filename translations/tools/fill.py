#!/usr/bin/env python3
"""Fills translations/sitroom_ko.ts from translations/tools/ko.tsv (context,
source, Korean; tab-separated) and marks sitroom_en.ts finished with the
English source text. Run after `cmake --build build --target update_translations`.
Prints the Korean strings still missing, and exits 1 if there are any."""
import csv, sys, pathlib
import xml.etree.ElementTree as ET

root = pathlib.Path(__file__).resolve().parents[1]
table = {}
with open(root / 'tools' / 'ko.tsv', encoding='utf-8') as f:
    for row in csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
        if len(row) == 3:
            table[(row[0], row[1])] = row[2]

def fill(path, translate):
    tree = ET.parse(path)
    missing = []
    for ctx in tree.getroot().findall('context'):
        name = ctx.find('name').text
        for m in ctx.findall('message'):
            src = m.find('source').text or ''
            tr = m.find('translation')
            text = translate(name, src)
            if text is None:
                missing.append((name, src))
                continue
            tr.text = text
            tr.attrib.pop('type', None)
    tree.write(path, encoding='utf-8', xml_declaration=True)
    return missing

missing = fill(root / 'sitroom_ko.ts', lambda c, s: table.get((c, s)))
fill(root / 'sitroom_en.ts', lambda c, s: s)
for c, s in missing:
    print(f'missing Korean: {c}\t{s}')
sys.exit(1 if missing else 0)
