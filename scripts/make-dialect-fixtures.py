#!/usr/bin/env python3
"""Writes Tests/PlacementCSVTests/Fixtures/dialects/: the example round
(instances/example-csv) as Excel and LibreOffice save it in the alliance's
locales (issue 13), for DialectTests. Run from the repository root; the
output is committed, so the tests need no Python.

Each locale: field separator, encoding, line ends, date form, the words
for TRUE/FALSE, and (es) whole numbers written with a decimal comma and a
trailing empty column kept after a deleted one. One host name gets an
accent (Belém) so that the encoding matters.
"""
import csv, io, os, shutil

SRC = "instances/example-csv"
OUT = "Tests/PlacementCSVTests/Fixtures/dialects"
DATES = {"available_from", "available_to", "birth_date", "from", "to"}
WHOLE = {"weeks", "capacity", "total", "min_weeks", "max_weeks", "min_age"}
LOCALES = {
    # name: (separator, encoding, date form, TRUE, FALSE, decimal-comma wholes, trailing empty column)
    "en-GB": (",", "utf-8", "{d:02}/{m:02}/{y}", "TRUE", "FALSE", False, False),
    "es-ES": (";", "cp1252", "{d:02}/{m:02}/{y}", "VERDADERO", "FALSO", True, True),
    "pt-PT": (";", "cp1252", "{d:02}-{m:02}-{y}", "VERDADEIRO", "FALSO", False, False),
    "fi-FI": (";", "utf-8-sig", "{d}.{m}.{y}", "TOSI", "EPÄTOSI", False, False),
    "pl-PL": (";", "utf-8-sig", "{d:02}.{m:02}.{y}", "PRAWDA", "FAŁSZ", False, False),
    "de-DE": (";", "cp1252", "{d:02}.{m:02}.{y}", "WAHR", "FALSCH", False, False),
    # Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated.
    "es-ES-unicode": ("\t", "utf-16", "{d}/{m}/{y}", "VERDADERO", "FALSO", False, False),
}


def convert(rows, sep, date, true, false, comma_wholes, trailing):
    header = rows[0]
    out = [header + ([""] if trailing else [])]
    for row in rows[1:]:
        cells = []
        for name, cell in zip(header, row):
            if name in DATES and cell:
                y, m, d = (int(x) for x in cell.split("-"))
                cell = date.format(y=y, m=m, d=d)
            elif cell.lower() == "true":
                cell = true
            elif cell.lower() == "false":
                cell = false
            elif name in WHOLE and cell and comma_wholes:
                cell += ",0"
            elif name == "name" and cell == "Pastelaria Belem":
                cell = "Pastelaria Belém"
            cells.append(cell)
        out.append(cells + ([""] if trailing else []))
    text = io.StringIO()
    csv.writer(text, delimiter=sep, lineterminator="\r\n").writerows(out)
    return text.getvalue()


shutil.rmtree(OUT, ignore_errors=True)
for locale, (sep, enc, date, true, false, comma_wholes, trailing) in LOCALES.items():
    os.makedirs(f"{OUT}/{locale}")
    for f in ("participants.csv", "hosts.csv", "offers.csv"):
        with open(f"{SRC}/{f}", newline="", encoding="utf-8") as src:
            rows = list(csv.reader(src))
        with open(f"{OUT}/{locale}/{f}", "w", newline="", encoding=enc) as dst:
            dst.write(convert(rows, sep, date, true, false, comma_wholes, trailing))
print("wrote", OUT)
