#!/usr/bin/env python3
"""Turns a round's CSV folder into one workbook (sheets participants, hosts,
offers) the way a coordinator's spreadsheet holds it: dates as real dates,
whole numbers as numbers, true/false as booleans, text as text (issue 13).

  python3 scripts/make-xlsx-fixtures.py fixtures
      writes Tests/PlacementXLSXTests/Fixtures/ from instances/example-csv:
      example-openpyxl.xlsx and example-xlsxwriter.xlsx (two independent
      writers, neither allvet's), example-libreoffice.xlsx (the openpyxl
      workbook opened and saved again by LibreOffice's headless converter,
      which writes shared strings and its own styles; needs `soffice`, from
      Debian's libreoffice-calc-nogui), plus the mistakes the tests expect to be
      named (a date typed as text, a spreadsheet error value, a missing
      sheet). The output is committed, so the tests need no Python.
  python3 scripts/make-xlsx-fixtures.py convert CSV_FOLDER OUT.xlsx [openpyxl|xlsxwriter]
      converts any round, for measurements (docs/inputs.md, "Workbooks").

Needs `pip install openpyxl xlsxwriter`.
"""
import csv, datetime, os, shutil, sys

DATES = {"available_from", "available_to", "birth_date", "from", "to"}
WHOLE = {"weeks", "capacity", "total", "min_weeks", "max_weeks", "min_age"}
SHEETS = ("participants", "hosts", "offers")


def typed(name, cell):
    """The value a spreadsheet cell holds for a CSV cell."""
    if cell == "":
        return None
    if name in DATES:
        y, m, d = (int(x) for x in cell.split("-"))
        return datetime.date(y, m, d)
    if name in WHOLE:
        return int(cell)
    if cell.lower() in ("true", "false"):
        return cell.lower() == "true"
    return cell


def read_round(folder):
    out = {}
    for sheet in SHEETS:
        with open(f"{folder}/{sheet}.csv", newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        out[sheet] = [header] + [[typed(n, c) for n, c in zip(header, row)] for row in rows[1:]]
    return out


def write_openpyxl(tables, path, tweak=None):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, rows in tables.items():
        ws = wb.create_sheet(sheet)
        for row in rows:
            ws.append(row)
        for r in ws.iter_rows(min_row=2):
            for c in r:
                if isinstance(c.value, datetime.date):
                    c.number_format = "DD/MM/YYYY"
    if tweak:
        tweak(wb)
    wb.save(path)


def write_xlsxwriter(tables, path):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path)
    date = wb.add_format({"num_format": "dd.mm.yyyy"})
    for sheet, rows in tables.items():
        ws = wb.add_worksheet(sheet)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, datetime.date):
                    ws.write_datetime(r, c, datetime.datetime(value.year, value.month, value.day), date)
                elif isinstance(value, bool):
                    ws.write_boolean(r, c, value)
                elif isinstance(value, int):
                    ws.write_number(r, c, value)
                else:
                    ws.write_string(r, c, value)
    wb.close()


def fixtures():
    out = "Tests/PlacementXLSXTests/Fixtures"
    os.makedirs(out, exist_ok=True)
    tables = read_round("instances/example-csv")
    write_openpyxl(tables, f"{out}/example-openpyxl.xlsx")
    write_xlsxwriter(tables, f"{out}/example-xlsxwriter.xlsx")

    def text_date(wb):
        # A date typed as text that is no real date, in participants row 3, column available_from (G).
        wb["participants"]["G3"] = "31/02/2026"

    write_openpyxl(tables, f"{out}/bad-date.xlsx", text_date)

    def error_value(wb):
        # A formula's error value cached in the weeks cell (I2): =1/0 shows #DIV/0!.
        import openpyxl.cell.cell as cells
        c = wb["participants"]["I2"]
        c.value = "#DIV/0!"
        c.data_type = cells.TYPE_ERROR

    write_openpyxl(tables, f"{out}/error-value.xlsx", error_value)

    def no_offers(wb):
        wb["offers"].title = "Hoja1"

    write_openpyxl(tables, f"{out}/no-offers-sheet.xlsx", no_offers)

    import subprocess, tempfile
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(f"{out}/example-openpyxl.xlsx", f"{tmp}/example-libreoffice.xlsx")
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
                        f"{tmp}/out", f"{tmp}/example-libreoffice.xlsx"], check=True, capture_output=True)
        shutil.copy(f"{tmp}/out/example-libreoffice.xlsx", f"{out}/example-libreoffice.xlsx")


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "fixtures":
        fixtures()
    elif len(sys.argv) >= 4 and sys.argv[1] == "convert":
        writer = sys.argv[4] if len(sys.argv) > 4 else "xlsxwriter"
        tables = read_round(sys.argv[2])
        (write_openpyxl if writer == "openpyxl" else write_xlsxwriter)(tables, sys.argv[3])
    else:
        sys.exit(__doc__)
