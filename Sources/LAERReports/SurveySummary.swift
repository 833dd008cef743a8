import LAERValues

/// The lines shown when a survey ends: where the company stands and on how many answers, why each
/// marker stands where it does, how phase and index fit together, where the respondent's view
/// differs from the evidence, the first three moves, and where the answers are.
///
/// Plain sentences, so line mode prints it as is: bold may stress words, nothing else carries meaning.
package struct SurveySummary: Sendable {
    package var style: any TextStyle
    package var width: Int

    package init(style: any TextStyle = PlainText(), width: Int = 80) {
        self.style = style
        self.width = width
    }

    package func render(_ result: ScoreResult, questionnaire: Questionnaire, answerFile: String, unanswered: Int) -> String {
        let narrative = Narrative(result: result, questionnaire: questionnaire)
        var lines: [String] = [""]
        if let noPhase = narrative.noPhaseSentence {
            lines.append(style.bold(wrap(noPhase)))
            lines.append(wrap("Run 'laer survey \(answerFile)' to go on."))
        } else {
            lines.append(style.bold(wrap(narrative.headline)))
            if let sentence = narrative.withoutEvidenceSentence { lines.append(wrap(sentence)) }
            lines.append("")
            lines += markerLines(narrative)
            if let explanation = narrative.indexExplanation { lines += ["", wrap(explanation)] }
            // Without evidence a marker sits at the first phase by default, not by what the answers say.
            let perception = result.perceptionGaps.filter { narrative.hasEvidence(of: $0.marker) }
            if !perception.isEmpty {
                lines += ["", style.bold("Where your view differs from the evidence:")]
                for gap in perception {
                    lines.append(
                        TextWrap.indented(narrative.perceptionSentence(gap), width: width, indent: 4, firstPrefix: "  - "))
                }
            }
        }
        let moves = result.moves
        if !moves.isEmpty {
            lines.append("")
            lines.append(style.bold(moves.count > 3 ? "Your first three moves:" : "Your next moves:"))
            for (index, move) in moves.prefix(3).enumerated() {
                lines.append(
                    TextWrap.indented(narrative.title(of: move) + ".", width: width, indent: 5, firstPrefix: "  \(index + 1). "))
                if let gap = result.gaps(of: move).first {
                    lines.append(TextWrap.indented("First step: " + gap.action, width: width, indent: 5))
                }
            }
        }
        lines.append("")
        var saved = "Your answers are saved in \(answerFile)"
        saved +=
            unanswered == 0
            ? "." : "; \(unanswered) \(unanswered == 1 ? "question is" : "questions are") unanswered and listed to verify."
        lines.append(wrap(saved))
        return lines.joined(separator: "\n") + "\n"
    }

    private func wrap(_ text: String) -> String { TextWrap.lines(text, width: width).joined(separator: "\n") }

    /// One row per marker, as a table when it fits the width and as a paragraph each when not,
    /// with why it is not yet in the phase above when it has evidence.
    private func markerLines(_ narrative: Narrative) -> [String] {
        let rows = narrative.result.markers.map { score in
            let (answered, total) = narrative.evidence(of: score.id)
            let evidence = "\(answered) of \(total) answer\(total == 1 ? "" : "s")"
            guard narrative.hasEvidence(of: score.id) else {
                return Row(
                    id: score.id, name: narrative.marker(score.id),
                    standing: answered == 0 ? "no answers yet" : "only N/A answers",
                    index: nil, evidence: evidence)
            }
            return Row(
                id: score.id, name: narrative.marker(score.id), standing: narrative.phase(score.phase),
                index: NumberFormat.decimal(score.index), evidence: evidence)
        }
        let nameWidth = ((rows.map(\.name.count) + ["Marker".count]).max() ?? 0) + 2
        let phaseWidth = ((rows.map(\.standing.count) + ["Phase".count]).max() ?? 0) + 2
        let indexWidth = "Index".count + 2
        let evidenceWidth = (rows.map(\.evidence.count) + ["Based on".count]).max() ?? 0
        let asTable = 2 + nameWidth + phaseWidth + indexWidth + evidenceWidth <= width
        func tableLine(_ cells: [String]) -> String {
            ("  " + cells[0].padded(to: nameWidth) + cells[1].padded(to: phaseWidth) + cells[2].padded(to: indexWidth) + cells[3])
                .trimmingSpaces(keepingLeading: true)
        }
        var lines = asTable ? [style.bold(tableLine(["Marker", "Phase", "Index", "Based on"]))] : []
        for row in rows {
            let reason = row.index == nil ? nil : narrative.notYetSentence(row.id)
            if asTable {
                lines.append(tableLine([row.name, row.standing, row.index ?? "", row.evidence]))
                if let reason { lines.append(TextWrap.indented(reason, width: width, indent: 4)) }
            } else {
                let text =
                    row.index.map { "\(row.name): \(row.standing), index \($0), based on \(row.evidence)." }
                    ?? "\(row.name): \(row.standing) (\(row.evidence))."
                lines.append(
                    TextWrap.indented(text + (reason.map { " " + $0 } ?? ""), width: width, indent: 4, firstPrefix: "  "))
            }
        }
        return lines
    }

    private struct Row {
        var id: MarkerID
        var name: String
        /// The phase's name, or why there is none ("no answers yet").
        var standing: String
        /// Nil for a marker without evidence: it has no phase or index to show.
        var index: String?
        var evidence: String
    }
}
