import LAERValues

/// One organization's trend as every trend report lays it out: a column per period, with the
/// quarters that have no assessment shown as such, and a row for the overall index and one per marker.
///
/// The reports differ in markup only; the columns, the changes and the sentences are made here once.
struct TrendTable {
    /// A period with its assessment, or quarters without one.
    enum Column {
        case point(Trend.Point)
        /// One quarter with no assessment, or (`first` before `last`) a longer run of them.
        case missing(first: String, last: String)

        var label: String {
            switch self {
            case .point(let point): point.origin.label
            case .missing(let first, let last): first == last ? first : "\(first)–\(last)"
            }
        }

        var point: Trend.Point? {
            if case .point(let point) = self { point } else { nil }
        }
    }

    /// The overall index or one marker's, per column.
    struct Row {
        var name: String
        /// Nil for the overall row.
        var marker: MarkerID?
        /// By column; nil in a missing quarter, or where the point lacks the marker.
        var cells: [Standing?]

        var standings: [Standing] { cells.compactMap { $0 } }

        /// The last point's index minus the one before it; nil with fewer than two.
        var change: Double? {
            let standings = standings
            guard standings.count > 1 else { return nil }
            return standings[standings.count - 1].index - standings[standings.count - 2].index
        }

        /// The last point's index minus the first's; nil with fewer than two.
        var sinceFirst: Double? {
            let standings = standings
            guard let first = standings.first, let last = standings.last, standings.count > 1 else { return nil }
            return last.index - first.index
        }

        var sparkline: String { Sparkline.line(cells.map { $0?.index }) }
    }

    /// Runs of missing quarters longer than this are one column, so that a long pause does not fill the table.
    static let longestGap = 3

    let organization: String
    let columns: [Column]
    let rows: [Row]
    let questionnaire: Questionnaire

    init(_ trend: Trend, questionnaire: Questionnaire) {
        organization = trend.organization
        self.questionnaire = questionnaire
        let columns = Self.columns(trend.points)
        self.columns = columns
        let markers = MarkerID.allCases.filter { id in trend.points.contains { $0.marker(id) != nil } }
        rows =
            [Row(name: "Overall", marker: nil, cells: columns.map { $0.point?.overall })]
            + markers.map { id in
                Row(name: questionnaire.name(of: id), marker: id, cells: columns.map { $0.point?.marker(id) })
            }
    }

    /// The points in order, with a column for each quarter missing between two of them when
    /// every period is a quarter (`2026-Q1`); other periods are never taken to have gaps.
    static func columns(_ points: [Trend.Point]) -> [Column] {
        let quarters = points.map { Quarter(period: $0.origin.label)?.ordinal }
        guard !quarters.contains(nil) else { return points.map(Column.point) }
        var columns: [Column] = []
        for (index, point) in points.enumerated() {
            if index > 0, let previous = quarters[index - 1], let current = quarters[index], current - previous > 1 {
                let missing = (previous + 1..<current).map { Quarter(ordinal: $0).label }
                if missing.count > longestGap {
                    columns.append(.missing(first: missing[0], last: missing[missing.count - 1]))
                } else {
                    columns += missing.map { .missing(first: $0, last: $0) }
                }
            }
            columns.append(.point(point))
        }
        return columns
    }

    var points: [Trend.Point] { columns.compactMap(\.point) }

    // MARK: Words

    /// A change with its sign: `+0.31`, `-0.05`, `0.00`.
    static func signed(_ delta: Double) -> String {
        let text = NumberFormat.decimal(delta)
        return text.hasPrefix("-") || text == NumberFormat.decimal(0) ? text : "+" + text
    }

    /// An index and its phase number, `1.80 (1)`; a dash where there is none.
    static func cell(_ standing: Standing?) -> String {
        standing.map { "\(NumberFormat.decimal($0.index)) (\($0.phase.number))" } ?? "—"
    }

    /// How many assessments, over which periods, with which questionnaire versions.
    var context: String {
        let points = points
        guard let first = points.first, let last = points.last else { return "No assessment." }
        var versions: [String] = []
        for point in points where !versions.contains(point.origin.questionnaireVersion) {
            versions.append(point.origin.questionnaireVersion)
        }
        let count =
            points.count == 1
            ? "One assessment, in \(first.origin.label)"
            : "\(points.count) assessments, from \(first.origin.label) to \(last.origin.label)"
        return "\(count), questionnaire \(last.origin.questionnaireID) \(versions.joined(separator: ", "))."
    }

    /// Where the overall index went, from the first point to the last.
    ///
    /// "Overall index from 1.80 in 2026-Q1 to 2.40 in 2026-Q3 (+0.60, still LAER Experiment)."
    var headline: String {
        let points = points
        guard let first = points.first, let last = points.last else { return "No assessment." }
        let phase = { (point: Trend.Point) in self.questionnaire.name(of: point.overall.phase) }
        if points.count == 1 {
            return "Overall index \(NumberFormat.decimal(first.overall.index)) in \(first.origin.label) (\(phase(first))): "
                + "the first assessment."
        }
        let phases = first.overall.phase == last.overall.phase ? "still \(phase(last))" : "from \(phase(first)) to \(phase(last))"
        return "Overall index from \(NumberFormat.decimal(first.overall.index)) in \(first.origin.label) to "
            + "\(NumberFormat.decimal(last.overall.index)) in \(last.origin.label) "
            + "(\(Self.signed(last.overall.index - first.overall.index)), \(phases))."
    }

    /// One sentence per row, from its first index to its last, for the charts' descriptions.
    var rowSentences: [String] {
        rows.compactMap { row in
            guard let first = row.standings.first, let last = row.standings.last else { return nil }
            let name = row.marker == nil ? "Overall index" : row.name
            let firstLabel = columns[row.cells.firstIndex { $0 != nil } ?? 0].label
            let lastLabel = columns[row.cells.lastIndex { $0 != nil } ?? 0].label
            return row.standings.count == 1
                ? "\(name) \(NumberFormat.decimal(first.index)) in \(firstLabel)."
                : "\(name) from \(NumberFormat.decimal(first.index)) in \(firstLabel) to \(NumberFormat.decimal(last.index)) in \(lastLabel)."
        }
    }

    /// The quarters without an assessment: "No assessment in 2026-Q2." (nil when none is missing).
    var missingNote: String? {
        let missing = columns.compactMap { column -> String? in
            guard case .missing(let first, let last) = column else { return nil }
            return first == last ? first : "\(first) to \(last)"
        }
        return missing.isEmpty ? nil : "No assessment in \(missing.joined(separator: ", "))."
    }

    /// "2026-Q3: 2 respondents." for each period that merged several.
    var respondentNotes: [String] {
        points.filter { $0.origin.respondents > 1 }.map { "\($0.origin.label): \($0.origin.respondents) respondents." }
    }

    /// What the change columns compare, or that one point is no trend yet.
    var changeNote: String {
        let points = points
        guard points.count > 1 else { return "First assessment: a trend needs two periods." }
        let last = points[points.count - 1].origin.label
        return "Change: \(last) against \(points[points.count - 2].origin.label); since first: against \(points[0].origin.label)."
    }

    /// What the number in brackets after an index means.
    var phaseLegend: String {
        "(n) is the phase: " + PhaseID.allCases.map { "\($0.number) \(questionnaire.name(of: $0))" }.joined(separator: ", ") + "."
    }

    /// Every note under the table, in order.
    var notes: [String] {
        [missingNote].compactMap { $0 } + respondentNotes + [changeNote, phaseLegend]
    }

    /// The change cells of a row: the last change and the change since the first point; dashes for one point.
    static func changes(_ row: Row) -> (last: String, sinceFirst: String) {
        (row.change.map(signed) ?? "—", row.sinceFirst.map(signed) ?? "—")
    }
}
