import LAERBatch
import LAERDocuments
import LAERReports
import LAERScoring
import LAERSystem
import LAERValues

/// `laer score INPUT...`: scores assessments and writes their gap analyses.
struct ScoreCommand: Command {
    static let spec = CommandSpec(
        name: "score",
        summary:
            "Score assessments against the four phases and write the gap analysis: where you stand, what holds you back, and the next moves.",
        discussion:
            "INPUT is a laer-answers/1 JSON file, a CSV answer sheet from 'laer template --format csv', a wide CSV export (one respondent per row, one column per capability id), a directory (every .json and .csv in it, recursively), or - for standard input; inputs are told apart by content, and CSV is read as spreadsheets save it (comma, semicolon or tab; UTF-8, UTF-16 or, with a warning, Windows-1252). One result goes to standard output; many come as JSON Lines (json), one row each (csv) or one report after another (HTML only with --out DIR). Every format carries the respondents' notes and each capability's rating. With --out DIR, or a directory input, each result gets its own report file there, named by organization, period and respondent, plus summary.csv naming each file. A bad input is reported on standard error, the others are still scored, and the exit code is 65.",
        positionals: [
            PositionalSpec(
                "INPUT", count: .oneOrMore, help: "Answer files, CSV sheets or exports, directories, or - for standard input.")
        ],
        options: [
            .option(
                "format", short: "f", value: "FORMAT", choices: ReportFormat.allCases.map(\.rawValue),
                help:
                    "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")). By default the one the --out file's extension names (.txt .md .json .html .csv), else text."
            ),
            Self.targetOption,
            .option(
                "out", short: "o", value: "PATH",
                help:
                    "Write the report to this file, in the format its extension names; or, for several inputs, a directory input, a path ending in / or an existing directory, one report per result in that directory, with summary.csv."
            ),
            .option(
                "by", value: "GROUP", choices: ["organization"],
                help:
                    "Merge the respondents of each organization and period into one result, with where they disagree; names match whatever their case, spaces or trailing full stop."
            ),
            .option(
                "peers", value: "DIR",
                help:
                    "Place each result among the organizations assessed in DIR (each merged, its latest period): the percentile of the overall and each marker index. Needs at least 5 organizations."
            ),
            .flag(
                "anonymize",
                help:
                    "Replace respondent names by pseudonyms, the same for the same person within this run (or across runs with --salt-file); roles stay, and who rated what in a disagreement is left out."
            ),
            .flag("drop-roles", help: "With --anonymize: leave respondents' roles out too."),
            .option(
                "salt-file", value: "FILE",
                help:
                    "With --anonymize: keep pseudonyms the same across runs by the salt in FILE, which is made when missing. Keep it private: with it, names can be tested against pseudonyms."
            ),
            CommonOptions.columns, CommonOptions.questionnaires, CommonOptions.color,
        ],
        examples: [
            "laer score Questionnaires/Examples/northwind-experiment.json",
            "laer score answers.csv --format html --out report.html",
            "laer score interviews/ --by organization --format html --out reports/",
            "laer score survey-export.csv --format json --anonymize > results.jsonl",
        ])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments) {
        self.arguments = arguments
    }

    func run(in context: CommandContext) throws -> ExitCode {
        let catalog = try context.loadCatalog(arguments)
        // A second run must not read the reports of the first as inputs.
        let collected = context.files.collectInputs(arguments.positionals, excluding: arguments.value("out"))
        let byOrganization = arguments.value("by") == "organization"
        let destination = try ReportDestination(
            out: arguments.value("out"), inputs: collected.inputs.count, sawDirectory: collected.sawDirectory,
            files: context.files)
        let format = try destination.format(given: arguments.value("format"))
        if format == .html, destination == .standardOutput, !byOrganization,
            collected.inputs.count > 1 || collected.sawDirectory
        {
            throw ReportDestination.severalHTMLReports
        }
        let target = try Self.target(arguments)
        let columns = try CommonOptions.columnMap(arguments, command: "score")
        let anonymizer = try Self.anonymizer(arguments, in: context)
        if destination != .standardOutput { context.removeTemporaryFilesOnInterrupt() }
        for skipped in collected.skipped { context.errorOutput.write("\(skipped)\n") }
        for missing in collected.missing { context.errorOutput.write("\(missing)\n") }
        let standardInput = collected.inputs.readsStandardInput ? try context.readInput("-") : nil
        let peers = try arguments.value("peers").map { directory throws in
            try Self.peerGroup(directory, catalog: catalog, in: context)
        }
        let place: @Sendable (ScoreResult) -> ScoreResult = { [peers] result in
            guard let peers else { return result }
            var placed = result
            placed.peers = Comparisons.standing(of: result, among: peers)
            return placed
        }

        // An input already read (standard input, or the one file) is not read again by the batch.
        var alreadyRead = standardInput.map { (input: InputPath("-"), file: $0) }
        if collected.inputs.count == 1, !collected.sawDirectory, !byOrganization, collected.missing.isEmpty,
            let input = collected.inputs.first(where: { _ in true })
        {
            let file = try standardInput ?? context.readInput(input)
            alreadyRead = (input, file)
            let (entries, fileProblems, version) = AnswerLoader.readAll(file, in: catalog, columns: columns)
            let assessments = entries.count { $0.assessment != nil }
            if assessments > 1, case .file(let out) = destination {
                throw ReportDestination.severalReports(
                    in: out, from: "the \(NumberFormat.grouped(assessments)) assessments of \(file.displayName)")
            }
            // Refused before the file's warnings are shown; the sink would refuse at the second report.
            if assessments > 1, format == .html, destination == .standardOutput { throw ReportDestination.severalHTMLReports }
            if entries.count == 1, fileProblems.isEmpty, !destination.isDirectory {
                return try scoreOne(
                    file, entry: entries[0], questionnaire: catalog.questionnaires[version], format: format, target: target,
                    anonymizer: anonymizer, place: place, to: destination.path, in: context)
            }
        }

        var options = AssessmentPipeline.Options(target: target)
        options.byOrganization = byOrganization
        options.anonymizer = anonymizer
        options.needsStems = destination.isDirectory
        options.keepsResults = destination.isDirectory
        options.window = format.batchWindow
        options.inputCount = collected.inputs.count
        options.columns = columns
        let style = context.outputStyle(arguments, toFile: destination != .standardOutput)
        // A CSV (and summary.csv) has one set of capability columns: those of the first input's version.
        let countsVersions = catalog.questionnaires.count > 1 && (format == .csv || destination.isDirectory)
        var columnsVersion = 0
        if countsVersions, let first = collected.inputs.first(where: { _ in true }),
            let file = alreadyRead?.input == first ? alreadyRead?.file : try? context.readInput(first)
        {
            columnsVersion = AnswerLoader.version(of: file, in: catalog, columns: columns)
            // Read once: the batch is handed the file rather than reading it again.
            if alreadyRead == nil { alreadyRead = (first, file) }
        }
        let columnsQuestionnaire = catalog.questionnaires[columnsVersion]
        let stream = format.scoreStream(
            catalog: catalog, columns: columnsQuestionnaire, style: style, withPeers: peers != nil)
        // Reports in files stand alone; on standard output they follow each other in a stream.
        let render: @Sendable (ScoreResult) -> [UInt8]
        if destination == .standardOutput {
            render = { [stream] in stream.render(place($0)) }
        } else {
            let single = format.scoreReport(style: style)
            render = { single.renderBytes(place($0), questionnaire: catalog.questionnaire(of: $0)) }
        }
        var sink = try ReportSink(
            format: format, stream: stream, destination: destination, output: context.output, files: context.files,
            questionnaire: columnsQuestionnaire)
        var otherVersions: [Int: Int] = [:]
        let total = collected.inputs.count
        let progress = ProgressLine(total: total, in: context)
        let read = context.batchReader(alreadyRead: alreadyRead)
        let errorOutput = context.errorOutput
        var summary = try AssessmentPipeline(catalog: catalog, workers: { WorkerThreads.run($0, $1) }).run(
            collected.inputs, options: options, read: read, render: render, report: { errorOutput.write($0 + "\n") },
            progress: progress.show,
            deliver: { (scored: AssessmentPipeline.Scored) throws in
                if countsVersions, scored.version != columnsVersion { otherVersions[scored.version, default: 0] += 1 }
                try sink.write(scored)
            })
        progress.clear()
        try sink.finish()
        for (version, count) in otherVersions.sorted(by: { $0.key < $1.key }) {
            if let warning = Self.otherVersionWarning(count, of: catalog.questionnaires[version], columns: columnsQuestionnaire) {
                context.errorOutput.write("warning: \(warning)\n")
            }
        }
        summary.attempted += collected.missing.count
        summary.bad += collected.missing.count
        if summary.attempted > 1 {
            let bad = summary.bad == 0 ? "" : "; \(NumberFormat.grouped(summary.bad)) bad input\(summary.bad == 1 ? "" : "s")"
            let line =
                byOrganization
                ? "\(Self.counted(summary.attempted, "input")), \(Self.counted(summary.scored, "result")) (merged by organization and period)"
                : "scored \(NumberFormat.grouped(summary.scored)) of \(NumberFormat.grouped(summary.attempted))"
            context.errorOutput.write(line + bad + "\n")
        }
        if summary.usage > 0 { return .usage }
        if !collected.missing.isEmpty { return .noInput }
        return summary.bad > 0 ? .dataError : .success
    }

    /// `--target`: a phase by number, short name, name or id.
    static let targetOption: OptionSpec = {
        var option = OptionSpec.option(
            "target", value: "PHASE",
            help:
                "The phase to plan for: 1–4, \(PhaseID.spellingsHint), or a phase id such as laer-effective. By default the phase above the company's current one."
        )
        option.suggestions = PhaseID.allCases.map(\.rawValue)
        return option
    }()

    /// The phase `--target` names; a value that names none is usage, with the closest spelling.
    static func target(_ arguments: ParsedArguments) throws(UsageError) -> PhaseID? {
        guard let text = arguments.value("target") else { return nil }
        if let phase = PhaseID(spelling: text) { return phase }
        let spellings = PhaseID.allCases.flatMap { [$0.shortName, $0.rawValue] }
        let closest = Suggestion.closest(to: text.lowercased(), among: spellings).map { " (did you mean '\($0)'?)" } ?? ""
        throw .other(
            "'\(text)' is not a phase for --target\(closest); give 1–4, \(PhaseID.spellingsHint), or a phase id such as laer-effective",
            command: "score")
    }

    /// The anonymizer `--anonymize` asks for, with the salt of `--salt-file` (made when missing)
    /// or a new one; `--drop-roles` and `--salt-file` need `--anonymize`.
    static func anonymizer(_ arguments: ParsedArguments, in context: CommandContext) throws -> Anonymizer? {
        guard arguments.flag("anonymize") else {
            for option in ["drop-roles", "salt-file"] where arguments.flag(option) || arguments.value(option) != nil {
                throw UsageError.other("--\(option) goes with --anonymize", command: "score")
            }
            return nil
        }
        let dropsRoles = arguments.flag("drop-roles")
        guard let path = arguments.value("salt-file") else { return Anonymizer(salt: context.random(), dropsRoles: dropsRoles) }
        if context.files.permissions(of: path) == nil {
            let anonymizer = Anonymizer(salt: context.random(), dropsRoles: dropsRoles)
            try context.files.write(Array(anonymizer.saltFileText.utf8), to: path, permissions: 0o600, syncingDirectory: true)
            return anonymizer
        }
        let file = try context.files.read(path)
        guard let salt = Anonymizer.salt(fromFile: String(decoding: file.bytes, as: UTF8.self)) else {
            throw LoadError.invalid(
                file: path,
                [
                    Problem(
                        "",
                        "is not a salt file (one line of 16 hexadecimal digits, as laer writes it); restore it from where it was kept, or give a new path to start new pseudonyms"
                    )
                ])
        }
        return Anonymizer(salt: salt, dropsRoles: dropsRoles)
    }

    /// What a CSV of one version's columns loses of the `count` results scored with another;
    /// nil when every capability of theirs has its column.
    static func otherVersionWarning(_ count: Int, of version: Questionnaire, columns: Questionnaire) -> String? {
        let lacking = version.capabilities.count { !columns.hasCapability($0.id) }
        guard lacking > 0 else { return nil }
        let results = count == 1 ? "1 result was" : "\(NumberFormat.grouped(count)) results were"
        return
            "\(results) scored with \(version.id) \(version.version), but the CSV's capability columns are those of \(columns.version) (the first input's version): their ratings and notes of the \(NumberFormat.grouped(lacking)) \(lacking == 1 ? "capability" : "capabilities") that \(columns.version) lacks are left out; score them apart for columns of their own"
    }

    /// The organizations assessed in `directory`, each merged and at its latest period, scored.
    static func peerGroup(_ directory: String, catalog: QuestionnaireCatalog, in context: CommandContext) throws -> [ScoreResult]
    {
        var inputs = ComparisonInputs(catalog: catalog, context: context)
        inputs.latestPeriodOnly = true
        inputs.keepsNotes = false
        let side = try inputs.read([directory])
        if let missing = side.missing.first { throw missing }
        let peers = side.merges.map { inputs.pipeline.score($0) }
        guard peers.count >= PeerStanding.minimumCount else {
            throw ComparisonError(
                "the peer group in \(directory) has \(counted(peers.count, "organization")); percentiles need at least \(PeerStanding.minimumCount), because among fewer they would identify the organizations behind them"
            )
        }
        return peers
    }

    /// "1 input", "12 inputs".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(NumberFormat.grouped(count)) \(noun)\(count == 1 ? "" : "s")"
    }

    /// One input with one assessment: its report on standard output, or in the `--out` file.
    func scoreOne(
        _ file: InputFile, entry: AnswerLoader.Entry, questionnaire: Questionnaire, format: ReportFormat, target: PhaseID?,
        anonymizer: Anonymizer?, place: (ScoreResult) -> ScoreResult, to out: String?, in context: CommandContext
    ) throws -> ExitCode {
        guard var assessment = entry.assessment else {
            throw LoadError.invalid(file: file.displayName, entry.problems.errors)
        }
        for warning in entry.problems.warnings { context.errorOutput.write(warning.line(in: file.displayName) + "\n") }
        if let anonymizer { assessment.respondent = anonymizer.anonymized(assessment.respondent) }
        let result = place(
            Scorer(questionnaire: questionnaire).score(
                assessment, source: anonymizer == nil ? file.displayName : AssessmentPipeline.inputLabel(0, of: 1),
                target: target))
        if result.isBlank { context.errorOutput.write("\(file.displayName): warning: \(ScoreResult.blankMessage)\n") }
        let report = format.scoreReport(style: context.outputStyle(arguments, toFile: out != nil))
        try context.emit(report.render(result, questionnaire: questionnaire), to: out)
        return .success
    }
}
