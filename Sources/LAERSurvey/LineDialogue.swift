import LAERDocuments
import LAERValues

/// The survey one line at a time, for screen readers, pipes and `TERM=dumb`: a plain prompt
/// per question, the choices spelled out and numbered, one line read per answer, the answer
/// echoed back in words.
///
/// No escape sequences and nothing that only a glyph or colour says. Commands start with a
/// colon, so that no answer (a name, a role, a rating letter) is ever taken for one.
/// Pure: the driver prints `prompt()`, reads a line, and passes it to `receive(_:)`.
package struct LineDialogue: Sendable {
    package private(set) var interview: Interview
    /// Capabilities rated in this run: after `fullRatingPrompts` of them the rating prompt is short.
    package private(set) var ratingsGiven = 0

    /// How many capability questions show the rating scale and the long prompt before it shortens.
    package static let fullRatingPrompts = 3

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

    /// The commands, said once at the start.
    package static let commandsHelp =
        "Commands start with a colon: :back goes to the previous question, :skip leaves this one as it is, :clear removes its answer, :review lists every answer, :quit stops (everything answered is saved). Type ? for help on a question. A blank line skips a question, or keeps the answer it has."

    /// What a re-assessment's blank line does, before `commandsHelp`.
    package static let reassessmentHelp =
        "Last time's answer is shown in brackets: a blank line keeps it, another answer changes it, :skip leaves the question unanswered. "
        + commandsHelp

    /// The welcome for a new answer file: what the assessment is, its scale and length, and that it saves as it goes.
    package func welcome() -> String {
        var paragraphs = SurveyWording.welcome(to: interview.questionnaire)
        paragraphs[paragraphs.count - 1] =
            SurveyWording.length(of: interview.plan.questions.count) + ". " + paragraphs[paragraphs.count - 1]
        let phases = interview.questionnaire.phases.compactMap { phase in phase.summary.map { "  \(phase.name): \($0)" } }
        if !phases.isEmpty { paragraphs.insert("The four phases:\n" + phases.joined(separator: "\n"), at: 1) }
        return paragraphs.joined(separator: "\n")
    }

    /// The question in full: position, section, statement, the choices, and the prompt.
    package func prompt() -> String {
        let questionnaire = interview.questionnaire
        switch interview.position {
        case .done:
            return ""
        case .welcome:
            return welcome() + "\nPress Enter to begin: "
        case .review:
            return reviewPrompt()
        case .question(let index):
            let question = interview.plan.questions[index]
            var text = "\nQuestion \(index + 1) of \(interview.plan.questions.count) (\(interview.answeredCount) answered)"
            text += ". " + SurveyWording.section(of: question, in: questionnaire, separator: ", ")
            text += ".\n" + SurveyWording.prompt(for: question, in: questionnaire) + "\n"
            if let given = interview.answer(to: question) {
                text += "Your answer: \(words(for: given)); a blank line keeps it.\n"
                if let note = interview.note(to: question) { text += "Your note: \(note)\n" }
            }
            let lastTime = interview.defaultAnswer(to: question)
            if lastTime != nil, let note = interview.previousNote(to: question) { text += "Last time's note: \(note)\n" }
            // The default in the prompt itself, so that a short prompt after a bad entry still says it.
            let keep = lastTime.map { " [last time: \(words(for: $0)); Enter keeps it]" } ?? ""
            switch question {
            case .respondent, .period:
                return text + "Type your answer, or a blank line to skip: "
            case .capability:
                guard ratingsGiven < Self.fullRatingPrompts else { return text + "Your rating (? for the scale)\(keep): " }
                return text + choiceLines() + Self.fullRatingPrompt + "\(keep): "
            case .placement:
                return text + choiceLines() + "Your choice (1 to 4 or the phase name)\(keep): "
            case .roadSign:
                return text + choiceLines() + "Your answer (yes or no)\(keep): "
            }
        }
    }

    static let fullRatingPrompt = "Your rating (0 to 3, a word, its first letter, or na; a note may follow it)"

    /// The prompt alone, to ask again after an entry that was not understood.
    package func shortPrompt() -> String {
        String(prompt().split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
    }

    /// Handles one line the respondent typed (or piped): its control characters left out, as a
    /// full-screen field leaves them out (`SafeText.typed`).
    package mutating func receive(_ rawLine: String) -> Reply {
        let line = SafeText.typed(rawLine).trimmingSpaces()
        let lowered = line.lowercased()
        switch interview.position {
        case .done:
            return Reply(text: "", effects: [])
        case .welcome:
            if let reply = command(lowered, at: nil) { return reply }
            return apply(.begin, echo: "")
        case .review:
            return reviewEntry(line)
        case .question(let index):
            let question = interview.plan.questions[index]
            if let reply = command(lowered, at: question) { return reply }
            if lowered.isEmpty {
                if let kept = interview.defaultAnswer(to: question) { return keep(kept, of: question) }
                if let given = interview.answer(to: question) {
                    return apply(.skip, echo: "Kept: \(words(for: given)).")
                }
                return apply(.skip, echo: "Skipped; it stays unanswered.")
            }
            switch question {
            case .respondent, .period:
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

    // MARK: Commands

    /// A command, or help: `:back`, `:skip`, `:clear`, `:review`, `:quit`, `?`; nil for an answer.
    ///
    /// On a question answered by a choice, the words without the colon work too: no choice is
    /// called "back" or "quit", while a name or a role could be.
    private mutating func command(_ entry: String, at question: SurveyQuestion?) -> Reply? {
        if entry == "?" || entry == ":help" || entry == ":?" || (entry == "help" && question?.isChoice != false) {
            return Reply(text: help(for: question), effects: [], rejected: true)
        }
        let word: Substring
        if entry.hasPrefix(":") {
            word = entry.dropFirst().drop { $0 == " " }
        } else if question?.isChoice ?? true, ["back", "skip", "clear", "review", "quit", "exit"].contains(entry) {
            word = Substring(entry)
        } else {
            return nil
        }
        let number = interview.questionNumber
        switch word {
        case "back", "b":
            return apply(.back, echo: number == 1 ? "This is the first question." : "Back to the previous question.")
        case "skip", "s":
            return apply(
                .skip,
                echo: question.map { interview.isAnswered($0) } == true ? "Kept as it is." : "Skipped; it stays unanswered.")
        case "clear", "c":
            guard let question, interview.isAnswered(question) else {
                return rejection("There is no answer to clear here.")
            }
            return apply(.clear, echo: "Cleared: it is unanswered again.")
        case "review", "r":
            return apply(.review, echo: "To the review.")
        case "quit", "q", "exit":
            return Reply(text: "Stopping. Every answer so far is saved.\n", effects: [.quit])
        default:
            return rejection(
                "\"\(entry)\" is not a command. The commands are :back, :skip, :clear, :review and :quit; ? gives help.")
        }
    }

    private func help(for question: SurveyQuestion?) -> String {
        guard let question else { return Self.commandsHelp + "\n" }
        var text = SurveyWording.help(for: question, in: interview.questionnaire) + "\n"
        if case .capability = question { text += "The scale:\n" + choiceLines() + Self.fullRatingPrompt + ".\n" }
        return text
    }

    // MARK: The review

    private func reviewPrompt() -> String {
        let left = interview.unansweredCount
        let total = interview.plan.questions.count
        var text =
            left == 0
            ? "\nEvery question is answered (\(total) of \(total)).\n"
            : "\n\(interview.answeredCount) of \(total) questions answered; \(left) left unanswered.\n"
        text += "Type finish to see the summary"
        if left > 0 { text += ", continue to answer the \(left == 1 ? "question" : "\(left) questions") left" }
        text += ", list to hear every answer, unanswered to hear what is left, or a question's number to change it.\n"
        return text + "Your choice: "
    }

    private mutating func reviewEntry(_ line: String) -> Reply {
        let entry = line.lowercased()
        if let number = Int(entry.drop { $0 == "#" }) {
            guard (1...interview.plan.questions.count).contains(number) else {
                return rejection(
                    "There is no question \(number); the questions are numbered 1 to \(interview.plan.questions.count).")
            }
            return apply(.open(number - 1), echo: "")
        }
        switch entry.hasPrefix(":") ? String(entry.dropFirst()) : entry {
        case "finish", "f":
            return apply(.finish, echo: "")
        case "continue", "c", "":
            guard interview.unansweredCount > 0 else {
                return rejection("Every question is answered: type finish, or a question's number to change it.")
            }
            return apply(.continueAnswering, echo: "")
        case "list", "l":
            return Reply(text: listing(unansweredOnly: false), effects: [], rejected: true)
        case "unanswered", "u":
            return Reply(text: listing(unansweredOnly: true), effects: [], rejected: true)
        case "quit", "q", "exit":
            return Reply(text: "Stopping. Every answer so far is saved.\n", effects: [.quit])
        case "?", "help":
            return Reply(text: reviewPrompt(), effects: [], rejected: true)
        default:
            return rejection("\"\(line)\" is not one of the choices. Type finish, continue, list, or a question's number.")
        }
    }

    /// Every question with its answer and note, grouped, one line each: what the review lists.
    private func listing(unansweredOnly: Bool) -> String {
        let questionnaire = interview.questionnaire
        var text = ""
        var group: String?
        for (index, question) in interview.plan.questions.enumerated() {
            let answer = interview.answer(to: question)
            if unansweredOnly, answer != nil { continue }
            let heading = SurveyWording.group(of: question, in: questionnaire)
            if heading != group {
                group = heading
                text += heading + ":\n"
            }
            var label = SurveyWording.shortLabel(for: question, in: questionnaire)
            if let last = label.last, !last.isPunctuation { label += "." }
            text += "  \(index + 1). \(label) " + (answer.map { "Answer: \(words(for: $0))." } ?? "Unanswered.")
            if let note = interview.note(to: question) { text += " Note: \(note)" }
            text += "\n"
        }
        return text.isEmpty ? "No question is unanswered.\n" : text
    }

    // MARK: Parts

    private mutating func rate(_ line: String) -> Reply {
        // The rating is the first word: letters, digits and the slash of "n/a"; a comma or a dash may follow it.
        let firstWord = line.prefix { $0.isLetter || $0.isNumber || $0 == "/" }
        guard let rating = Rating(reading: String(firstWord)) else {
            return rejection("\"\(line)\" is not a rating. Type \(AnswerRules.ratingSpellings), then a note if you like.")
        }
        var rest = line.dropFirst(firstWord.count).drop { $0 == " " }
        if let first = rest.first, ",;:.-–—".contains(first) { rest = rest.dropFirst() }
        let note = String(rest).trimmingSpaces()
        let id = interview.currentQuestion?.capabilityID
        let before = id.flatMap { interview.assessment.answers[$0] }
        let effects = interview.handle(note.isEmpty ? .answer(.rating(rating)) : .answerWithNote(.rating(rating), note: note))
        ratingsGiven += 1
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
        if question.capabilityID != nil { ratingsGiven += 1 }
        var echo = "Kept: \(words(for: answer))"
        if case .rating(let rating) = answer { echo += ", \(rating.meaning)" }
        if let id = question.capabilityID, let note = interview.assessment.answers[id]?.note { echo += ". Note: \(note)" }
        return Reply(text: echo + ".\n", effects: effects)
    }

    /// Applies an event and echoes it in line mode's words (the interview's notices name keys).
    private mutating func apply(_ event: Interview.Event, echo: String) -> Reply {
        let effects = interview.handle(event)
        return Reply(text: echo.isEmpty ? "" : echo + "\n", effects: effects)
    }

    private func rejection(_ message: String) -> Reply {
        Reply(text: message + "\n", effects: [], rejected: true)
    }

    private func choiceLines() -> String {
        interview.choices.map { choice in
            let detail = choice.detail.map { ": " + $0 } ?? ""
            return "  \(choice.key) = \(choice.label)\(detail)\n"
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
