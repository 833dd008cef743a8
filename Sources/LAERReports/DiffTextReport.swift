import LAERValues

/// What changed between two assessments, for a terminal: 80 columns, colour only when the style allows it.
package struct DiffTextReport: ReportRenderer {
    package var style: any TextStyle
    package var width: Int

    package init(style: any TextStyle = PlainText(), width: Int = 80) {
        self.style = style
        self.width = width
    }

    package func render(_ diff: AssessmentDiff, questionnaire: Questionnaire) -> String {
        let words = DiffNarrative(diff: diff, questionnaire: questionnaire)
        var layout = TextLayout(style: style, width: width)
        layout.paragraph(style.bold("LAER diff: \(words.title)"), indent: 0)
        guard !diff.isUnchanged else {
            for line in words.unchangedLines { layout.paragraph(line, indent: 0) }
            return layout.text
        }
        layout.paragraph(words.contextLine, indent: 0)
        layout.line("")
        layout.paragraph(style.bold(words.headline), indent: 0)
        if let regression = words.regressionLine { layout.paragraph(style.color(regression, .yellow), indent: 0) }

        markers(words, &layout)
        capabilities(words, &layout)
        list("Gaps closed", diff.closedGaps.map { "\($0): \(words.statement(of: $0))" }, &layout)
        list("Gaps opened", diff.openedGaps.map { "\($0): \(words.statement(of: $0))" }, &layout)
        list("Road signs gained", diff.roadSignsGained.map(words.roadSign), &layout)
        list("Road signs lost", diff.roadSignsLost.map(words.roadSign), &layout)
        list(
            "Added in questionnaire \(words.newVersion)", diff.addedCapabilities.map { "\($0.id): \($0.statement)" }, &layout)
        list(
            "Retired in questionnaire \(words.newVersion)", diff.retiredCapabilities.map { "\($0.id): \($0.statement)" },
            &layout)
        list(
            "Notes that changed",
            diff.notes.map { "\($0.capability): \(DiffNarrative.note($0.from)) → \(DiffNarrative.note($0.to))" }, &layout)
        nextMoves(words, &layout)
        return layout.text
    }

    /// The overall line and one line per marker: phase numbers, indices, the signed change.
    func markers(_ words: DiffNarrative, _ layout: inout TextLayout) {
        let diff = words.diff
        layout.heading("Where each marker moved")
        let rows = [("Overall", diff.overallFrom, diff.overallTo)] + diff.markers.map { (words.marker($0.id), $0.from, $0.to) }
        let nameWidth = max(12, (rows.map(\.0.count).max() ?? 0) + 2)
        layout.line("  " + "Marker".padded(to: nameWidth) + "Phase   " + "Index".padded(to: 15) + "Change")
        for (index, (name, from, to)) in rows.enumerated() {
            let fell = from.fell(to: to)
            let cells =
                name.padded(to: nameWidth) + "\(from.phase.number) → \(to.phase.number)".padded(to: 8)
                + DiffNarrative.indices(from, to).padded(to: 15) + DiffNarrative.change(from, to)
            let line = "  " + (index == 0 ? style.bold(cells) : cells)
            layout.line(fell ? line + "  " + style.color("regressed", .yellow) : line)
        }
        let moved = rows.compactMap { name, from, to in words.phaseChange(from, to).map { "\(name): \($0)" } }
        if !moved.isEmpty {
            layout.line("")
            layout.paragraph("Phase changes:")
            for line in moved { layout.paragraph(line, indent: 6, first: "    - ") }
        }
    }

    /// Improved, regressed and the other changes, each with its ratings from and to.
    func capabilities(_ words: DiffNarrative, _ layout: inout TextLayout) {
        for (title, changes) in [("Capabilities improved", words.improved), ("Capabilities regressed", words.regressed)] {
            list(title, changes.map { "\($0.capability) (\(DiffNarrative.ratings($0))): \($0.statement)" }, &layout)
        }
        list(
            "Other rating changes",
            words.otherChanges.map {
                "\($0.capability) \(DiffNarrative.kind($0)) (\(DiffNarrative.ratings($0))): \($0.statement)"
            }, &layout)
    }

    /// A heading with the count and one wrapped item per line; nothing at all when `items` is empty.
    func list(_ title: String, _ items: [String], _ layout: inout TextLayout) {
        guard !items.isEmpty else { return }
        layout.heading("\(title) (\(items.count))")
        for item in items { layout.paragraph(item, indent: 4, first: "  - ") }
    }

    /// The first moves of the newer assessment, as the score report shows them.
    func nextMoves(_ words: DiffNarrative, _ layout: inout TextLayout) {
        let moves = words.nextMoves
        guard !moves.isEmpty else { return }
        layout.heading(words.nextMovesHeading)
        let score = TextReport(style: style, width: width)
        for (index, (move, gaps)) in moves.enumerated() {
            layout.line("")
            layout.line("  " + style.bold("\(index + 1). \(words.title(of: move))"))
            for gap in gaps { layout.line(contentsOf: score.gapLines(gap)) }
        }
    }
}
