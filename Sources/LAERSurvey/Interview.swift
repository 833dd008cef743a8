import LAERValues

/// The survey as a pure state machine: `handle(event)` changes the state and returns what the
/// driver must do (save the file, finish, quit).
///
/// It knows nothing of terminals or files, so
/// the full-screen driver and line mode share it, and tests drive every path directly.
package struct Interview: Sendable, Equatable {
    package let questionnaire: Questionnaire
    package let plan: SurveyPlan
    package private(set) var assessment: Assessment
    /// Last time's answers in a re-assessment (`laer survey NEW --from PREVIOUS`): each question's
    /// default, shown and highlighted but recorded only when the respondent keeps it.
    package let previous: Assessment?
    package private(set) var position: Position
    package private(set) var mode: Mode
    /// The choice the arrow keys have highlighted; Enter picks it.
    package private(set) var highlight: Int = 0
    /// A line of feedback for the respondent ("Saved.", "Rate it first…"), cleared by the next event.
    package private(set) var notice: String?

    package enum Position: Sendable, Equatable {
        case question(Int)
        /// What is left unanswered, before finishing.
        case review
        case done
    }

    package enum Mode: Sendable, Equatable {
        /// Picking one of the choices.
        case choosing
        /// Typing free text: a respondent detail.
        case typing(String)
        /// Typing a note for the capability on screen.
        case note(String)
        /// Reading the current question's help.
        case help
        /// Picking a marker to jump to.
        case jump
    }

    package enum Event: Sendable, Equatable {
        case answer(SurveyAnswer)
        /// A capability's rating and its note at once, as line mode reads them.
        case answerWithNote(SurveyAnswer, note: String)
        /// Leave the question unanswered and go on to the next unanswered one.
        case skip
        case back
        case forward
        case jump(MarkerID)
        case openJump
        case toggleHelp
        case openNote
        /// Add text to the draft (typing or note).
        case insert(String)
        case deleteBackward
        /// Keep the draft: the respondent detail or the note.
        case submitText
        /// Leave help, the jump list or a draft without changing anything.
        case cancel
        case moveHighlight(Int)
        case chooseHighlighted
        case review
        /// From the review: back to the first unanswered question.
        case continueAnswering
        case finish
        case quit
    }

    package enum Effect: Sendable, Equatable {
        /// The assessment changed: write it now.
        case save
        /// The interview is over; show the summary.
        case finished
        /// The respondent quit; everything answered is already saved.
        case quit
    }

    /// Starts at the first unanswered question (the review when none is left), so a second run
    /// on the same file resumes where the first stopped.
    ///
    /// `previous` holds last time's answers, offered as defaults.
    package init(questionnaire: Questionnaire, assessment: Assessment, previous: Assessment? = nil) {
        self.questionnaire = questionnaire
        self.assessment = assessment
        self.previous = previous
        self.plan = SurveyPlan(questionnaire: questionnaire, respondent: assessment.respondent)
        self.position = .review
        self.mode = .choosing
        go(to: plan.questions.indices.first { !isAnswered(plan.questions[$0]) }.map(Position.question) ?? .review)
    }

    /// Shows a line of feedback until the next event, such as where a resumed survey stands.
    package mutating func announce(_ text: String) {
        notice = text
    }

    // MARK: Reading the state

    package var currentQuestion: SurveyQuestion? {
        if case .question(let index) = position { plan.questions[index] } else { nil }
    }

    package var questionNumber: Int? {
        if case .question(let index) = position { index + 1 } else { nil }
    }

    package func isAnswered(_ question: SurveyQuestion) -> Bool {
        switch question {
        case .respondent(let field): !(assessment.respondent[field] ?? "").isEmpty
        case .placement(let marker): assessment.placements[marker] != nil
        case .capability(let id): assessment.answers[id] != nil
        case .roadSign(let id): assessment.roadSigns[id] != nil
        }
    }

    /// The answer already given to a question, if any.
    package func answer(to question: SurveyQuestion) -> SurveyAnswer? {
        switch question {
        case .respondent(let field): assessment.respondent[field].map(SurveyAnswer.text)
        case .placement(let marker): assessment.placements[marker].map(SurveyAnswer.phase)
        case .capability(let id): assessment.answers[id].map { SurveyAnswer.rating($0.rating) }
        case .roadSign(let id): assessment.roadSigns[id].map(SurveyAnswer.yesNo)
        }
    }

    package var answeredCount: Int { plan.questions.count { isAnswered($0) } }
    package var unansweredCount: Int { plan.questions.count - answeredCount }

    /// Answered and total questions of one marker (its placement and capabilities).
    package func progress(of marker: MarkerID) -> (answered: Int, total: Int) {
        let questions = plan.questions.filter { $0.marker(in: questionnaire) == marker }
        return (questions.count { isAnswered($0) }, questions.count)
    }

    /// The choices on offer now, in the order they are shown and numbered.
    package var choices: [SurveyChoice] {
        if mode == .jump {
            return questionnaire.markers.enumerated().map { offset, marker in
                SurveyChoice(key: String(offset + 1), label: marker.name, event: .jump(marker.id))
            }
        }
        switch position {
        case .done: return []
        case .review:
            let left = unansweredCount
            if left == 0 {
                return [
                    SurveyChoice(key: "1", label: "Finish and see the summary", event: .finish),
                    SurveyChoice(key: "2", label: "Go back over the answers", event: .back),
                ]
            }
            return [
                SurveyChoice(
                    key: "1", label: "Answer the \(left == 1 ? "question" : "\(left) questions") left", event: .continueAnswering),
                SurveyChoice(key: "2", label: "Finish now; what is unanswered is listed to verify", event: .finish),
            ]
        case .question(let index):
            return Interview.choices(for: plan.questions[index], in: questionnaire)
        }
    }

    /// The choices of one question: none for a respondent detail, which is typed.
    package static func choices(for question: SurveyQuestion, in questionnaire: Questionnaire) -> [SurveyChoice] {
        switch question {
        case .respondent: return []
        case .placement(let marker):
            return PhaseID.allCases.map { phase in
                SurveyChoice(
                    key: String(phase.number), label: questionnaire.name(of: phase),
                    detail: questionnaire.marker(marker)?.profiles[phase], event: .answer(.phase(phase)))
            }
        case .capability:
            return Rating.allCases.map { rating in
                SurveyChoice(key: rating.key, label: rating.label, detail: rating.meaning, event: .answer(.rating(rating)))
            }
        case .roadSign:
            return [
                SurveyChoice(key: "y", label: "yes", detail: "We see this sign today.", event: .answer(.yesNo(true))),
                SurveyChoice(key: "n", label: "no", detail: "We do not see it.", event: .answer(.yesNo(false))),
            ]
        }
    }

    // MARK: Events

    /// Applies one event and returns what the driver must do.
    package mutating func handle(_ event: Event) -> [Effect] {
        notice = nil
        guard position != .done else { return [] }
        switch event {
        case .answer(let answer): return record(answer)
        case .answerWithNote(let answer, let note): return record(answer, note: note)
        case .skip:
            if case .question = position { advance() }
        case .back: moveBack()
        case .forward:
            if case .question(let index) = position {
                go(to: index + 1 < plan.questions.count ? .question(index + 1) : .review)
            }
        case .jump(let marker): jump(to: marker)
        case .openJump:
            mode = .jump
            highlight = 0
        case .toggleHelp:
            if mode == .help { restoreMode() } else if currentQuestion != nil { mode = .help }
        case .openNote: openNote()
        case .insert(let text): edit { $0 += text.filter { !$0.isNewline } }
        case .deleteBackward: edit { if !$0.isEmpty { $0.removeLast() } }
        case .submitText: return submitText()
        case .cancel: restoreMode()
        case .moveHighlight(let step):
            let count = choices.count
            if count > 0 { highlight = min(max(highlight + step, 0), count - 1) }
        case .chooseHighlighted:
            if case .typing = mode { return submitText() }
            if case .note = mode { return submitText() }
            let choices = self.choices
            if choices.indices.contains(highlight) { return handle(choices[highlight].event) }
        case .review: go(to: .review)
        case .continueAnswering:
            go(to: plan.questions.indices.first { !isAnswered(plan.questions[$0]) }.map(Position.question) ?? .review)
        case .finish:
            position = .done
            mode = .choosing
            return [.finished]
        case .quit: return [.quit]
        }
        return []
    }

    private mutating func record(_ answer: SurveyAnswer, note: String? = nil) -> [Effect] {
        guard case .question(let index) = position else { return [] }
        let question = plan.questions[index]
        switch (question, answer) {
        case (.respondent(let field), .text(let text)):
            let text = text.trimmingSpaces()
            guard !text.isEmpty else {
                advance()
                return []
            }
            assessment.respondent[field] = text
        case (.placement(let marker), .phase(let phase)):
            assessment.placements[marker] = phase
        case (.capability(let id), .rating(let rating)):
            let note = note.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
            // Last time's rating, kept for a question not yet answered this time, keeps last time's note too.
            let kept =
                assessment.answers[id] == nil && previous?.answers[id]?.rating == rating ? previous?.answers[id]?.note : nil
            assessment.answers[id] = Answer(rating, note: note ?? assessment.answers[id]?.note ?? kept)
        case (.roadSign(let id), .yesNo(let seen)):
            assessment.roadSigns[id] = seen
        default:
            return []
        }
        advance()
        return [.save]
    }

    private mutating func submitText() -> [Effect] {
        switch mode {
        case .typing(let draft):
            return record(.text(draft))
        case .note(let draft):
            guard let id = currentQuestion.flatMap(\.capabilityID), var answer = assessment.answers[id] else { return [] }
            let note = draft.trimmingSpaces()
            answer.note = note.isEmpty ? nil : note
            assessment.answers[id] = answer
            mode = .choosing
            notice = note.isEmpty ? "Note removed." : "Note kept."
            return [.save]
        default:
            return []
        }
    }

    private mutating func openNote() {
        guard let id = currentQuestion.flatMap(\.capabilityID) else {
            notice = "Notes go with a capability's rating."
            return
        }
        guard let answer = assessment.answers[id] else {
            notice = "Rate it first, then add a note (← goes back to note the previous answer)."
            return
        }
        mode = .note(answer.note ?? "")
    }

    private mutating func edit(_ change: (inout String) -> Void) {
        switch mode {
        case .typing(var draft):
            change(&draft)
            mode = .typing(draft)
        case .note(var draft):
            change(&draft)
            mode = .note(draft)
        default: break
        }
    }

    private mutating func moveBack() {
        switch position {
        case .question(let index) where index > 0: go(to: .question(index - 1))
        case .review where !plan.questions.isEmpty: go(to: .question(plan.questions.count - 1))
        default: notice = "This is the first question."
        }
    }

    private mutating func jump(to marker: MarkerID) {
        let indices = plan.questions.indices.filter { plan.questions[$0].marker(in: questionnaire) == marker }
        guard let first = indices.first else {
            restoreMode()
            return
        }
        go(to: .question(indices.first { !isAnswered(plan.questions[$0]) } ?? first))
    }

    /// To the next unanswered question after the current one; the review when none is left.
    private mutating func advance() {
        guard case .question(let index) = position else { return }
        let next = plan.questions.indices.dropFirst(index + 1).first { !isAnswered(plan.questions[$0]) }
        go(to: next.map(Position.question) ?? .review)
    }

    private mutating func go(to position: Position) {
        self.position = position
        restoreMode()
    }

    /// The mode a position starts in, with the highlight on the answer already given, or else on
    /// last time's, so that Enter keeps it.
    private mutating func restoreMode() {
        guard case .question(let index) = position else {
            mode = .choosing
            highlight = 0
            return
        }
        let question = plan.questions[index]
        if case .respondent(let field) = question {
            mode = .typing(assessment.respondent[field] ?? "")
            highlight = 0
            return
        }
        mode = .choosing
        let given = answer(to: question) ?? previousAnswer(to: question)
        highlight = Interview.choices(for: question, in: questionnaire).firstIndex { $0.event == given.map(Event.answer) } ?? 0
    }
}

extension SurveyQuestion {
    /// The capability id, for a capability question.
    package var capabilityID: String? {
        if case .capability(let id) = self { id } else { nil }
    }

    /// True for a question answered by picking a choice: all but the respondent details, which are typed.
    package var isChoice: Bool {
        if case .respondent = self { false } else { true }
    }

    /// The road sign id, for a road sign question.
    package var roadSignID: String? {
        if case .roadSign(let id) = self { id } else { nil }
    }
}

extension Respondent {
    /// One detail by field, as the survey asks for them.
    package subscript(field: SurveyQuestion.RespondentField) -> String? {
        get {
            switch field {
            case .name: name
            case .role: role
            case .organization: organization
            }
        }
        set {
            switch field {
            case .name: name = newValue
            case .role: role = newValue
            case .organization: organization = newValue
            }
        }
    }
}
