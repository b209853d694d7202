/// The text formats other solvers read.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// CPLEX-LP: keeps the objective sense (what glpsol should be given).
    case lp
    /// Free MPS: a maximisation is written as the minimisation of the
    /// negated objective (``LinearModel/freeMPS()``).
    case mps
}

extension LinearModel {
    /// The model as a file of `format`, with `header` as comment lines
    /// before the writer's own (line breaks and control characters in the
    /// header become `_`).
    public func fileText(_ format: ModelFileFormat, header: [String]) -> String {
        let mark = format == .lp ? "\\" : "*"
        let lines = header.map { mark + " " + commentText($0) }
        let body = format == .lp ? cplexLP() : freeMPS()
        return lines.map { $0 + "\n" }.joined() + body
    }
}
