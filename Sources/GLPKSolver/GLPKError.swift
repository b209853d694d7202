/// A failure of GLPK itself (not an infeasible or unbounded model, which are
/// results): GLPK's `GLP_EFAIL` with no point found, or a return code the
/// wrapper never expects for a validated model (`GLP_EBOUND`, `GLP_EROOT`, …).
public struct GLPKError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The GLPK routine that failed, such as `glp_intopt`.
    public var routine: String
    /// GLPK's return code (for example 5 for `GLP_EFAIL`).
    public var returnCode: Int
    /// GLPK's own sentence for the code, plus what to do next.
    public var message: String

    public var description: String { "\(routine) failed with code \(returnCode): \(message)" }
}
