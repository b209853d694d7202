@_exported import PlacementModel
