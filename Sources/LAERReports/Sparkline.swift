import LAERValues

/// A row of block characters, one per point, on the fixed index scale of 1.0 to 4.0.
///
/// Every row of every trend shares the scale, so two sparklines can be compared by eye: a
/// marker stuck at 1.2 stays low even when it wobbles, where a per-row scale would fill the height.
package enum Sparkline {
    /// The eight heights, lowest first.
    package static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The lowest and highest index.
    package static let scale: ClosedRange<Double> = 1.0...4.0

    /// The height of one index: the scale cut in eight equal bands, each closed at its bottom,
    /// so 1.0 is `▁`, 1.375 is `▂` and 4.0 (the top of the last band) is `█`.
    package static func character(_ index: Double) -> Character {
        let width = (scale.upperBound - scale.lowerBound) / Double(levels.count)
        // Indices are sums of thirds: a band's bottom computed as 1.3749999… still counts as 1.375.
        let band = Int(((index - scale.lowerBound) / width + ScoringThresholds.tolerance).rounded(.down))
        return levels[min(max(band, 0), levels.count - 1)]
    }

    /// One character per value; a space where a period has no assessment.
    package static func line(_ values: [Double?]) -> String {
        String(values.map { $0.map(character) ?? " " })
    }
}
