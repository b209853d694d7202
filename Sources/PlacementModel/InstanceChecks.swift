/// Says where each part of an instance came from, so that checks made on the
/// decoded values can name the file and the place (a JSON path, or a CSV
/// line and column).
public protocol InstanceLocator {
    /// The place of participant `index`, or of one of its fields (`field` is
    /// the spec's snake_case name, e.g. `"weeks"`; nil for the participant itself).
    func participant(_ index: Int, field: String?) -> (file: String, location: String)
    /// The place of host `index` or one of its fields.
    func host(_ index: Int, field: String?) -> (file: String, location: String)
    /// The place of offer `offer` of host `host` (both 0-based, in the
    /// order of `Instance.hosts[host].offers`) or one of its fields.
    func offer(host: Int, offer: Int, field: String?) -> (file: String, location: String)
}

/// Checks on a decoded instance that do not depend on its file format:
/// duplicate ids, impossible numbers, reversed windows, preferences naming
/// nothing (a warning), closed offers (a warning), and so on.
///
/// Returns every error and warning; the caller throws ``InputError`` when
/// any is an error.
public func checkInstance(_ instance: Instance, locator: some InstanceLocator) -> [Diagnostic] {
    // Implemented in the readers' work (see issue "Engine core").
    []
}
