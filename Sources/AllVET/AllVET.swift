@_exported import PlacementVerify
@_exported import LinearModel
@_exported import PlacementFormulation
@_exported import PlacementModel

/// The engine's version, written into every `summary.json`.
public let allvetVersion = "0.1.0"
