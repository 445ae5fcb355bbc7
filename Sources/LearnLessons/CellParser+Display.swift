import LearnModels

/// The keys that change only what the panels show, not the run: `names:` (parameters
/// named as the text names them) and `window:` (where a panel's window opens).
extension CellParser {
    static let windowSpecs = [
        KeySpec("map", "text", range: "a gate (`f`), a head (`L1 H2`) or a parameter name", "the map the panel opens on"),
        KeySpec("from", "whole number", range: "1 … 100000", "the first row shown: a position, or a unit's rank"),
    ]

    /// `names: {layers.0.weight: w, layers.0.bias: b}`: each key a parameter of the run.
    mutating func readNames(_ node: YNode, config: RunConfig, known: Bool) -> [String: String]? {
        guard case .mapping(let pairs) = node.value else {
            report.add(.badType, at: node.location, "`names` must be a mapping like `{layers.0.weight: w}`, found \(node.kindName)")
            return nil
        }
        let parameters = ModelSpec.of(config.model).parameters(config).map(\.name)
        var names: [String: String] = [:]
        for (keyNode, value) in pairs {
            guard let parameter = report.text(keyNode, key: "names"), let shown = report.text(value, key: parameter) else { continue }
            if known, !parameters.contains(parameter) {
                report.add(.badValue, at: keyNode.location, "`\(YNode.clip(parameter))` is not a parameter of this run",
                           help: Suggest.help(for: parameter, in: parameters))
                continue
            }
            if shown.count > 16 || shown.contains(where: \.isNewline) {
                report.add(.badValue, at: value.location, "a display name is one short line (16 characters at most)")
                continue
            }
            names[parameter] = shown
        }
        return names
    }

    /// `window: {gates: {map: f, from: 9}}`: per panel, the map it opens on and the first
    /// row of its window, checked against the cell's panels and model.
    mutating func readWindows(_ node: YNode, panels: [PanelName], config: RunConfig, known: Bool) -> [PanelName: PanelWindow]? {
        guard case .mapping(let pairs) = node.value else {
            report.add(.badType, at: node.location, "`window` must be a mapping like `{gates: {map: f, from: 1}}`, found \(node.kindName)")
            return nil
        }
        var windows: [PanelName: PanelWindow] = [:]
        for (keyNode, value) in pairs {
            guard let panel = report.name(keyNode, key: "window", as: PanelName.self, rule: .unknownPanel, what: "panel") else { continue }
            guard PanelWindow.panels.contains(panel) else {
                report.add(.badValue, at: keyNode.location, "panel `\(panel.rawValue)` has no window to set",
                           help: "`window` applies to \(PanelWindow.panels.map { "`\($0.rawValue)`" }.joined(separator: ", "))")
                continue
            }
            guard panels.contains(panel) else {
                report.add(.badValue, at: keyNode.location, "`window` names panel `\(panel.rawValue)`, which this cell does not draw",
                           help: "add it to `panels:` or remove it here")
                continue
            }
            guard let keys = report.entries(value, specs: Self.windowSpecs, what: "a panel window", owner: value.location) else { continue }
            var window = PanelWindow()
            if let entry = keys["from"] {
                guard let v = Report.number(entry.value), v == v.rounded(), (1...100_000).contains(v) else {
                    report.add(.badValue, at: entry.value.location, "`from` must be a whole number from 1 to 100000")
                    continue
                }
                window.from = Int(v)
            }
            if let entry = keys["map"], let map = report.text(entry.value, key: "map") {
                let maps = known ? PanelWindow.maps(panel, config) : [map]
                guard maps.contains(map) else {
                    report.add(.badValue, at: entry.value.location, "`\(YNode.clip(map))` is not a map of panel `\(panel.rawValue)` here",
                               help: maps.isEmpty ? "this panel has one map: remove `map`" : Suggest.help(for: map, in: maps))
                    continue
                }
                window.map = map
            }
            windows[panel] = window
        }
        return windows
    }
}
