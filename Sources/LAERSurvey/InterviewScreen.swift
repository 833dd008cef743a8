import LAERReports
import LAERTerminal
import LAERValues

/// Draws the interview for a full-screen terminal: a pure function from the state to at most
/// `height` lines of at most `width` characters (plus colour codes when the style allows).
///
/// Escape sequences for the cursor are the driver's business; this only lays out text.
package struct InterviewScreen: Sendable {
    package var width: Int
    package var height: Int
    package var style: any TextStyle

    package init(width: Int, height: Int, style: any TextStyle) {
        self.width = max(width, 20)
        self.height = max(height, 8)
        self.style = style
    }

    package func render(_ interview: Interview) -> [String] {
        let header = self.header(interview)
        let footer = self.footer(interview)
        let room = height - header.count - footer.count
        var body = self.body(interview, compact: false)
        if body.count > room || body.contains(where: { visibleWidth($0) > width }) { body = self.body(interview, compact: true) }
        if body.count > room {
            body = Array(body.prefix(max(room - 1, 0))) + [style.dim(clip("…"))]
        }
        body += Array(repeating: "", count: max(room - body.count, 0))
        return header + body + footer
    }

    // MARK: Header and footer

    private func header(_ interview: Interview) -> [String] {
        let total = interview.plan.questions.count
        var title: String
        var counter: String
        switch interview.position {
        case .question(let index):
            title = SurveyWording.section(of: interview.plan.questions[index], in: interview.questionnaire, separator: " · ")
            counter = "\(index + 1)/\(total)"
        case .review:
            title = "Review"
            counter = "\(interview.answeredCount)/\(total) answered"
        case .done:
            title = "Done"
            counter = ""
        }
        if interview.mode == .jump { title = "Jump to a marker" }
        let left = " laer survey · " + title
        let firstLine = joined(left: left, right: counter + " ")
        var progress = " answered \(interview.answeredCount)/\(total)"
        if let marker = interview.currentQuestion?.marker(in: interview.questionnaire) {
            let (done, all) = interview.progress(of: marker)
            let label = " " + interview.questionnaire.name(of: marker) + " "
            let figures = " \(done)/\(all)"
            let barWidth = max(0, min(20, width - label.count - figures.count - progress.count - 2))
            progress = label + bar(done, of: all, width: barWidth) + figures + " ·" + progress
        }
        return [style.bold(firstLine), clip(progress), style.dim(rule())]
    }

    private func footer(_ interview: Interview) -> [String] {
        var lines = [style.dim(rule())]
        if let notice = interview.notice {
            lines.append(style.color(clip(" " + notice), .yellow))
        }
        lines += wrapHints(hints(interview)).map { style.dim($0) }
        return lines
    }

    private func hints(_ interview: Interview) -> [String] {
        switch interview.mode {
        case .typing: return ["type, Enter to go on", "blank Enter skips", "← back", "→ next", "Ctrl-C quit"]
        case .note: return ["type the note", "Enter keeps it", "Esc cancels"]
        case .help: return ["any key returns to the question"]
        case .jump: return ["1–\(interview.questionnaire.markers.count) or ↑↓ Enter pick", "Esc cancel"]
        case .choosing: break
        }
        switch interview.currentQuestion {
        case .capability:
            return [
                "0–3 or n p l f rate", "x N/A", "↑↓ Enter pick", "← back", "→ next", "s skip", "a note", "? help",
                "m marker", "r review", "q quit",
            ]
        case .placement:
            return ["1–4 or ↑↓ Enter pick", "← back", "→ next", "s skip", "? help", "m marker", "r review", "q quit"]
        case .roadSign:
            return ["y yes", "n no", "← back", "→ next", "s skip", "m marker", "r review", "q quit"]
        case .respondent, nil:
            return ["1–\(interview.choices.count) or ↑↓ Enter pick", "← back", "m marker", "q quit"]
        }
    }

    // MARK: Body

    private func body(_ interview: Interview, compact: Bool) -> [String] {
        if interview.mode == .jump { return jumpList(interview) }
        switch interview.position {
        case .done: return []
        case .review: return review(interview)
        case .question(let index): return question(interview.plan.questions[index], interview, compact: compact)
        }
    }

    private func question(_ question: SurveyQuestion, _ interview: Interview, compact: Bool) -> [String] {
        let questionnaire = interview.questionnaire
        var lines = [""]
        lines += wrap(SurveyWording.prompt(for: question, in: questionnaire), indent: 1).map { style.bold($0) }
        lines.append("")
        switch interview.mode {
        case .typing(let draft):
            lines.append(clip(" > " + draft + "▏"))
            lines.append(style.dim(clip(" Leave it blank to skip; you can fill it in later.")))
            return lines
        case .help:
            lines += wrap(SurveyWording.help(for: question, in: questionnaire), indent: 1)
            return lines
        case .note(let draft):
            if let answer = interview.answer(to: question), case .rating(let rating) = answer {
                lines.append(clip(" Rated: " + rating.label))
            }
            lines += wrap("Note: " + draft + "▏", indent: 1)
            return lines
        case .choosing, .jump:
            break
        }
        let given = interview.answer(to: question)
        let lastTime = interview.previousAnswer(to: question).map(Interview.Event.answer)
        let choices = interview.choices
        let keyWidth = choices.map { displayKey($0).count }.max() ?? 1
        let labelWidth = choices.map { $0.label.count + ($0.event == lastTime ? Self.lastTimeMark.count : 0) }.max() ?? 1
        for (offset, choice) in choices.enumerated() {
            let selected = offset == interview.highlight
            let chosen = given.map(Interview.Event.answer) == choice.event
            let marker = selected ? "›" : " "
            let tick = (chosen ? " ✓" : "") + (choice.event == lastTime ? Self.lastTimeMark : "")
            let head = " \(marker) \(displayKey(choice).padded(to: keyWidth))  "
            if !compact, let detail = choice.detail, question.capabilityID != nil {
                let line = head + (choice.label + tick).padded(to: labelWidth + 2) + "  " + detail
                lines.append(selected ? style.color(style.bold(line), .cyan) : line)
                continue
            }
            if !compact, let detail = choice.detail {
                // A paragraph per choice, the label leading its profile, so all four read side by side.
                let indent = String(repeating: " ", count: head.count)
                let label = choice.label + tick + ": "
                let wrapped = TextWrap.lines(label + detail, width: max(10, width - head.count - 1))
                for (index, line) in wrapped.enumerated() {
                    if selected {
                        lines.append(style.color(style.bold(clip((index == 0 ? head : indent) + line)), .cyan))
                    } else if index == 0, line.hasPrefix(label) {
                        lines.append(
                            head + style.bold(label)
                                + clip(String(line.dropFirst(label.count)), to: width - head.count - label.count))
                    } else {
                        lines.append(clip((index == 0 ? head : indent) + line))
                    }
                }
                continue
            }
            let text = clip(head + choice.label + tick)
            lines.append(selected ? style.color(style.bold(text), .cyan) : text)
        }
        if compact, choices.indices.contains(interview.highlight), let detail = choices[interview.highlight].detail {
            lines.append("")
            lines += wrap(choices[interview.highlight].label + ": " + detail, indent: 1)
        }
        lines += lastTimeLines(question, interview)
        if case .capability(let id) = question, let note = interview.assessment.answers[id]?.note {
            lines.append("")
            lines += wrap("Your note: " + note, indent: 1).map { style.dim($0) }
        }
        return lines
    }

    /// Beside last time's choice in a re-assessment.
    static let lastTimeMark = " (last time)"

    /// A re-assessment's default, while the question is unanswered: what it was last time, its
    /// note, and that Enter keeps it while the highlight is on it.
    private func lastTimeLines(_ question: SurveyQuestion, _ interview: Interview) -> [String] {
        guard let kept = interview.defaultAnswer(to: question) else { return [] }
        let choices = interview.choices
        let onIt = choices.indices.contains(interview.highlight) && choices[interview.highlight].event == .answer(kept)
        let words = SurveyWording.words(for: kept, in: interview.questionnaire)
        var lines = [""] + wrap("Last time: \(words)" + (onIt ? "; Enter keeps it, a key changes it." : "."), indent: 1)
        if let note = interview.previousNote(to: question) {
            lines += wrap("Last time's note: " + note, indent: 1).map { style.dim($0) }
        }
        return lines
    }

    private func review(_ interview: Interview) -> [String] {
        let questionnaire = interview.questionnaire
        var lines = [""]
        let left = interview.unansweredCount
        let total = interview.plan.questions.count
        lines += wrap(
            left == 0
                ? "Every question is answered (\(total) of \(total))."
                : "\(total - left) of \(total) questions answered; \(left) left unanswered.", indent: 1
        ).map { style.bold($0) }
        lines.append("")
        for marker in questionnaire.markers {
            let (done, all) = interview.progress(of: marker.id)
            let state = done == all ? "complete" : "\(all - done) left"
            lines.append(clip(" " + marker.name.padded(to: 26) + "\(done)/\(all)".padded(to: 8) + state))
        }
        let signs = questionnaire.roadSigns.filter { !interview.isAnswered(.roadSign($0.id)) }.count
        lines.append(
            clip(
                " " + "Road signs".padded(to: 26)
                    + "\(questionnaire.roadSigns.count - signs)/\(questionnaire.roadSigns.count)".padded(to: 8)
                    + (signs == 0 ? "complete" : "\(signs) left")))
        lines.append("")
        for (offset, choice) in interview.choices.enumerated() {
            let selected = offset == interview.highlight
            let text = clip(" \(selected ? "›" : " ") \(choice.key)  \(choice.label)")
            lines.append(selected ? style.color(style.bold(text), .cyan) : text)
        }
        return lines
    }

    private func jumpList(_ interview: Interview) -> [String] {
        var lines = [""]
        for (offset, choice) in interview.choices.enumerated() {
            guard case .jump(let marker) = choice.event else { continue }
            let (done, all) = interview.progress(of: marker)
            let selected = offset == interview.highlight
            let text = clip(" \(selected ? "›" : " ") \(choice.key)  " + choice.label.padded(to: 26) + "\(done)/\(all) answered")
            lines.append(selected ? style.color(style.bold(text), .cyan) : text)
        }
        return lines
    }

    private func displayKey(_ choice: SurveyChoice) -> String {
        choice.key == Rating.na.key ? "x" : choice.key
    }

    // MARK: Layout helpers

    private func rule() -> String { String(repeating: "─", count: width) }

    private func bar(_ done: Int, of total: Int, width: Int) -> String {
        guard width > 0 else { return "" }
        let filled = total == 0 ? 0 : Int((Double(done) / Double(total) * Double(width)).rounded(.down))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    private func joined(left: String, right: String) -> String {
        let room = width - right.count
        if room < 10 { return clip(left) }
        return clip(left, to: room - 1).padded(to: room) + right
    }

    private func wrap(_ text: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return TextWrap.lines(text, width: max(10, width - indent - 1)).map { clip(pad + $0) }
    }

    private func wrapHints(_ hints: [String]) -> [String] {
        var lines: [String] = []
        var line = ""
        for hint in hints {
            if line.isEmpty {
                line = " " + hint
            } else if line.count + 3 + hint.count <= width - 1 {
                line += " · " + hint
            } else {
                lines.append(clip(line))
                line = " " + hint
            }
        }
        if !line.isEmpty { lines.append(clip(line)) }
        return lines
    }

    private func visibleWidth(_ line: String) -> Int { ANSI.visibleWidth(line) }

    private func clip(_ text: String, to limit: Int? = nil) -> String {
        let limit = limit ?? width
        return text.count <= limit ? text : String(text.prefix(max(limit - 1, 0))) + "…"
    }
}
