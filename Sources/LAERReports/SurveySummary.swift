import LAERValues

/// The few lines shown when a survey ends: where the company stands, each marker's phase, the
/// first three moves, and where the answers are.
///
/// Plain sentences, so line mode reads it as is.
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
        lines.append(style.bold(TextWrap.lines(narrative.headline, width: width).joined(separator: "\n")))
        let nameWidth = (result.markers.map { narrative.marker($0.id).count }.max() ?? 0) + 2
        for marker in result.markers {
            lines.append(
                "  " + narrative.marker(marker.id).padded(to: nameWidth)
                    + narrative.phase(marker.phase).padded(to: 27) + "index " + NumberFormat.decimal(marker.index))
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
        lines.append(TextWrap.lines(saved, width: width).joined(separator: "\n"))
        return lines.joined(separator: "\n") + "\n"
    }
}
