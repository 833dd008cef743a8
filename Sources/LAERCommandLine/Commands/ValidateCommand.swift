import LAERDocuments
import LAERSystem
import LAERValues

/// `laer validate INPUT...`: checks documents, and every input `score` takes, and reports every
/// problem with its place.
struct ValidateCommand: Command {
    static let spec = CommandSpec(
        name: "validate",
        summary: "Check questionnaires and every input score takes, and report every problem with its place.",
        discussion:
            "Questionnaires and JSON answer files are told apart by their \"schema\" member; CSV answer sheets and wide exports by their content; a directory is every .json and .csv in it, recursively, as score reads it. Answers are checked against the version of the built-in questionnaire they were made with (or the --questionnaire files), with the same messages score gives. Problems go to standard error as FILE: PLACE: MESSAGE; each valid file gets one line on standard output. Exits 65 if any file has a problem, 66 if a file cannot be read, 64 if --columns names a column a file lacks.",
        positionals: [
            PositionalSpec(
                "INPUT", count: .oneOrMore,
                help: "A questionnaire, answer file, CSV sheet or export, directory, or - for standard input.")
        ],
        options: [CommonOptions.columns, CommonOptions.questionnaires],
        examples: [
            "laer validate Questionnaires/laer-1.1.0.json", "laer validate my-questionnaire.json answers/",
            "laer validate survey-export.csv",
        ])

    let files: [String]
    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments) {
        self.arguments = arguments
        files = arguments.positionals
    }

    func run(in context: CommandContext) throws -> ExitCode {
        let catalog = try context.loadCatalog(arguments)
        let columns = try CommonOptions.columnMap(arguments, command: "validate")
        var exitCode = ExitCode.success
        var usage = false
        let collected = context.files.collectInputs(files)
        for skipped in collected.skipped { context.errorOutput.write("\(skipped)\n") }
        for missing in collected.missing {
            context.errorOutput.write("\(missing)\n")
            exitCode = .noInput
        }
        for input in collected.inputs {
            let file: InputFile
            do {
                file = try context.readInput(input)
            } catch {
                context.errorOutput.write("\(error)\n")
                // A file too large, or a pipe put in the place of a file, is bad data; the rest could not be read.
                if error.exitCode == .dataError {
                    if exitCode == .success { exitCode = .dataError }
                } else {
                    exitCode = .noInput
                }
                continue
            }
            let report = DocumentValidator.validate(file, in: catalog, columns: columns)
            if report.problems.contains(where: { $0.cause == .usage }) { usage = true }
            for problem in report.problems {
                context.errorOutput.write(problem.line(in: file.displayName) + "\n")
            }
            if report.isValid {
                context.output.write("\(file.displayName): \(report.summary)\n")
            } else if exitCode == .success {
                exitCode = .dataError
            }
        }
        return usage ? .usage : exitCode
    }
}
