/// Writers for the two text formats other solvers read: CPLEX-LP and free MPS.
///
/// Both writers use generated names, `c1…cn` for columns and `r1…rm` for
/// rows, so the files are valid whatever characters the model's own names
/// contain, and identical for identical models. The original names are
/// listed in comments at the top of the file.
///
/// Conventions shared by both formats (chosen for portability between
/// glpsol, CBC and HiGHS):
/// - A non-zero objective constant is written as a column `c0` fixed at 1
///   whose objective coefficient is the constant (LP and MPS have no portable
///   constant term).
/// - Rows with no terms are not written (their activity is 0); a comment
///   records them.
/// - Integer columns always get explicit bounds.
extension LinearModel {
    /// The model in CPLEX-LP format.
    ///
    /// Ranged rows (both bounds finite and different) are written as two rows
    /// `rK_lo` (`>=`) and `rK_hi` (`<=`), because GLPK's LP reader does not
    /// accept `lo <= expr <= hi`. Free rows (no finite bound) are omitted.
    public func cplexLP() -> String {
        var out = header(comment: "\\")
        out += sense == .maximize ? "Maximize\n" : "Minimize\n"
        out += " obj:" + terms(objectiveTerms) + "\n"
        out += "Subject To\n"
        var written = 0
        for (r, row) in rows.enumerated() {
            let name = "r\(r + 1)"
            guard !row.columns.isEmpty else { out += "\\ \(name) has no terms\n"; continue }
            let lhs = terms(zip(row.columns, row.coefficients).map { ("c\($0.rawValue + 1)", $1) })
            switch (row.lower.isFinite, row.upper.isFinite) {
            case (false, false): out += "\\ \(name) is free\n"
            case (true, false): out += " \(name):\(lhs) >= \(lpNumber(row.lower))\n"; written += 1
            case (false, true): out += " \(name):\(lhs) <= \(lpNumber(row.upper))\n"; written += 1
            case (true, true) where row.lower == row.upper:
                out += " \(name):\(lhs) = \(lpNumber(row.lower))\n"; written += 1
            case (true, true):
                out += " \(name)_lo:\(lhs) >= \(lpNumber(row.lower))\n"
                out += " \(name)_hi:\(lhs) <= \(lpNumber(row.upper))\n"
                written += 1
            }
        }
        if written == 0 {
            // GLPK's LP reader rejects an empty constraint section; this row holds for every value.
            out += "\\ r0 is a placeholder: the model has no constraint rows\n"
            out += " r0: 0 \(columns.isEmpty ? "c0" : "c1") >= 0\n"
        }
        out += "Bounds\n"
        if objectiveConstant != 0 { out += " c0 = 1\n" }
        for (i, c) in columns.enumerated() where !isBinary(c) {
            let n = "c\(i + 1)"
            switch (c.lower.isFinite, c.upper.isFinite) {
            case _ where c.lower == c.upper: out += " \(n) = \(lpNumber(c.lower))\n"
            case (false, false): out += " \(n) free\n"
            case (false, true): out += " -inf <= \(n) <= \(lpNumber(c.upper))\n"
            case (true, false): if c.lower != 0 || c.isInteger { out += " \(n) >= \(lpNumber(c.lower))\n" }
            case (true, true): out += " \(lpNumber(c.lower)) <= \(n) <= \(lpNumber(c.upper))\n"
            }
        }
        let general = columns.indices.filter { columns[$0].isInteger && !isBinary(columns[$0]) }
        let binary = columns.indices.filter { isBinary(columns[$0]) }
        if !general.isEmpty { out += "General\n" + wrapped(general.map { "c\($0 + 1)" }) }
        if !binary.isEmpty { out += "Binary\n" + wrapped(binary.map { "c\($0 + 1)" }) }
        return out + "End\n"
    }

    /// The model in free MPS format.
    ///
    /// GLPK's MPS reader has no `OBJSENSE` section, so a maximisation model
    /// is written as the minimisation of the negated objective (a comment
    /// says so): the optimum of the file is the negated optimum of the model.
    /// Ranged rows become `G` rows with a `RANGES` entry; free rows become
    /// extra `N` rows.
    public func freeMPS() -> String {
        let sign: Double = sense == .maximize ? -1 : 1
        var out = header(comment: "*")
        if sense == .maximize { out += "* Maximisation written as minimisation of the negated objective.\n" }
        out += "NAME allvet\nROWS\n N obj\n"
        var rhs: [(String, Double)] = []
        var ranges: [(String, Double)] = []
        for (r, row) in rows.enumerated() where !row.columns.isEmpty {
            let name = "r\(r + 1)"
            switch (row.lower.isFinite, row.upper.isFinite) {
            case (false, false): out += " N \(name)\n"
            case (true, false): out += " G \(name)\n"; rhs.append((name, row.lower))
            case (false, true): out += " L \(name)\n"; rhs.append((name, row.upper))
            case (true, true) where row.lower == row.upper: out += " E \(name)\n"; rhs.append((name, row.lower))
            case (true, true):
                out += " G \(name)\n"; rhs.append((name, row.lower)); ranges.append((name, row.upper - row.lower))
            }
        }
        // Transpose the rows into columns (entries in row order).
        var entries = [[(Int, Double)]](repeating: [], count: columns.count)
        for (r, row) in rows.enumerated() {
            for (c, v) in zip(row.columns, row.coefficients) where v != 0 { entries[c.rawValue].append((r, v)) }
        }
        out += "COLUMNS\n"
        if objectiveConstant != 0 { out += " c0 obj \(lpNumber(sign * objectiveConstant))\n" }
        var inInteger = false
        for (i, c) in columns.enumerated() {
            if c.isInteger != inInteger {
                out += c.isInteger ? " MARKER 'MARKER' 'INTORG'\n" : " MARKER 'MARKER' 'INTEND'\n"
                inInteger = c.isInteger
            }
            let n = "c\(i + 1)"
            var line = c.objective != 0 ? [("obj", sign * c.objective)] : []
            line += entries[i].map { ("r\($0.0 + 1)", $0.1) }
            if line.isEmpty { line = [("obj", 0)] }  // a column must appear to exist
            for (row, v) in line { out += " \(n) \(row) \(lpNumber(v))\n" }
        }
        if inInteger { out += " MARKER 'MARKER' 'INTEND'\n" }
        out += "RHS\n" + rhs.filter { $0.1 != 0 }.map { " RHS \($0.0) \(lpNumber($0.1))\n" }.joined()
        if !ranges.isEmpty { out += "RANGES\n" + ranges.map { " RNG \($0.0) \(lpNumber($0.1))\n" }.joined() }
        out += "BOUNDS\n"
        if objectiveConstant != 0 { out += " FX BND c0 1\n" }
        for (i, c) in columns.enumerated() {
            let n = "c\(i + 1)"
            if c.lower == c.upper { out += " FX BND \(n) \(lpNumber(c.lower))\n"; continue }
            switch (c.lower.isFinite, c.upper.isFinite) {
            case (false, false): out += " FR BND \(n)\n"
            case (false, true): out += " MI BND \(n)\n UP BND \(n) \(lpNumber(c.upper))\n"
            case (true, false):
                if c.lower != 0 || c.isInteger { out += " LO BND \(n) \(lpNumber(c.lower))\n" }
                if c.isInteger { out += " PL BND \(n)\n" }
            case (true, true):
                // LO is written before a negative UP so no reader applies the
                // old rule "UP < 0 with lower 0 means lower = -inf".
                if c.lower != 0 || c.isInteger || c.upper < 0 { out += " LO BND \(n) \(lpNumber(c.lower))\n" }
                out += " UP BND \(n) \(lpNumber(c.upper))\n"
            }
        }
        return out + "ENDATA\n"
    }

    // MARK: Helpers shared by both writers

    private func header(comment: String) -> String {
        var out =
            "\(comment) allvet LinearModel \"\(commentText(name))\": \(columnCount) columns, \(rowCount) rows, \(sense.rawValue)\n"
        if objectiveConstant != 0 {
            out += "\(comment) c0 = objective constant \(lpNumber(objectiveConstant)) (column fixed at 1)\n"
        }
        for (i, c) in columns.enumerated() { out += "\(comment) c\(i + 1) = \(commentText(c.name))\n" }
        for (r, row) in rows.enumerated() { out += "\(comment) r\(r + 1) = \(commentText(row.name))\n" }
        return out
    }

    private var objectiveTerms: [(String, Double)] {
        var t = columns.enumerated().filter { $0.element.objective != 0 }.map {
            ("c\($0.offset + 1)", $0.element.objective)
        }
        if objectiveConstant != 0 { t.insert(("c0", objectiveConstant), at: 0) }
        // The section needs a term; c0 is free of meaning here.
        if t.isEmpty { t = [(columns.isEmpty ? "c0" : "c1", 0)] }
        return t
    }

    private func isBinary(_ c: Column) -> Bool { c.isInteger && c.lower == 0 && c.upper == 1 }

    /// ` 3 c1 - 2 c2 + …`, broken into lines of at most 8 terms.
    private func terms(_ t: [(String, Double)]) -> String {
        var s = ""
        for (k, (name, v)) in t.enumerated() {
            if k > 0 && k % 8 == 0 { s += "\n   " }
            s +=
                v < 0
                ? " - \(lpNumber(-v)) \(name)" : (k == 0 ? " \(lpNumber(v)) \(name)" : " + \(lpNumber(v)) \(name)")
        }
        return s
    }

    private func wrapped(_ names: [String]) -> String {
        stride(from: 0, to: names.count, by: 10).map {
            " " + names[$0..<min($0 + 10, names.count)].joined(separator: " ") + "\n"
        }.joined()
    }
}

/// `s` made safe for one comment line of an LP or MPS file: every control
/// character (U+0000–U+001F, U+007F), line breaks included, becomes `_`, so
/// a name or header cannot end the comment and become model text. Used for
/// the names in the writers' own comments and for ``LinearModel/fileText(_:header:)``'s header.
func commentText(_ s: String) -> String {
    String(s.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? "_" : Character($0) })
}

/// Shortest text that reads back as the same `Double`; integers without `.0`.
func lpNumber(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return "\(v)"
}
