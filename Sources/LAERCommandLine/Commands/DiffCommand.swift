import LAERBatch
import LAERReports
import LAERScoring
import LAERSystem
import LAERValues

/// `laer diff OLD NEW`: what moved between two assessments of one organization, or between two
/// sets of them, organization by organization.
struct DiffCommand: Command {
    static let spec = CommandSpec(
        name: "diff",
        summary:
            "Compare two assessments: what moved per marker and overall, which capabilities improved or regressed, which gaps closed or opened, and the next moves now.",
        discussion:
            "OLD and NEW are answer files, CSV sheets, wide exports or directories. Two single assessments of one organization give one diff. Directories, or --by organization, merge each side per organization (its latest period) and give one diff per organization found on both sides; those on one side only are listed apart. A planned assessment (the ratings you mean to reach next quarter) diffs like any other: it shows what those moves would change. Each side is scored with the questionnaire version it was made with; capabilities of one version only are listed as added or retired. With --fail-on-regression the exit code is 1 when any marker's phase or index went down, after the report is written. For git, set 'git config diff.laer.command \"laer diff --git\"' and '*.json diff=laer' in .gitattributes; git then passes the seven arguments of its external diff.",
        positionals: [
            PositionalSpec("OLD", count: .one, help: "The earlier assessment: a file, a directory, or - for standard input."),
            PositionalSpec("NEW", count: .one, help: "The later (or planned) assessment."),
            PositionalSpec(
                "GIT-ARGUMENTS", count: .zeroOrMore,
                help: "With --git: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE, as git passes them."),
        ],
        options: [
            CommonOptions.format(ReportFormat.allCases.map(\.rawValue), default: "text"),
            .option(
                "by", value: "GROUP", choices: ["organization"],
                help: "Merge each side per organization, even for single files, and diff organization by organization."),
            .flag(
                "fail-on-regression",
                help: "Exit with 1 when any marker's phase or index went down (after writing the report)."),
            .flag(
                "allow-different-organizations",
                help: "Compare two single assessments even when they name different organizations."),
            .option(
                "out", short: "o", value: "PATH",
                help: "Write the diff to this file, or, for several organizations, one diff per organization into this directory."
            ),
            .flag("git", help: "Be git's external diff driver: take git's seven arguments and print a text diff."),
            CommonOptions.questionnaires, CommonOptions.color,
        ],
        examples: [
            "laer diff acme-2026-q2.json acme-2026-q3.json",
            "laer diff acme-2026-q3.json acme-2026-q4-plan.json --format markdown",
            "laer diff interviews/2026-q2/ interviews/2026-q3/ --format json > moves.jsonl",
            "laer diff last-quarter/ this-quarter/ --fail-on-regression",
        ])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments) throws(UsageError) {
        let count = arguments.positionals.count
        if arguments.flag("git") {
            guard count == 7 || count == 9 else {
                throw .other(
                    "--git takes the seven arguments git passes to an external diff (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE), not \(count)",
                    command: "diff")
            }
        } else if count > 2 {
            throw .unexpectedArgument(arguments.positionals[2], command: "diff")
        }
        self.arguments = arguments
    }

    func run(in context: CommandContext) throws -> ExitCode {
        if arguments.flag("git") { return try runGit(in: context) }
        if arguments.value("out") != nil { context.removeTemporaryFilesOnInterrupt() }
        let inputs = try comparisonInputs(in: context)
        let old = try inputs.read([arguments.positionals[0]])
        let new = try inputs.read([arguments.positionals[1]])
        for (side, path) in [(old, arguments.positionals[0]), (new, arguments.positionals[1])]
        where side.merges.isEmpty && side.missing.isEmpty {
            context.errorOutput.write("laer: nothing to compare: \(path) holds no assessment that could be read\n")
        }
        guard !old.merges.isEmpty, !new.merges.isEmpty else {
            return !old.missing.isEmpty || !new.missing.isEmpty ? .noInput : .dataError
        }
        let format = ReportFormat(rawValue: arguments.value("format") ?? "") ?? .text
        let pairing = try pair(old, new)
        let pipeline = inputs.pipeline
        let diffs = pairing.pairs.map { pair in
            (diff: Comparisons.diff(pair.old, pair.new, score: pipeline.score), questionnaire: pair.new.questionnaire)
        }
        try write(diffs, format: format, pairing: pairing, in: context)

        if !old.missing.isEmpty || !new.missing.isEmpty { return .noInput }
        if old.hadBadInput || new.hadBadInput { return .dataError }
        if arguments.flag("fail-on-regression"), diffs.contains(where: \.diff.hasRegression) { return .checkFailed }
        return .success
    }

    /// How both sides are read: each organization merged at its latest period.
    func comparisonInputs(in context: CommandContext) throws -> ComparisonInputs {
        var inputs = ComparisonInputs(catalog: try context.loadCatalog(arguments), context: context)
        inputs.latestPeriodOnly = true
        return inputs
    }

    /// The organizations of both sides, matched.
    struct Pairing {
        var pairs: [(old: OrganizationMerge, new: OrganizationMerge)] = []
        var onlyOld: [String] = []
        var onlyNew: [String] = []
    }

    func pair(_ old: ComparisonInputs.Side, _ new: ComparisonInputs.Side) throws(ComparisonError) -> Pairing {
        // Each side holds one merge per organization, at its latest period (`latestPeriodOnly`).
        let oldLatest = old.merges
        let newLatest = new.merges
        var pairing = Pairing()
        let single =
            arguments.value("by") == nil && !old.sawDirectory && !new.sawDirectory && oldLatest.count == 1 && newLatest.count == 1
        if single, let before = oldLatest.first, let after = newLatest.first {
            if before.key != after.key, !arguments.flag("allow-different-organizations") {
                throw ComparisonError(
                    "\(arguments.positionals[0]) is an assessment of \(Self.name(before)) and \(arguments.positionals[1]) of \(Self.name(after)): a diff compares one organization over time; pass --allow-different-organizations to compare them anyway"
                )
            }
            pairing.pairs = [(before, after)]
            return pairing
        }
        let newByKey = Dictionary(newLatest.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let oldKeys = Set(oldLatest.map(\.key))
        for merge in oldLatest {
            if let match = newByKey[merge.key] {
                pairing.pairs.append((merge, match))
            } else {
                pairing.onlyOld.append(Self.name(merge))
            }
        }
        pairing.onlyNew = newLatest.filter { !oldKeys.contains($0.key) }.map(Self.name)
        return pairing
    }

    static func name(_ merge: OrganizationMerge) -> String {
        "\"\(merge.spellings.mostFrequent ?? OrganizationName.none)\""
    }

    func write(
        _ diffs: [(diff: AssessmentDiff, questionnaire: Questionnaire)], format: ReportFormat, pairing: Pairing,
        in context: CommandContext
    ) throws {
        let out = arguments.value("out")
        let style = context.outputStyle(arguments, toFile: out != nil)
        let report = format.diffReport(style: style)
        if diffs.count == 1, let (diff, questionnaire) = diffs.first {
            try context.emit(report.render(diff, questionnaire: questionnaire), to: out)
        } else if let out, !diffs.isEmpty {
            try context.files.makeDirectory(out)
            var namer = ReportFileNamer()
            for (diff, questionnaire) in diffs {
                let name = namer.name(ReportFileNamer.safeStem(diff.organization), extension: format.fileExtension)
                try context.files.write(report.render(diff, questionnaire: questionnaire), to: out + "/" + name)
            }
        } else if format == .html, diffs.count > 1 {
            throw UsageError.other(
                "\(diffs.count) diffs cannot be one HTML page on standard output; write one per organization with --out DIR",
                command: "diff")
        } else if let first = diffs.first {
            var stream = format.diffStream(questionnaire: first.questionnaire, style: style)
            var streamVersion = first.questionnaire.version
            var bytes = stream.header
            for (index, entry) in diffs.enumerated() {
                if index > 0 { bytes += stream.separator }
                if entry.questionnaire.version != streamVersion {
                    stream = format.diffStream(questionnaire: entry.questionnaire, style: style)
                    streamVersion = entry.questionnaire.version
                }
                bytes += stream.render(entry.diff)
            }
            context.output.write(bytes: bytes)
        }
        // Organizations on one side only: part of a report a person reads, a note beside a machine format.
        // The names and paths come from files and the command line: no markup in Markdown, no
        // control character anywhere.
        let inReport = (format == .text || format == .markdown) && out == nil
        let inMarkdown = inReport && format == .markdown
        func shown(_ text: String) -> String { inMarkdown ? Markdown.escape(text) : SafeText.visible(text) }
        var lonely: [String] = []
        for (path, names) in zip(arguments.positionals, [pairing.onlyOld, pairing.onlyNew]) where !names.isEmpty {
            lonely.append("only in \(shown(path)): \(names.map(shown).joined(separator: ", "))")
        }
        guard !lonely.isEmpty else { return }
        if inReport {
            context.output.write("\n" + lonely.map { "Not compared, " + $0 }.joined(separator: "\n") + "\n")
        } else {
            for line in lonely { context.errorOutput.write("laer diff: not compared, \(line)\n") }
        }
    }
}
