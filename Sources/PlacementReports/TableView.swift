/// A table for ``PageTemplates/table``: header texts and rows of cells,
/// every one plain text (the template escapes it).
struct TableView {
    struct Cell {
        let text: String
        /// Right-aligned (a number); set by the table from its numeric columns.
        var numeric = false
        /// Whether the text is in a `<span>` of class `mark` (`ok`, `bad`).
        let marked: Bool
        let mark: String
        /// Lines of note below the text (zero or one).
        let notes: [String]

        init(_ text: String, mark: String? = nil, note: String? = nil) {
            self.text = text
            self.marked = mark != nil
            self.mark = mark ?? ""
            self.notes = note.map { [$0] } ?? []
        }
    }

    struct Row {
        let cells: [Cell]
        /// The first row of a group after another (a rule above it).
        var groupStart = false
    }

    let header: [String]
    var rows: [Row]

    /// `numeric` marks the columns to right-align.
    init(_ header: [String], _ rows: [[Cell]], numeric: Set<Int> = []) {
        self.header = header
        self.rows = rows.map { cells in
            var cells = cells
            for i in cells.indices where numeric.contains(i) { cells[i].numeric = true }
            return Row(cells: cells)
        }
    }
}
