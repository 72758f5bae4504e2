#!/usr/bin/env python3
"""Adds or updates interface texts in the three resource files.

usage: tools/texts.py KEY "简体" "English" "繁體" [KEY "…" "…" "…" …]
       tools/texts.py --check      (every key present in all three files)
"""
import sys, xml.etree.ElementTree as ET
from pathlib import Path

RES = Path(__file__).resolve().parent.parent / "ServicePortal" / "Resources"
FILES = [RES / "SharedResource.resx", RES / "SharedResource.en.resx", RES / "SharedResource.zh-Hant.resx"]
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def load(path):
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()
    return {d.get("name"): (d.findtext("value") or "") for d in root.findall("data")}

def save(path, data):
    from xml.sax.saxutils import escape, quoteattr
    out = [HEADER]
    for k in sorted(data):
        out.append(f'  <data name={quoteattr(k)} xml:space="preserve"><value>{escape(data[k])}</value></data>\n')
    out.append("</root>\n")
    path.write_text("".join(out), encoding="utf-8")

def main(argv):
    tables = [load(f) for f in FILES]
    if argv == ["--check"]:
        keys = set().union(*tables)
        bad = [(k, FILES[i].name) for k in sorted(keys) for i, t in enumerate(tables) if k not in t]
        for k, f in bad:
            print(f"missing {k} in {f}")
        return 1 if bad else 0
    if len(argv) % 4 != 0 or not argv:
        print(__doc__); return 2
    for i in range(0, len(argv), 4):
        key, *values = argv[i:i + 4]
        for t, v in zip(tables, values):
            t[key] = v
    for f, t in zip(FILES, tables):
        save(f, t)
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
