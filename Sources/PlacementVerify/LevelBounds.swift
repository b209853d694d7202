import PlacementModel

extension ResultsVerifier {
    /// A level's `bound`, `gap` and `status` agree with its `value` (model.md,
    /// Results): a bound is never worse than the value; the gap is
    /// `|value − bound| / max(1, |value|)`; a level proven `optimal` has its
    /// bound equal to its value and gap 0.
    func checkBound(_ level: JSONValue, path: String, maximised: Bool, report: (String, String, String) -> Void) {
        func num(_ key: String) -> Double? {
            if case .number(let s)? = level[key]?.content { return Double(s) }
            return nil
        }
        var status = ""
        if case .string(let s)? = level["status"]?.content { status = s }
        let known = ["optimal", "feasible", "infeasible", "time_limit", "not_solved"]
        if !known.contains(status) { report(path + ".status", "levels", "unknown level status \"\(status)\"") }
        let value = num("value"), bound = num("bound"), gap = num("gap")
        func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }
        guard let value else { return }
        if status == "optimal" {
            if let bound, !near(bound, value) {
                report(path + ".bound", "bound", "is \(bound) for a level proven optimal at \(value)")
            }
            if let gap, gap != 0 { report(path + ".gap", "gap", "is \(gap) for a level proven optimal") }
            return
        }
        guard let bound else { return }
        if maximised ? bound < value - tolerance * max(1, abs(value)) : bound > value + tolerance * max(1, abs(value)) {
            report(path + ".bound", "bound", "is \(bound), worse than the value \(value): no bound can be")
        }
        let expected = abs(value - bound) / max(1, abs(value))
        if let gap, !near(gap, expected) {
            report(path + ".gap", "gap", "is \(gap); |value − bound| / max(1, |value|) is \(expected)")
        }
    }
}
