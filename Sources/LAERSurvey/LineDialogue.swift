import LAERDocuments
import LAERValues

/// The survey one line at a time, for screen readers, pipes and `TERM=dumb`: a plain prompt
/// per question, the choices spelled out and numbered, one line read per answer, the answer
/// echoed back in words.
///
/// No escape sequences and nothing that only a glyph or colour says.
/// Pure: the driver prints `prompt()`, reads a line, and passes it to `receive(_:)`.
package struct LineDialogue: Sendable {
    package private(set) var interview: Interview

    package init(interview: Interview) {
        self.interview = interview
    }

    /// What one line did: text to print, and what the driver must do.
    package struct Reply: Sendable, Equatable {
        package var text: String
        package var effects: [Interview.Effect]
        /// True when the entry was not understood and the same question is asked again.
        package var rejected: Bool = false
    }

    /// What a re-assessment's blank line and skip do, in place of `commandsHelp`.
    package static let reassessmentHelp =
        "Last time's answer is shown in brackets: a blank line keeps it, another answer changes it, s or skip leaves the question unanswered. Type ? for help on this question, back for the previous question, review to see what is left, quit to stop (everything answered is saved)."

    package static let commandsHelp =
        "Type ? for help on this question, a blank line to skip it, back for the previous question, review to see what is left, quit to stop (everything answered is saved)."

    /// The question in full: position, section, statement, the choices, and the prompt.
    package func prompt() -> String {
        let questionnaire = interview.questionnaire
        switch interview.position {
        case .done:
            return ""
        case .review:
            let left = interview.unansweredCount
            var text =
                left == 0
                ? "Every question is answered.\n"
                : "\(interview.answeredCount) of \(interview.plan.questions.count) questions answered; \(left) left unanswered.\n"
            text += choiceLines()
            return text + "Your choice (1 or 2): "
        case .question(let index):
            let question = interview.plan.questions[index]
            var text = "\nQuestion \(index + 1) of \(interview.plan.questions.count)"
            text += ". " + SurveyWording.section(of: question, in: questionnaire, separator: ", ")
            text += ".\n" + SurveyWording.prompt(for: question, in: questionnaire) + "\n"
            if let given = interview.answer(to: question) { text += "Answered before: \(words(for: given)).\n" }
            let lastTime = interview.defaultAnswer(to: question)
            if lastTime != nil, let note = interview.previousNote(to: question) { text += "Last time's note: \(note)\n" }
            // The default in the prompt itself, so that a short prompt after a bad entry still says it.
            let keep = lastTime.map { " [last time: \(words(for: $0)); Enter keeps it]" } ?? ""
            switch question {
            case .respondent:
                return text + "Type your answer, or a blank line to skip: "
            case .capability:
                text += choiceLines()
                return text + "Your rating (0 to 3, a word, its first letter, or na; a note may follow it)\(keep): "
            case .placement:
                text += choiceLines()
                return text + "Your choice (1 to 4 or the phase name)\(keep): "
            case .roadSign:
                text += choiceLines()
                return text + "Your answer (yes or no)\(keep): "
            }
        }
    }

    /// The prompt alone, to ask again after an entry that was not understood.
    package func shortPrompt() -> String {
        String(prompt().split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
    }

    /// Handles one line the respondent typed.
    package mutating func receive(_ rawLine: String) -> Reply {
        let line = rawLine.trimmingSpaces()
        let lowered = line.lowercased()
        switch interview.position {
        case .done:
            return Reply(text: "", effects: [])
        case .review:
            guard let choice = match(lowered, in: interview.choices) else {
                return rejection("\"\(line)\" is not one of the choices. Type 1 or 2.")
            }
            return apply(choice.event, echo: choice.label + ".")
        case .question(let index):
            let question = interview.plan.questions[index]
            switch lowered {
            case "?", "help":
                return Reply(
                    text: SurveyWording.help(for: question, in: interview.questionnaire) + "\n", effects: [], rejected: true)
            case "":
                if let kept = interview.defaultAnswer(to: question) { return keep(kept, of: question) }
                return apply(.skip, echo: "Skipped; it stays unanswered.")
            // Only where an answer is picked: a typed detail may be any word.
            case "skip" where question.isChoice, "s" where question.isChoice:
                return apply(.skip, echo: "Skipped; it stays unanswered.")
            case "back", "b":
                return apply(.back, echo: index == 0 ? "This is the first question." : "Back to the previous question.")
            case "review":
                return apply(.review, echo: "To the review.")
            case "quit", "q", "exit":
                return Reply(text: "Stopping. Every answer so far is saved.\n", effects: [.quit])
            default:
                break
            }
            switch question {
            case .respondent:
                return apply(.answer(.text(line)), echo: "Recorded: \(line).")
            case .capability:
                return rate(line)
            case .placement, .roadSign:
                guard let choice = match(lowered, in: interview.choices), case .answer(let answer) = choice.event else {
                    let accepted =
                        question.roadSignID != nil ? "Type yes or no." : "Type a number from 1 to 4, or the phase name."
                    return rejection("\"\(line)\" is not one of the choices. \(accepted)")
                }
                return apply(choice.event, echo: "Recorded: \(words(for: answer)).")
            }
        }
    }

    /// Standard input ended: nothing more to record; the driver saves and exits 0.
    package func endOfInput() -> String {
        let left = interview.unansweredCount
        return left == 0
            ? ""
            : "\nInput ended with \(left) \(left == 1 ? "question" : "questions") unanswered; run the survey again to go on.\n"
    }

    // MARK: Parts

    private mutating func rate(_ line: String) -> Reply {
        let firstWord = line.prefix { !$0.isWhitespace }
        guard let rating = Rating(reading: String(firstWord)) else {
            return rejection("\"\(line)\" is not a rating. Type \(AnswerRules.ratingSpellings), then a note if you like.")
        }
        let note = String(line.dropFirst(firstWord.count)).trimmingSpaces()
        let id = interview.currentQuestion?.capabilityID
        let before = id.flatMap { interview.assessment.answers[$0] }
        let effects = interview.handle(note.isEmpty ? .answer(.rating(rating)) : .answerWithNote(.rating(rating), note: note))
        var echo = "Recorded: \(rating.label), \(rating.meaning)."
        if !note.isEmpty {
            echo += " Note: \(note)."
        } else if before == nil, let kept = id.flatMap({ interview.assessment.answers[$0]?.note }) {
            // Only last time's note can be there: the same rating as last time keeps it.
            echo += " Last time's note kept: \(kept)."
        }
        return Reply(text: echo + "\n", effects: effects)
    }

    /// A blank line on a question with a default: last time's answer, and its note, recorded again.
    private mutating func keep(_ answer: SurveyAnswer, of question: SurveyQuestion) -> Reply {
        let effects = interview.handle(.answer(answer))
        var echo = "Kept: \(words(for: answer))"
        if case .rating(let rating) = answer { echo += ", \(rating.meaning)" }
        if let id = question.capabilityID, let note = interview.assessment.answers[id]?.note { echo += ". Note: \(note)" }
        return Reply(text: echo + ".\n", effects: effects)
    }

    private mutating func apply(_ event: Interview.Event, echo: String) -> Reply {
        let effects = interview.handle(event)
        return Reply(text: echo + "\n", effects: effects)
    }

    private func rejection(_ message: String) -> Reply {
        Reply(text: message + "\n", effects: [], rejected: true)
    }

    private func choiceLines() -> String {
        interview.choices.map { choice in
            let key = choice.key
            let detail = choice.detail.map { ": " + $0 } ?? ""
            return "  \(key) = \(choice.label)\(detail)\n"
        }.joined()
    }

    private func match(_ entry: String, in choices: [SurveyChoice]) -> SurveyChoice? {
        guard !entry.isEmpty else { return nil }
        if let exact = choices.first(where: { $0.key.lowercased() == entry || $0.label.lowercased() == entry }) { return exact }
        if entry == "yes" || entry == "no" { return choices.first { $0.label == entry } }
        let words = choices.filter { $0.label.lowercased().split(separator: " ").contains { $0.hasPrefix(entry) } }
        return words.count == 1 ? words[0] : nil
    }

    private func words(for answer: SurveyAnswer) -> String {
        SurveyWording.words(for: answer, in: interview.questionnaire)
    }
}
