import LAERDocuments
import LAERReports
import LAERScoring
import LAERSurvey
import LAERSystem
import LAERTerminal
import LAERValues

/// `laer survey [FILE]`: the interview, full screen on a terminal or one line at a time,
/// every answer saved to FILE at once, resumed where it stopped; with `--from PREVIOUS`, a
/// re-assessment that offers last time's answers as defaults.
struct SurveyCommand: Command {
    static let spec = CommandSpec(
        name: "survey",
        summary:
            "Answer the questionnaire interactively; every answer is saved to FILE at once, and running it again resumes at the first unanswered question.",
        discussion:
            "Full screen when standard input and output are terminals; line mode (one plain prompt per question, for screen readers and pipes) with --plain, a non-empty ACCESSIBLE, TERM=dumb, or when either is not a terminal. A new file opens with a welcome: what the assessment is, its scale and length. Full screen keys: n p l f or 0-3 rate, x N/A, 1-4 place a marker, y n answer a road sign; arrows pick and Enter records what is picked (nothing is recorded until you pick); Backspace clears an answer; left/right move back and on, s skips, a adds a note, ? shows help, h lists every key, m jumps to a marker, r reviews every answer (Enter changes one, u shows the unanswered, x the N/A, f finishes), q quits. Pasted text goes only into the field being typed. Line mode takes a rating word, its first letter, 0-3 or na (a note may follow), a blank line to skip or keep, ? for help, and commands that start with a colon: :back, :skip, :clear, :review, :quit. Ctrl-C saves, restores the terminal and exits 130. At the end it prints the summary (each marker's standing, why, and on how many answers) and offers the HTML report. With --from PREVIOUS (last quarter's answer file or CSV sheet), a new FILE starts with PREVIOUS's respondent (not its date or period), and each question shows last time's answer as its default: Enter (in line mode a blank line) keeps it, with its note, a key changes it, s skips; only what you keep or change is recorded.",
        positionals: [
            PositionalSpec("FILE", count: .optional, help: "The answer file to write and resume (default laer-answers.json).")
        ],
        options: [
            .flag("plain", help: "Line mode even on a terminal: one plain prompt per question, no cursor movement."),
            .option("name", value: "NAME", help: "The respondent's name, so the survey does not ask for it."),
        ] + CommonOptions.respondentDetails + [
            .option(
                "from", value: "PREVIOUS",
                help:
                    "A re-assessment: last time's answer file or CSV sheet, whose respondent starts a new FILE and whose answers are each question's default."
            ),
            CommonOptions.questionnaire, CommonOptions.color,
        ],
        examples: [
            "laer survey",
            "laer survey acme-2026-q4.json --name 'Ada Lovelace' --role CRO --organization Acme --period 2026-Q4",
            "laer survey --plain answers.json < scripted-answers.txt",
            "laer survey acme-2027-q1.json --from acme-2026-q4.json --period 2027-Q1",
        ])

    static let defaultFile = "laer-answers.json"

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments) {
        self.arguments = arguments
    }

    func run(in context: CommandContext) throws -> ExitCode {
        // A closed output (`laer survey | head`) must not kill the survey before it releases its lock.
        ProcessSignals.ignoreBrokenPipe()
        let path = arguments.positionals.first ?? Self.defaultFile
        let from = arguments.value("from")
        if let from { try Self.checkPrevious(from, answerFile: path) }
        let catalog = try context.loadCatalog(arguments)
        let store = try AnswerStore.open(path: path, catalog: catalog, today: context.today(), files: context.files)
        defer { store.close() }
        // An answer file goes on with the version it was started with.
        let questionnaire = store.questionnaire
        let previous = try from.map { from throws in
            try context.loadPrevious(from, catalog: catalog, for: questionnaire)
        }
        let saver = store
        for warning in store.warnings { context.errorOutput.write(warning.line(in: path) + "\n") }
        if !store.warnings.isEmpty {
            context.errorOutput.write(
                "\(path): the survey rewrites this file with each answer, so what is ignored above will not be kept\n")
        }

        var assessment = store.assessment
        let existed = store.isOnDisk
        if let previous, assessment.answers.isEmpty, assessment.placements.isEmpty, assessment.roadSigns.isEmpty {
            for field in SurveyQuestion.RespondentField.allCases where (assessment.respondent[field] ?? "").isEmpty {
                assessment.respondent[field] = previous.respondent[field]
            }
        }
        assessment.respondent = CommonOptions.respondent(arguments, over: assessment.respondent)
        if let period = CommonOptions.period(arguments) { assessment.period = period }

        var interview = Interview(questionnaire: questionnaire, assessment: assessment, previous: previous)
        let opening = openingLine(interview, path: path, existed: existed)
        var saveProblem: String?
        if !existed || assessment != store.assessment { saveProblem = saver.saveAnswers(assessment) }

        // One reader of standard input for the whole run: a second would lose what the first buffered.
        var lineSource: (any LineSource)?
        func lines() throws -> any LineSource {
            if let lineSource { return lineSource }
            let source = try context.makeLineSource()
            lineSource = source
            return source
        }

        let outcome: SurveyOutcome
        if Self.usesFullScreen(
            plain: arguments.flag("plain"), environment: context.environment, inputIsTerminal: context.inputIsTerminal,
            outputIsTerminal: context.outputIsTerminal)
        {
            // A new file opens at the welcome, which says what the opening line would.
            if !existed { interview.showWelcome() }
            if let notice = saveProblem.map({ "Could not save yet: \($0)" }) ?? (existed ? opening : nil) {
                interview.announce(notice)
            }
            let style = context.outputStyle(arguments)
            outcome = try FullScreenSurvey(saver: saver, style: style).run(&interview)
        } else {
            let source = try lines()
            let help = previous == nil ? LineDialogue.commandsHelp : LineDialogue.reassessmentHelp
            let welcome = existed ? "" : LineDialogue(interview: interview).welcome() + "\n"
            context.output.write(opening + "\n" + welcome + help + "\n")
            var session = LineSurvey(
                dialogue: LineDialogue(interview: interview), saver: saver, source: source, write: { context.output.write($0) })
            if let saveProblem { session.recover(from: saveProblem) }
            outcome = session.run()
            interview = session.dialogue.interview
        }
        return finish(outcome, interview: interview, store: store, lines: { try? lines() }, in: context)
    }

    /// `--from` must name another file than the one the survey writes, and not standard input,
    /// where the survey reads this time's answers.
    static func checkPrevious(_ from: String, answerFile: String) throws(UsageError) {
        if from == "-" {
            throw .other(
                "--from - would read last time's answers from standard input, where the survey reads this time's; name a file",
                command: "survey")
        }
        if lexicallyNormal(from) == lexicallyNormal(answerFile) {
            throw .other(
                "--from names \(from), the answer file this survey writes; name last time's file, and a new FILE for this time's answers",
                command: "survey")
        }
    }

    /// A path without `.` parts and repeated slashes, so that `./a.json` and `a.json` are one file.
    static func lexicallyNormal(_ path: String) -> String {
        (path.hasPrefix("/") ? "/" : "") + path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    /// Full screen only when both streams are terminals and nothing asks for line mode.
    static func usesFullScreen(plain: Bool, environment: [String: String], inputIsTerminal: Bool, outputIsTerminal: Bool) -> Bool
    {
        if plain { return false }
        if let accessible = environment["ACCESSIBLE"], !accessible.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return inputIsTerminal && outputIsTerminal
    }

    private func openingLine(_ interview: Interview, path: String, existed: Bool) -> String {
        let total = interview.plan.questions.count
        let defaults = arguments.value("from").map { "; last time's answers from \($0) are the defaults" } ?? ""
        guard existed else { return "New answer file \(path): \(total) questions\(defaults); each answer is saved as you go." }
        if interview.unansweredCount == 0 { return "Every question in \(path) is answered: review and finish." }
        let from = interview.questionNumber.map { " at question \($0) of \(total)" } ?? ""
        return "Resuming \(path)\(from), \(interview.answeredCount) answered\(defaults)."
    }

    /// The command that goes on where this run stopped, with the defaults if this run had them.
    private func resumeCommand(_ path: String) -> String {
        "laer survey \(path)" + (arguments.value("from").map { " --from \($0)" } ?? "")
    }

    private func finish(
        _ outcome: SurveyOutcome, interview: Interview, store: AnswerStore, lines: () -> (any LineSource)?,
        in context: CommandContext
    ) -> ExitCode {
        guard rescueUnsavedAnswers(store, in: context) else { return .ioError }
        let path = store.path
        let left = interview.unansweredCount
        switch outcome {
        case .finished:
            let questionnaire = interview.questionnaire
            let result = Scorer(questionnaire: questionnaire).score(interview.assessment, source: path)
            let style = context.outputStyle(arguments)
            context.output.write(
                SurveySummary(style: style).render(result, questionnaire: questionnaire, answerFile: path, unanswered: left))
            if let source = lines() {
                offerReport(result, questionnaire: questionnaire, answerFile: path, source: source, in: context)
            }
            return .success
        case .stopped:
            context.output.write(
                "\nSaved to \(path). \(left == 0 ? "Every question is answered" : "\(left) \(left == 1 ? "question" : "questions") left"); run '\(resumeCommand(path))' to go on.\n"
            )
            return .success
        case .signalled(let signal):
            context.errorOutput.write(
                "\nInterrupted. Every answer so far is saved in \(path); run '\(resumeCommand(path))' to go on.\n")
            switch signal {
            case .terminate: return .terminated
            case .hangup: return .hungUp
            case .interrupt, .resize: return .interrupted
            }
        }
    }

    /// When the last answers never reached the file (its saves failed and the respondent went on),
    /// writes them to a rescue file in the temporary directory before the program ends.
    ///
    /// Returns false when even that failed, after saying so.
    private func rescueUnsavedAnswers(_ store: AnswerStore, in context: CommandContext) -> Bool {
        guard store.hasUnsavedChanges else { return true }
        let original = store.path
        let directory = context.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let rescue = directory + "/laer-survey-rescue-\(ProcessEnvironment.processID).json"
        do {
            try store.move(to: rescue)
            context.errorOutput.write(
                "\nThe last answers could not be saved to \(original); all of them are in \(rescue) instead.\n")
            return true
        } catch {
            context.errorOutput.write(
                "\nThe last answers could not be saved to \(original), nor to \(rescue): \(error.description)\n")
            return false
        }
    }

    /// Offers the HTML report, beside the answer file unless another path is typed; says where it
    /// went by its full path.
    private func offerReport(
        _ result: ScoreResult, questionnaire: Questionnaire, answerFile: String, source: any LineSource,
        in context: CommandContext
    ) {
        let suggested = (answerFile.hasSuffix(".json") ? String(answerFile.dropLast(5)) : answerFile) + ".html"
        var reportPath = ProcessEnvironment.absolute(suggested)
        context.output.write(
            "\nWrite the full report, with the reasons and every gap, as HTML?\nEnter writes \(reportPath); type another path, or no: "
        )
        let later = "No report written. Later: laer score \(answerFile) --format html --out \(suggested)\n"
        guard case .line(let line) = source.nextLine() else {
            context.output.write("\n" + later)
            return
        }
        let answer = line.trimmingSpaces()
        if ["n", "no"].contains(answer.lowercased()) {
            context.output.write(later)
            return
        }
        if !answer.isEmpty, !["y", "yes"].contains(answer.lowercased()) { reportPath = ProcessEnvironment.absolute(answer) }
        do {
            try context.files.write(
                ReportFormat.html.scoreReport().renderBytes(result, questionnaire: questionnaire), to: reportPath)
            context.output.write("Wrote \(reportPath)\n")
        } catch {
            context.errorOutput.write("\(error.description)\n")
        }
    }
}
