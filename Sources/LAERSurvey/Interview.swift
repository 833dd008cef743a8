import LAERValues

/// The survey as a pure state machine: `handle(event)` changes the state and returns what the
/// driver must do (save the file, finish, quit).
///
/// It knows nothing of terminals or files, so the full-screen driver and line mode share it, and
/// tests drive every path directly. Nothing is recorded without an explicit choice: a key that
/// names an answer, Enter on a choice the respondent picked, or Enter on last time's answer in a
/// re-assessment.
package struct Interview: Sendable, Equatable {
    package let questionnaire: Questionnaire
    package let plan: SurveyPlan
    package private(set) var assessment: Assessment
    /// Last time's answers in a re-assessment (`laer survey NEW --from PREVIOUS`): each question's
    /// default, shown and highlighted but recorded only when the respondent keeps it.
    package let previous: Assessment?
    package private(set) var position: Position
    package private(set) var mode: Mode
    /// The choice the arrow keys have picked, which Enter records; nil until one is picked.
    package private(set) var highlight: Int?
    /// A line of feedback for the respondent ("Saved.", "Rate it first…"), cleared by the next event.
    package private(set) var notice: String?
    /// The review's filter and the question picked in it.
    package private(set) var review = ReviewState()
    /// True while a question opened from the review is on screen: answering it goes back there.
    package private(set) var returnsToReview = false

    package enum Position: Sendable, Equatable {
        /// What the assessment is, before the first question of a new answer file.
        case welcome
        case question(Int)
        /// Every question with its answer, to change any of them, before finishing.
        case review
        case done
    }

    package enum Mode: Sendable, Equatable {
        /// Picking one of the choices.
        case choosing
        /// Typing free text: a respondent detail or the period.
        case typing(TextField)
        /// Typing a note for the capability on screen.
        case note(TextField)
        /// Reading the current question's help (the welcome, on the welcome), scrolled down by this many lines.
        case help(scroll: Int)
        /// Reading the list of keys, scrolled down by this many lines.
        case keys(scroll: Int)
        /// Picking a marker to jump to.
        case jump
    }

    package enum Event: Sendable, Equatable {
        /// From the welcome to the first unanswered question.
        case begin
        case answer(SurveyAnswer)
        /// A capability's rating and its note at once, as line mode reads them.
        case answerWithNote(SurveyAnswer, note: String)
        /// The current question back to unanswered (its note too); saved at once.
        case clear
        /// Leave the question as it is and go on to the next unanswered one.
        case skip
        /// The previous question; from a text field, keeping what is typed.
        case back
        /// The next question; from a text field, keeping what is typed.
        case forward
        /// A question by its place in the plan, from the review or line mode's number.
        case open(Int)
        case jump(MarkerID)
        case openJump
        case toggleHelp
        case toggleKeys
        case openNote
        case edit(TextField.Edit)
        /// Text the terminal says was pasted: it goes into a text being typed, and nowhere else.
        case paste(String)
        /// Keep the text being typed: the respondent detail, the period or the note.
        case submitText
        /// Leave help, the key list, the jump list or a note unchanged; undo the edits of a field.
        case cancel
        case moveHighlight(Int)
        /// Enter or Space: record the picked choice.
        case chooseHighlighted
        /// Scroll help or the key list by this many lines.
        case scroll(Int)
        case review
        /// Move the review's pick by this many rows (`Int.min` and `Int.max` for the ends).
        case reviewMove(Int)
        /// Show only these questions in the review; the same filter again shows all.
        case reviewFilter(ReviewFilter)
        /// From the review: the picked question, to change it.
        case openPicked
        /// From the review: back to the first unanswered question.
        case continueAnswering
        case finish
        case quit
        /// A key that means nothing where it was pressed, named as the respondent would.
        case unknownKey(String)
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
        self.plan = SurveyPlan(questionnaire: questionnaire)
        self.position = .review
        self.mode = .choosing
        go(to: firstUnanswered())
    }

    /// Opens on the welcome, for a new answer file.
    package mutating func showWelcome() {
        position = .welcome
        mode = .choosing
        highlight = nil
    }

    /// Shows a line of feedback until the next event, such as where a resumed survey stands.
    package mutating func announce(_ text: String) {
        notice = text
    }

    // MARK: Reading the state

    /// True while the welcome is on screen, read from its top or scrolled (not the key list over it).
    package var isOnWelcome: Bool {
        guard position == .welcome else { return false }
        switch mode {
        case .choosing, .help: return true
        default: return false
        }
    }

    package var currentQuestion: SurveyQuestion? {
        if case .question(let index) = position { plan.questions[index] } else { nil }
    }

    /// The current question's number, 1-based, the same on every run over the same file.
    package var questionNumber: Int? {
        if case .question(let index) = position { index + 1 } else { nil }
    }

    package func isAnswered(_ question: SurveyQuestion) -> Bool {
        switch question {
        case .respondent(let field): !(assessment.respondent[field] ?? "").isEmpty
        case .period: !(assessment.period ?? "").isEmpty
        case .placement(let marker): assessment.placements[marker] != nil
        case .capability(let id): assessment.answers[id] != nil
        case .roadSign(let id): assessment.roadSigns[id] != nil
        }
    }

    /// The answer already given to a question, if any.
    package func answer(to question: SurveyQuestion) -> SurveyAnswer? {
        switch question {
        case .respondent(let field): assessment.respondent[field].map(SurveyAnswer.text)
        case .period: assessment.period.map(SurveyAnswer.text)
        case .placement(let marker): assessment.placements[marker].map(SurveyAnswer.phase)
        case .capability(let id): assessment.answers[id].map { SurveyAnswer.rating($0.rating) }
        case .roadSign(let id): assessment.roadSigns[id].map(SurveyAnswer.yesNo)
        }
    }

    /// What a typed question (a detail, the period) holds on file; empty when unanswered.
    private func savedText(of question: SurveyQuestion) -> String {
        answer(to: question).map { SurveyWording.words(for: $0, in: questionnaire) } ?? ""
    }

    /// The note on a capability's answer, if any.
    package func note(to question: SurveyQuestion) -> String? {
        question.capabilityID.flatMap { assessment.answers[$0]?.note }
    }

    package var answeredCount: Int { plan.questions.count { isAnswered($0) } }
    package var unansweredCount: Int { plan.questions.count - answeredCount }

    /// Answered and total questions of one marker (its placement and capabilities).
    package func progress(of marker: MarkerID) -> (answered: Int, total: Int) {
        let indices = plan.markers.indices.filter { plan.markers[$0] == marker }
        return (indices.count { isAnswered(plan.questions[$0]) }, indices.count)
    }

    /// The questions the review shows under its filter, by place in the plan.
    package var reviewRows: [Int] {
        plan.questions.indices.filter { index in
            switch review.filter {
            case .all: true
            case .unanswered: !isAnswered(plan.questions[index])
            case .notApplicable: answer(to: plan.questions[index]) == .rating(.na)
            }
        }
    }

    /// The choices on offer now, in the order they are shown and numbered.
    package var choices: [SurveyChoice] {
        if mode == .jump {
            return questionnaire.markers.enumerated().map { offset, marker in
                SurveyChoice(key: String(offset + 1), label: marker.name, event: .jump(marker.id))
            }
        }
        guard case .question(let index) = position else { return [] }
        return Interview.choices(for: plan.questions[index], in: questionnaire)
    }

    /// The choices of one question: none for a respondent detail or the period, which are typed.
    package static func choices(for question: SurveyQuestion, in questionnaire: Questionnaire) -> [SurveyChoice] {
        switch question {
        case .respondent, .period: return []
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
        case .begin:
            go(to: firstUnanswered())
        case .answer(let answer): return record(answer)
        case .answerWithNote(let answer, let note): return record(answer, note: note)
        case .clear: return clear()
        case .skip: return skip()
        case .back: return leaveText { $0.moveBack() }
        case .forward: return leaveText { $0.moveForward() }
        case .open(let index):
            guard plan.questions.indices.contains(index) else {
                notice = "There is no question \(index + 1); the questions are numbered 1 to \(plan.questions.count)."
                return []
            }
            returnsToReview = position == .review
            go(to: .question(index), keepingReturn: true)
        case .jump(let marker): jump(to: marker)
        case .openJump:
            mode = .jump
            highlight = nil
        case .toggleHelp: toggleHelp()
        case .toggleKeys:
            if case .keys = mode { restoreMode() } else { mode = .keys(scroll: 0) }
        case .openNote: openNote()
        case .edit(let edit): editText(edit)
        case .paste(let text): paste(text)
        case .submitText: return submitText()
        case .cancel: cancel()
        case .moveHighlight(let step): moveHighlight(step)
        case .chooseHighlighted: return chooseHighlighted()
        case .scroll(let lines): scroll(by: lines)
        case .review: return openReview()
        case .reviewMove(let step): moveReviewPick(step)
        case .reviewFilter(let filter): setReviewFilter(filter)
        case .openPicked:
            guard reviewRows.contains(review.picked) else {
                notice = "Nothing is picked: a shows every question."
                return []
            }
            return handle(.open(review.picked))
        case .continueAnswering:
            let next = firstUnanswered()
            if next == .review { notice = "Every question is answered: f finishes, Enter changes the picked answer." }
            go(to: next)
        case .finish:
            position = .done
            mode = .choosing
            return [.finished]
        case .quit: return [.quit]
        case .unknownKey(let key): notice = unknownKeyNotice(key)
        }
        return []
    }

    private mutating func record(_ answer: SurveyAnswer, note: String? = nil) -> [Effect] {
        guard case .question(let index) = position else { return [] }
        let question = plan.questions[index]
        switch (question, answer) {
        case (.respondent(let field), .text(let text)):
            let text = text.trimmingSpaces()
            if text.isEmpty { return blankText(question) }
            assessment.respondent[field] = text
        case (.period, .text(let text)):
            let text = text.trimmingSpaces()
            if text.isEmpty { return blankText(question) }
            assessment.period = text
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
        moveOn(after: index)
        return [.save]
    }

    /// A blank text field kept: a detail given before is removed (saved); one never given is skipped.
    private mutating func blankText(_ question: SurveyQuestion) -> [Effect] {
        guard case .question(let index) = position else { return [] }
        guard isAnswered(question) else {
            notice = "Left blank: question \(index + 1) stays unanswered; you can fill it in later."
            moveOn(after: index)
            return []
        }
        switch question {
        case .respondent(let field): assessment.respondent[field] = nil
        case .period: assessment.period = nil
        default: return []
        }
        notice = "Removed: question \(index + 1) is unanswered again."
        moveOn(after: index)
        return [.save]
    }

    /// After an answer: back to the review when the question came from there (saying so), else
    /// the next unanswered.
    private mutating func moveOn(after index: Int) {
        if leave(index) { notice = "Question \(index + 1) changed." }
    }

    /// Leaves question `index`: back to the review when it was opened from there (returns true),
    /// else on to the next unanswered question.
    private mutating func leave(_ index: Int) -> Bool {
        guard returnsToReview else {
            goToNextUnanswered(after: index)
            return false
        }
        pickInReview(index)
        go(to: .review)
        return true
    }

    /// To the next unanswered question after `index`; past the last, to the review, with the
    /// first question left unanswered picked there (or else this one).
    private mutating func goToNextUnanswered(after index: Int) {
        if let next = plan.questions.indices.dropFirst(index + 1).first(where: { !isAnswered(plan.questions[$0]) }) {
            go(to: .question(next))
            return
        }
        review.picked = plan.questions.indices.first { !isAnswered(plan.questions[$0]) } ?? index
        go(to: .review)
    }

    /// Picks `index` in the review, or, when its filter no longer shows it (an unanswered
    /// question just answered), the next question it shows.
    private mutating func pickInReview(_ index: Int) {
        let rows = reviewRows
        review.picked = rows.contains(index) ? index : rows.first { $0 > index } ?? rows.last ?? index
    }

    private mutating func clear() -> [Effect] {
        guard case .question(let index) = position, let question = currentQuestion else { return [] }
        guard isAnswered(question) else {
            notice = "Question \(index + 1) has no answer to clear."
            return []
        }
        let hadNote = note(to: question) != nil
        switch question {
        case .respondent(let field): assessment.respondent[field] = nil
        case .period: assessment.period = nil
        case .placement(let marker): assessment.placements[marker] = nil
        case .capability(let id): assessment.answers[id] = nil
        case .roadSign(let id): assessment.roadSigns[id] = nil
        }
        restoreMode()
        notice = "Cleared\(hadNote ? " with its note" : ""): question \(index + 1) is unanswered again."
        return [.save]
    }

    private mutating func skip() -> [Effect] {
        guard case .question(let index) = position, let question = currentQuestion else {
            notice = unknownKeyNotice("s")
            return []
        }
        let effects = keepDraft()
        let kept = isAnswered(question)
        _ = leave(index)
        notice = kept ? "Question \(index + 1) keeps its answer." : "Skipped question \(index + 1); it stays unanswered."
        return effects
    }

    /// Moves on from a text field, keeping what was typed (saved) when it changed.
    private mutating func leaveText(_ move: (inout Interview) -> Void) -> [Effect] {
        let effects = keepDraft()
        move(&self)
        return effects
    }

    /// Records the text being typed in a respondent detail or the period, when it differs from the
    /// answer on file; nothing otherwise.
    private mutating func keepDraft() -> [Effect] {
        guard case .typing(let field) = mode, let question = currentQuestion else { return [] }
        let text = field.text.trimmingSpaces()
        guard text != savedText(of: question) else { return [] }
        switch question {
        case .respondent(let detail): assessment.respondent[detail] = text.isEmpty ? nil : text
        case .period: assessment.period = text.isEmpty ? nil : text
        default: return []
        }
        return [.save]
    }

    private mutating func submitText() -> [Effect] {
        switch mode {
        case .typing(let field):
            return record(.text(field.text))
        case .note(let field):
            guard let id = currentQuestion?.capabilityID, var answer = assessment.answers[id] else { return [] }
            let note = field.text.trimmingSpaces()
            let before = answer.note
            answer.note = note.isEmpty ? nil : note
            assessment.answers[id] = answer
            mode = .choosing
            if answer.note == before {
                notice = "The note is as it was."
                return []
            }
            notice = note.isEmpty ? "Note removed." : "Note kept."
            return [.save]
        default:
            return []
        }
    }

    private mutating func openNote() {
        guard let id = currentQuestion?.capabilityID else {
            notice = currentQuestion == nil ? unknownKeyNotice("a") : "Notes go with a capability's rating."
            return
        }
        guard let answer = assessment.answers[id] else {
            notice = "Rate it first, then add a note (← goes back to note the previous answer)."
            return
        }
        mode = .note(TextField(answer.note ?? ""))
    }

    private mutating func editText(_ edit: TextField.Edit) {
        switch mode {
        case .typing(var field):
            if !field.apply(edit), case .insert = edit { notice = Self.fullFieldNotice }
            mode = .typing(field)
        case .note(var field):
            if !field.apply(edit), case .insert = edit { notice = Self.fullFieldNotice }
            mode = .note(field)
        default:
            break
        }
    }

    private static let fullFieldNotice = "The text is at its limit of \(TextField.maximumLength) characters."

    private mutating func paste(_ text: String) {
        switch mode {
        case .typing, .note:
            editText(.insert(text))
        default:
            notice = "Pasted text ignored: it goes only into a name, the period or a note (a opens a note)."
        }
    }

    private mutating func cancel() {
        switch mode {
        case .typing(let field):
            guard let question = currentQuestion else { return }
            let saved = savedText(of: question)
            if field.text == saved {
                notice = "Esc: nothing typed to undo. Enter keeps it, ↑ goes back, ↓ goes on."
            } else {
                mode = .typing(TextField(saved))
                notice = "Undone: the text is as it was."
            }
        case .note:
            restoreMode()
            notice = "The note is as it was."
        case .help, .keys, .jump:
            restoreMode()
        case .choosing:
            notice = "Esc: nothing to close here. q quits (every answer is saved); h lists the keys."
        }
    }

    private mutating func moveHighlight(_ step: Int) {
        let count = choices.count
        guard count > 0 else {
            if case .question = position { notice = "This question has no choices: type the answer." }
            return
        }
        guard let highlight else {
            self.highlight = step > 0 ? 0 : count - 1
            return
        }
        let moved = min(max(highlight + step, 0), count - 1)
        if moved == highlight { notice = step > 0 ? "That is the last choice." : "That is the first choice." }
        self.highlight = moved
    }

    private mutating func chooseHighlighted() -> [Effect] {
        switch mode {
        case .typing, .note: return submitText()
        default: break
        }
        switch position {
        case .welcome:
            go(to: firstUnanswered())
            return []
        case .review:
            return handle(.openPicked)
        case .done:
            return []
        case .question:
            break
        }
        let choices = self.choices
        guard let highlight, choices.indices.contains(highlight) else {
            notice = nothingPickedNotice()
            return []
        }
        return handle(choices[highlight].event)
    }

    private func nothingPickedNotice() -> String {
        switch currentQuestion {
        case .capability:
            "Nothing picked yet: press 0–3 (or n p l f) to rate, x for N/A, or ↓ to pick and Enter. s skips."
        case .placement:
            "Nothing picked yet: press 1–4, or ↓ to pick and Enter. s skips."
        case .roadSign:
            "Nothing picked yet: press y or n. s skips."
        case .respondent, .period, nil:
            "Type the answer, then Enter."
        }
    }

    private mutating func scroll(by lines: Int) {
        switch mode {
        // The welcome, read as help is: scrolled when the window is too small for it.
        case .choosing where position == .welcome: mode = .help(scroll: max(0, lines))
        case .help(let scroll): mode = .help(scroll: max(0, scroll + lines))
        case .keys(let scroll): mode = .keys(scroll: max(0, scroll + lines))
        default: break
        }
    }

    /// Stops help or the key list from scrolling past `limit`, the last line the screen can start at.
    package mutating func limitScroll(to limit: Int) {
        switch mode {
        case .help(let scroll) where scroll > limit: mode = .help(scroll: max(0, limit))
        case .keys(let scroll) where scroll > limit: mode = .keys(scroll: max(0, limit))
        default: break
        }
    }

    private mutating func toggleHelp() {
        switch mode {
        case .help, .keys: restoreMode()
        default:
            // A screen without help of its own shows the keys.
            mode = currentQuestion == nil ? .keys(scroll: 0) : .help(scroll: 0)
        }
    }

    /// To the review, keeping what is typed in a field (saved) and picking the question left.
    private mutating func openReview() -> [Effect] {
        let effects = keepDraft()
        if case .question(let index) = position { review.picked = index }
        go(to: .review)
        return effects
    }

    private mutating func moveReviewPick(_ step: Int) {
        let rows = reviewRows
        guard !rows.isEmpty else { return }
        let here = rows.firstIndex(of: review.picked) ?? rows.firstIndex { $0 > review.picked } ?? rows.count - 1
        let target: Int
        switch step {
        case Int.min: target = 0
        case Int.max: target = rows.count - 1
        default: target = min(max(here + step, 0), rows.count - 1)
        }
        review.picked = rows[target]
    }

    private mutating func setReviewFilter(_ filter: ReviewFilter) {
        review.filter = review.filter == filter ? .all : filter
        pickInReview(review.picked)
        let rows = reviewRows
        switch review.filter {
        case .all: notice = "Showing every question."
        case .unanswered:
            notice =
                rows.isEmpty
                ? "No question is unanswered."
                : "Showing the \(rows.count == 1 ? "one question" : "\(rows.count) questions") unanswered; u again shows all."
        case .notApplicable:
            notice =
                rows.isEmpty
                ? "No answer is N/A."
                : "Showing the \(rows.count == 1 ? "one question" : "\(rows.count) questions") rated N/A; x again shows all."
        }
    }

    private func unknownKeyNotice(_ key: String) -> String {
        switch (position, mode) {
        case (_, .note): "\(key) does nothing in a note: Enter keeps it, Esc leaves it as it was."
        case (_, .typing): "\(key) does nothing here: type the answer, Enter keeps it, ↑ goes back."
        case (.welcome, _): "\(key) does nothing here: Enter begins, h lists the keys, q quits."
        case (.review, _): "\(key) does nothing in the review: Enter changes the picked answer, h lists the keys."
        default: "\(key) does nothing here; h lists the keys."
        }
    }

    private mutating func moveBack() {
        switch position {
        case .question(let index) where index > 0: go(to: .question(index - 1))
        case .review where !plan.questions.isEmpty: go(to: .question(plan.questions.count - 1))
        case .welcome: notice = "This is the start: Enter begins."
        default:
            restoreMode()
            notice = "This is the first question."
        }
    }

    private mutating func moveForward() {
        switch position {
        case .question(let index) where index + 1 < plan.questions.count: go(to: .question(index + 1))
        case .question(let index):
            review.picked = index
            go(to: .review)
        case .welcome: go(to: firstUnanswered())
        case .review: notice = "This is the review, after the last question: f finishes."
        case .done: break
        }
    }

    private mutating func jump(to marker: MarkerID) {
        let indices = plan.markers.indices.filter { plan.markers[$0] == marker }
        guard let first = indices.first else {
            restoreMode()
            return
        }
        go(to: .question(indices.first { !isAnswered(plan.questions[$0]) } ?? first))
    }

    private func firstUnanswered() -> Position {
        plan.questions.indices.first { !isAnswered(plan.questions[$0]) }.map(Position.question) ?? .review
    }

    private mutating func go(to position: Position, keepingReturn: Bool = false) {
        if !keepingReturn { returnsToReview = false }
        self.position = position
        restoreMode()
    }

    /// The mode a position starts in, with the pick on the answer already given, or else on last
    /// time's, so that Enter keeps it; nothing is picked on a question never answered.
    private mutating func restoreMode() {
        guard case .question(let index) = position else {
            mode = .choosing
            highlight = nil
            return
        }
        let question = plan.questions[index]
        if !question.isChoice {
            mode = .typing(TextField(savedText(of: question)))
            highlight = nil
            return
        }
        mode = .choosing
        let given = answer(to: question) ?? previousAnswer(to: question)
        highlight = Interview.choices(for: question, in: questionnaire).firstIndex { $0.event == given.map(Event.answer) }
    }
}

/// Which questions the review lists.
package enum ReviewFilter: Sendable, Equatable, CaseIterable {
    case all, unanswered, notApplicable
}

/// The review's filter and the question picked in it, by place in the plan.
package struct ReviewState: Sendable, Equatable {
    package var filter: ReviewFilter = .all
    package var picked: Int = 0
}

extension SurveyQuestion {
    /// The capability id, for a capability question.
    package var capabilityID: String? {
        if case .capability(let id) = self { id } else { nil }
    }

    /// True for a question answered by picking a choice: all but the respondent details and the
    /// period, which are typed.
    package var isChoice: Bool {
        switch self {
        case .respondent, .period: false
        case .placement, .capability, .roadSign: true
        }
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
