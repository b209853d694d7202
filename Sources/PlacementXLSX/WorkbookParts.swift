/// The parts of a workbook that say how to read its sheets: the sheet
/// names and where each sheet's XML is, the shared strings, which cell
/// styles are dates or forced text, and the date system.
struct WorkbookParts {
    /// Each sheet's name and the path of its part, in the workbook's order.
    var sheets: [(name: String, path: String)] = []
    /// The shared-string table: a cell of type `s` holds an index into it.
    var sharedStrings: [String] = []
    /// Cell styles (indices into `cellXfs`) whose number format is a date.
    var dateStyles: Set<Int> = []
    /// Cell styles with `quotePrefix`: text the user forced with a leading
    /// apostrophe.
    var quotedStyles: Set<Int> = []
    /// Whether serial 0 is 1904-01-01 (an old Mac setting) instead of 1899-12-31.
    var date1904 = false

    init(_ archive: inout XLSXArchive) throws(XLSXError) {
        let workbookPath = try Self.officeDocument(&archive) ?? "xl/workbook.xml"
        guard let workbook = try archive.part(workbookPath) else {
            throw .damaged("it has no \(workbookPath) (is it an .xlsx workbook?)")
        }
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relsPath =
            (folder.isEmpty ? "" : folder + "/") + "_rels/"
            + (workbookPath.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
        var targets: [String: String] = [:]
        var byType: [String: String] = [:]
        if let rels = try archive.part(relsPath) {
            try XMLEvents.parse(
                rels, part: relsPath,
                start: { name, a in
                    guard name == "Relationship", let id = a["Id"], let target = a["Target"] else { return }
                    let path = Self.resolve(target, from: folder)
                    targets[id] = path
                    if let type = a["Type"]?.split(separator: "/").last { byType[String(type)] = path }
                })
        }
        var sheets: [(String, String)] = []
        var date1904 = false
        try XMLEvents.parse(
            workbook, part: workbookPath,
            start: { name, a in
                if name == "sheet", let sheetName = a["name"] {
                    let id = a.first { XMLEvents.local($0.key) == "id" }?.value
                    sheets.append((sheetName, id.flatMap { targets[$0] } ?? ""))
                } else if name == "workbookPr", let v = a["date1904"] {
                    date1904 = v == "1" || v == "true"
                }
            })
        self.sheets = sheets
        self.date1904 = date1904
        if let bytes = try archive.part(byType["sharedStrings"] ?? "xl/sharedStrings.xml") {
            sharedStrings = try Self.strings(bytes)
        }
        if let bytes = try archive.part(byType["styles"] ?? "xl/styles.xml") {
            (dateStyles, quotedStyles) = try Self.styles(bytes)
        }
    }

    /// The workbook part named by the package's `_rels/.rels`.
    private static func officeDocument(_ archive: inout XLSXArchive) throws(XLSXError) -> String? {
        guard let rels = try archive.part("_rels/.rels") else { return nil }
        var found: String?
        try XMLEvents.parse(
            rels, part: "_rels/.rels",
            start: { name, a in
                if name == "Relationship", a["Type"]?.hasSuffix("/officeDocument") == true, let t = a["Target"] {
                    found = resolve(t, from: "")
                }
            })
        return found
    }

    /// A relationship target as a path in the archive: absolute (`/xl/…`)
    /// or relative to the folder of the part that names it.
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// The shared strings: each `si` is the text of its `t` elements, rich
    /// runs joined, phonetic hints (`rPh`) left out.
    private static func strings(_ bytes: [UInt8]) throws(XLSXError) -> [String] {
        var out: [String] = []
        var current = "", inText = false, phonetic = 0
        try XMLEvents.parse(
            bytes, part: "sharedStrings.xml",
            start: { name, _ in
                switch name {
                case "si": current = ""
                case "t": inText = phonetic == 0
                case "rPh": phonetic += 1
                default: break
                }
            },
            end: { name in
                switch name {
                case "si": out.append(CellText.unescapeOOXML(current))
                case "t": inText = false
                case "rPh": phonetic -= 1
                default: break
                }
            },
            text: { if inText { current += $0 } })
        return out
    }

    /// Which cell styles (`cellXfs` entries, by position) show dates, and
    /// which force text.
    private static func styles(_ bytes: [UInt8]) throws(XLSXError) -> (Set<Int>, Set<Int>) {
        var customDates: Set<Int> = []
        var inCellXfs = false, index = 0
        var dates: Set<Int> = [], quoted: Set<Int> = []
        try XMLEvents.parse(
            bytes, part: "styles.xml",
            start: { name, a in
                switch name {
                case "numFmt":
                    if let id = a["numFmtId"].flatMap(Int.init), let code = a["formatCode"],
                        CellText.isDateFormat(code)
                    {
                        customDates.insert(id)
                    }
                case "cellXfs": inCellXfs = true
                case "xf" where inCellXfs:
                    let id = a["numFmtId"].flatMap(Int.init) ?? 0
                    if CellText.builtInDateFormats.contains(id) || customDates.contains(id) { dates.insert(index) }
                    if a["quotePrefix"] == "1" || a["quotePrefix"] == "true" { quoted.insert(index) }
                    index += 1
                default: break
                }
            },
            end: { if $0 == "cellXfs" { inCellXfs = false } })
        return (dates, quoted)
    }
}
