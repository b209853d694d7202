// AllVET: the library product, a thin facade over the layers below
// (docs/model.md, "Layers"). Importing AllVET gives the whole public API:
// the domain and its readers, the engine, results, reports and sweeps.
@_exported import LinearModel
@_exported import PlacementCSV
@_exported import PlacementEngine
@_exported import PlacementFormulation
@_exported import PlacementModel
@_exported import PlacementReports
@_exported import PlacementResults
@_exported import PlacementSweeps
@_exported import PlacementVerify
@_exported import PlacementXLSX
