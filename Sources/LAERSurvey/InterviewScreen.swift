import LAERReports
import LAERTerminal
import LAERValues

/// Draws the interview for a full-screen terminal: a pure function from the state to exactly
/// `height` lines of at most `width` columns (plus colour codes when the style allows).
///
/// Text is laid out at most `readingWidth` columns wide, however wide the terminal. Escape
/// sequences for the cursor are the driver's business; this only lays out text.
package struct InterviewScreen: Sendable {
    package var width: Int
    package var height: Int
    package var style: any TextStyle

    /// The widest the text runs, for reading comfort on a wide terminal.
    package static let readingWidth = 100
    /// Below this the choices cannot be shown, and the screen asks for a larger window.
    package static let minimumSize = TerminalSize(rows: 14, columns: 40)

    package init(width: Int, height: Int, style: any TextStyle) {
        self.width = max(width, 1)
        self.height = max(height, 1)
        self.style = style
    }

    /// The columns the text uses.
    var columns: Int { min(width, Self.readingWidth) }

    /// True when the screen is below `minimumSize`: it shows only a request for a larger window.
    package var isTooSmall: Bool { width < Self.minimumSize.columns || height < Self.minimumSize.rows }

    package func render(_ interview: Interview) -> [String] {
        guard !isTooSmall else { return tooSmall() }
        let header = self.header(interview)
        let footer = self.footer(interview)
        let room = height - header.count - footer.count
        var body = self.body(interview, room: room)
        if body.count > room { body = Array(body.prefix(max(room - 1, 0))) + [style.dim(clip(" …"))] }
        body += Array(repeating: "", count: max(room - body.count, 0))
        return header + body + footer
    }

    /// The furthest help or the key list can scroll on this screen: the driver holds the
    /// interview to it, so that scrolling back up takes effect at once.
    package func scrollLimit(_ interview: Interview) -> Int {
        switch interview.mode {
        case .help, .keys: break
        default: return 0
        }
        let room = height - header(interview).count - footer(interview).count
        let count = readingLines(interview).count
        // One row goes to the line saying how much is below.
        return count > room ? count - room + 1 : 0
    }

    private func tooSmall() -> [String] {
        let minimum = Self.minimumSize
        let text =
            "Make the window larger: the survey needs \(minimum.columns)×\(minimum.rows) at least, and this one is \(width)×\(height). Keys wait until then; q or Ctrl-C quits, with every answer saved."
        let lines = TextWrap.lines(text, width: max(width - 1, 1)).map { " " + $0 }
        return (lines + Array(repeating: "", count: max(0, height - lines.count))).prefix(height).map {
            String($0.prefix(width))
        }
    }

    // MARK: Header and footer

    private func header(_ interview: Interview) -> [String] {
        let total = interview.plan.questions.count
        let answered = "\(interview.answeredCount) answered"
        var title: String
        var counter: String
        switch interview.position {
        case .welcome:
            title = "Welcome"
            counter = SurveyWording.length(of: total, separator: " · ")
        case .question(let index):
            title = SurveyWording.section(of: interview.plan.questions[index], in: interview.questionnaire, separator: " · ")
            counter = "question \(index + 1) of \(total) · " + answered
        case .review:
            title = "Review"
            counter = "\(interview.answeredCount) of \(total) answered"
        case .done:
            title = "Done"
            counter = ""
        }
        switch interview.mode {
        case .jump: title = "Jump to a marker"
        case .keys: title = "Keys"
        default: break
        }
        var second = " " + counter
        if let marker = interview.currentQuestion?.marker(in: interview.questionnaire) {
            let (done, all) = interview.progress(of: marker)
            let figures = "\(done)/\(all) in this marker "
            let barWidth = min(20, columns - second.count - figures.count - 4)
            if barWidth >= 5 {
                second = joined(left: second, right: bar(done, of: all, width: barWidth) + " " + figures)
            }
        }
        return [style.bold(clip(" laer survey · " + title)), clip(second), style.dim(rule())]
    }

    private func footer(_ interview: Interview) -> [String] {
        var lines = [style.dim(rule())]
        if let notice = interview.notice {
            lines += wrap(notice, indent: 1).prefix(2).map { style.color($0, .yellow) }
        }
        let hints = height < 18 ? shortHints(interview) : self.hints(interview)
        lines += wrapHints(hints).map { style.dim($0) }
        return lines
    }

    private func shortHints(_ interview: Interview) -> [String] {
        if interview.isOnWelcome { return ["Enter begins", "q quit"] }
        switch interview.mode {
        case .typing, .note: return ["Enter keeps it", "Esc undoes"]
        case .help, .keys: return ["↑↓ scroll", "other keys return"]
        case .jump: return ["1–\(interview.questionnaire.markers.count) pick", "Esc cancel"]
        case .choosing: return ["h keys", "? help", "q quit"]
        }
    }

    private func hints(_ interview: Interview) -> [String] {
        if interview.isOnWelcome { return ["Enter begins", "↑↓ scroll", "h all keys", "q quit"] }
        switch interview.mode {
        case .typing: return ["Enter keeps it", "↑ ↓ other questions", "Esc undoes", "Ctrl-U clears", "Ctrl-C quits"]
        case .note: return ["Enter keeps the note", "Esc leaves it as it was", "← → Home End move"]
        case .help, .keys: return ["↑↓ Page Up/Down scroll", "any other key returns"]
        case .jump: return ["1–\(interview.questionnaire.markers.count) or ↑↓ Enter pick", "Esc cancel"]
        case .choosing: break
        }
        switch interview.position {
        case .welcome: return ["Enter begins", "h all keys", "q quit"]
        case .review: return ["↑↓ pick", "Enter change", "u unanswered", "x N/A", "c continue", "f finish", "q quit"]
        case .done: return []
        case .question: break
        }
        switch interview.currentQuestion {
        case .capability:
            return ["0–3 or n p l f rate", "x N/A", "⌫ clear", "← → move", "a note", "? help", "h all keys"]
        case .placement:
            return ["1–4 pick", "⌫ clear", "← → move", "s skip", "? help", "h all keys"]
        case .roadSign:
            return ["y yes", "n no", "⌫ clear", "← → move", "s skip", "h all keys"]
        case .respondent, .period, nil:
            return ["h all keys"]
        }
    }

    // MARK: Body

    private func body(_ interview: Interview, room: Int) -> [String] {
        switch interview.mode {
        case .jump: return jumpList(interview)
        case .help(let scroll), .keys(let scroll): return scrolled(readingLines(interview), from: scroll, room: room)
        default: break
        }
        switch interview.position {
        case .done: return []
        case .welcome: return scrolled(welcome(interview), from: 0, room: room)
        case .review: return review(interview, room: room)
        case .question(let index): return question(interview.plan.questions[index], interview, room: room)
        }
    }

    private func welcome(_ interview: Interview) -> [String] {
        var lines: [String] = []
        for paragraph in SurveyWording.welcome(to: interview.questionnaire) {
            lines += [""] + wrap(paragraph, indent: 1)
        }
        let phases = interview.questionnaire.phases.filter { $0.summary != nil }
        lines += ["", style.bold(clip(" Press Enter to begin." + (phases.isEmpty ? "" : " ↓ reads what the phases mean.")))]
        for phase in phases {
            lines +=
                [""]
                + TextWrap.lines(phase.name + ": " + (phase.summary ?? ""), width: max(10, columns - 4)).enumerated().map {
                    clip(($0.offset == 0 ? " " : "   ") + $0.element)
                }
        }
        return lines
    }

    /// Help, the key list or the welcome, whole, before it is scrolled to fit.
    private func readingLines(_ interview: Interview) -> [String] {
        if case .keys = interview.mode { return keyList() }
        if interview.position == .welcome { return welcome(interview) }
        guard let question = interview.currentQuestion else { return [] }
        var lines =
            [""] + wrap(SurveyWording.prompt(for: question, in: interview.questionnaire), indent: 1).map { style.bold($0) }
        lines.append("")
        lines += wrap(SurveyWording.help(for: question, in: interview.questionnaire), indent: 1)
        return lines
    }

    private func keyList() -> [String] {
        let keyWidth = min(22, (SurveyWording.keys.flatMap(\.keys).map(\.key.count).max() ?? 10) + 2)
        var lines: [String] = []
        for group in SurveyWording.keys {
            lines += ["", style.bold(clip(" " + group.heading))]
            for (key, meaning) in group.keys {
                let wrapped = TextWrap.lines(meaning, width: max(10, columns - keyWidth - 4))
                for (index, line) in wrapped.enumerated() {
                    lines.append(clip("   " + (index == 0 ? key : "").padded(to: keyWidth) + line))
                }
            }
        }
        return lines
    }

    /// `lines` from `scroll`, as many as fit, with a last line saying how much is below.
    private func scrolled(_ lines: [String], from scroll: Int, room: Int) -> [String] {
        guard lines.count > room else { return lines }
        let start = min(max(0, scroll), lines.count - room + 1)
        let shown = Array(lines[start..<min(lines.count, start + room - 1)])
        let below = lines.count - start - shown.count
        return shown + [
            style.dim(clip(below > 0 ? " ↓ \(below) more \(below == 1 ? "line" : "lines"): ↓ or Space scrolls" : " (the end)"))
        ]
    }

    private func question(_ question: SurveyQuestion, _ interview: Interview, room: Int) -> [String] {
        let questionnaire = interview.questionnaire
        let prompt = wrap(SurveyWording.prompt(for: question, in: questionnaire), indent: 1).map { style.bold($0) }
        switch interview.mode {
        case .typing(let field):
            var lines = [""] + prompt + [""]
            lines.append(clip(" > " + field.window(width: columns - 4, cursorMark: "▏")))
            lines += wrap(typingHint(question, interview), indent: 1).map { style.dim($0) }
            return lines
        case .note(let field):
            var lines = [""] + prompt + [""]
            if case .rating(let rating) = interview.answer(to: question) { lines.append(clip(" Rated: " + rating.label)) }
            lines += wrap("Note: " + field.text(withCursor: "▏"), indent: 1)
            return lines
        default:
            break
        }
        let extras = self.extras(question, interview)
        let full = [""] + prompt + [""] + choiceLines(interview, question: question, detailed: true) + extras
        if full.count <= room, !full.contains(where: { ANSI.visibleWidth($0) > columns }) { return full }
        var compact = [""] + prompt + [""] + choiceLines(interview, question: question, detailed: false)
        let choices = interview.choices
        if let highlight = interview.highlight, choices.indices.contains(highlight), let detail = choices[highlight].detail {
            compact += [""] + wrap(choices[highlight].label + ": " + detail, indent: 1)
        }
        if compact.count + extras.count <= room { return compact + extras }
        if compact.count <= room { return compact }
        // The choices must show: the statement gives way, cut where ? shows it whole.
        let choiceLines = self.choiceLines(interview, question: question, detailed: false)
        let promptRoom = max(1, room - choiceLines.count - 1)
        var shortened = Array(prompt.prefix(promptRoom))
        if prompt.count > promptRoom {
            shortened[shortened.count - 1] = style.bold(clip(" … ? shows it all"))
        }
        return shortened + [""] + choiceLines
    }

    private func typingHint(_ question: SurveyQuestion, _ interview: Interview) -> String {
        if question == .period, let quarter = Quarter(date: interview.assessment.assessedOn) {
            return "Such as \(quarter.label), the quarter of \(interview.assessment.assessedOn). Leave it blank to skip."
        }
        return "Leave it blank to skip; you can fill it in later."
    }

    /// The choices, numbered, the picked one marked `›` and the answer given marked `✓`; with
    /// `detailed`, each with its meaning or profile.
    private func choiceLines(_ interview: Interview, question: SurveyQuestion, detailed: Bool) -> [String] {
        let given = interview.answer(to: question).map(Interview.Event.answer)
        let lastTime = interview.previousAnswer(to: question).map(Interview.Event.answer)
        let choices = interview.choices
        let keyWidth = choices.map { displayKey($0).count }.max() ?? 1
        let labelWidth = choices.map { $0.label.count + 2 + ($0.event == lastTime ? Self.lastTimeMark.count : 0) }.max() ?? 1
        var lines: [String] = []
        for (offset, choice) in choices.enumerated() {
            let picked = offset == interview.highlight
            let tick = (given == choice.event ? " ✓" : "") + (choice.event == lastTime ? Self.lastTimeMark : "")
            let head = " \(picked ? "›" : " ") \(displayKey(choice).padded(to: keyWidth))  "
            guard detailed, let detail = choice.detail else {
                let text = clip(head + choice.label + tick)
                lines.append(picked ? style.color(style.bold(text), .cyan) : text)
                continue
            }
            if question.capabilityID != nil {
                // The meaning in a column of its own, wrapped under itself on a narrow screen.
                let lead = head + (choice.label + tick).padded(to: labelWidth) + "  "
                let wrapped = TextWrap.lines(detail, width: max(10, columns - lead.count - 1))
                for (index, part) in wrapped.enumerated() {
                    let line = clip((index == 0 ? lead : String(repeating: " ", count: lead.count)) + part)
                    lines.append(picked ? style.color(style.bold(line), .cyan) : line)
                }
                continue
            }
            // A paragraph per choice, the label leading its profile, so all four read side by side.
            let indent = String(repeating: " ", count: head.count)
            let label = choice.label + tick + ": "
            let wrapped = TextWrap.lines(label + detail, width: max(10, columns - head.count - 1))
            for (index, line) in wrapped.enumerated() {
                let text = clip((index == 0 ? head : indent) + line)
                if picked {
                    lines.append(style.color(style.bold(text), .cyan))
                } else if index == 0, line.hasPrefix(label) {
                    lines.append(head + style.bold(label) + String(text.dropFirst(head.count + label.count)))
                } else {
                    lines.append(text)
                }
            }
        }
        return lines
    }

    /// Below the choices, when there is room: the answer given and how to clear it, last time's
    /// answer in a re-assessment, and the note.
    private func extras(_ question: SurveyQuestion, _ interview: Interview) -> [String] {
        var lines: [String] = []
        let choices = interview.choices
        let given = interview.answer(to: question)
        // What Enter would record, when the pick is not the answer already given or last time's.
        if let picked = interview.highlight, choices.indices.contains(picked), case .answer(let answer) = choices[picked].event,
            answer != given, answer != interview.defaultAnswer(to: question)
        {
            lines += [""] + wrap("Enter records: \(SurveyWording.words(for: answer, in: interview.questionnaire)).", indent: 1)
        }
        if let given {
            let words = SurveyWording.words(for: given, in: interview.questionnaire)
            let answerLines = wrap("Your answer: \(words). Another key changes it; Backspace clears it.", indent: 1)
            lines += (lines.isEmpty ? [""] : []) + answerLines.map { style.dim($0) }
        } else if let kept = interview.defaultAnswer(to: question) {
            let onIt = interview.highlight.map { choices.indices.contains($0) && choices[$0].event == .answer(kept) } ?? false
            let words = SurveyWording.words(for: kept, in: interview.questionnaire)
            lines += [""] + wrap("Last time: \(words)" + (onIt ? "; Enter keeps it, a key changes it." : "."), indent: 1)
            if let note = interview.previousNote(to: question) {
                lines += wrap("Last time's note: " + note, indent: 1).map { style.dim($0) }
            }
        }
        if let note = interview.note(to: question) {
            lines += [""] + wrap("Your note: " + note, indent: 1).map { style.dim($0) }
        }
        return lines
    }

    /// Beside last time's choice in a re-assessment.
    static let lastTimeMark = " (last time)"

    // MARK: Review

    private func review(_ interview: Interview, room: Int) -> [String] {
        let left = interview.unansweredCount
        let status =
            left == 0
            ? "Every question is answered: f finishes."
            : left == 1
                ? "1 unanswered: c answers it, f finishes now and lists it to verify."
                : "\(left) unanswered: c answers them, f finishes now and lists them to verify."
        var lines = [""] + wrap(status, indent: 1).map { style.bold($0) }
        let filter: String
        switch interview.review.filter {
        case .all: filter = "Every question; Enter changes the picked one."
        case .unanswered: filter = "Only the unanswered; u again shows all."
        case .notApplicable: filter = "Only those rated N/A; x again shows all."
        }
        lines += wrap(filter, indent: 1).map { style.dim($0) }
        lines.append("")
        let (rows, pickedRow) = reviewRows(interview)
        guard !rows.isEmpty else { return lines + wrap("Nothing to show here; a shows every question.", indent: 1) }
        let listRoom = room - lines.count
        guard rows.count > listRoom, listRoom >= 3 else { return lines + rows.map { render($0, interview) } }
        // The picked row kept in the middle of the window, a line above and below saying what is cut off.
        let inner = listRoom - 2
        let start = min(max(0, pickedRow - inner / 2), rows.count - inner)
        let above = start
        let below = rows.count - start - inner
        lines.append(style.dim(clip(above > 0 ? "   ↑ \(above) more" : "")))
        lines += rows[start..<(start + inner)].map { render($0, interview) }
        lines.append(style.dim(clip(below > 0 ? "   ↓ \(below) more" : "")))
        return lines
    }

    /// One row of the review, before it is laid out: only the rows in the window are.
    private enum ReviewRow {
        case heading(String, MarkerID?)
        case question(Int)
        case note(Int)
    }

    /// Every row of the review under its filter, grouped (about you, each marker, road signs),
    /// with the row of the picked question.
    private func reviewRows(_ interview: Interview) -> (rows: [ReviewRow], picked: Int) {
        var rows: [ReviewRow] = []
        var picked = 0
        var group: String?
        for index in interview.reviewRows {
            let question = interview.plan.questions[index]
            let heading = SurveyWording.group(of: question, in: interview.questionnaire)
            if heading != group {
                group = heading
                rows.append(.heading(heading, interview.plan.markers[index]))
            }
            if index == interview.review.picked { picked = rows.count }
            rows.append(.question(index))
            if interview.note(to: question) != nil { rows.append(.note(index)) }
        }
        return (rows, picked)
    }

    private func render(_ row: ReviewRow, _ interview: Interview) -> String {
        let questionnaire = interview.questionnaire
        let numberWidth = String(interview.plan.questions.count).count
        switch row {
        case .heading(let heading, let marker):
            var title = " " + heading
            if let marker {
                let (done, all) = interview.progress(of: marker)
                title += "  \(done) of \(all) answered"
            }
            return style.bold(clip(title))
        case .note(let index):
            let pad = String(repeating: " ", count: numberWidth + 5)
            return style.dim(clip(pad + "note: " + (interview.note(to: interview.plan.questions[index]) ?? "")))
        case .question(let index):
            let question = interview.plan.questions[index]
            let answerWidth = min(26, max(12, columns / 3))
            let textWidth = max(10, columns - numberWidth - answerWidth - 7)
            let isPicked = index == interview.review.picked
            let label = SurveyWording.shortLabel(for: question, in: questionnaire).clipped(toWidth: textWidth)
            let answer = interview.answer(to: question).map { SurveyWording.words(for: $0, in: questionnaire) } ?? "unanswered"
            let line = clip(
                " \(isPicked ? "›" : " ") " + String(index + 1).leftPadded(to: numberWidth) + "  "
                    + label.padded(toWidth: textWidth)
                    + "  " + answer.clipped(toWidth: answerWidth))
            if isPicked { return style.color(style.bold(line), .cyan) }
            return interview.isAnswered(question) ? line : style.dim(line)
        }
    }

    private func jumpList(_ interview: Interview) -> [String] {
        var lines = [""]
        for (offset, choice) in interview.choices.enumerated() {
            guard case .jump(let marker) = choice.event else { continue }
            let (done, all) = interview.progress(of: marker)
            let picked = offset == interview.highlight
            let text = clip(" \(picked ? "›" : " ") \(choice.key)  " + choice.label.padded(to: 26) + "\(done)/\(all) answered")
            lines.append(picked ? style.color(style.bold(text), .cyan) : text)
        }
        return lines
    }

    private func displayKey(_ choice: SurveyChoice) -> String {
        choice.key == Rating.na.key ? "x" : choice.key
    }

    // MARK: Layout helpers

    private func rule() -> String { String(repeating: "─", count: columns) }

    private func bar(_ done: Int, of total: Int, width: Int) -> String {
        guard width > 0 else { return "" }
        let filled = total == 0 ? 0 : Int((Double(done) / Double(total) * Double(width)).rounded(.down))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    private func joined(left: String, right: String) -> String {
        let room = columns - right.count
        if room < 10 { return clip(left) }
        return clip(left, to: room - 1).padded(to: room) + right
    }

    private func wrap(_ text: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return TextWrap.lines(text, width: max(10, columns - indent - 1)).map { clip(pad + $0) }
    }

    private func wrapHints(_ hints: [String]) -> [String] {
        var lines: [String] = []
        var line = ""
        for hint in hints {
            if line.isEmpty {
                line = " " + hint
            } else if line.count + 3 + hint.count <= columns - 1 {
                line += " · " + hint
            } else {
                lines.append(clip(line))
                line = " " + hint
            }
        }
        if !line.isEmpty { lines.append(clip(line)) }
        return lines
    }

    private func clip(_ text: String, to limit: Int? = nil) -> String {
        text.clipped(toWidth: limit ?? columns)
    }
}
