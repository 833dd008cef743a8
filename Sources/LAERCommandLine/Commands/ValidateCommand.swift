import LAERDocuments
import LAERSystem
import LAERValues

/// `laer validate FILE...`: checks documents and reports every problem with its place.
struct ValidateCommand: Command {
    static let spec = CommandSpec(
        name: "validate",
        summary: "Check questionnaires and answer files and report every problem with its place.",
        discussion:
            "Questionnaires and JSON answer files are told apart by their \"schema\" member; a CSV answer sheet by its content. Answer files are checked against the built-in questionnaire or --questionnaire. Problems go to standard error as FILE: PATH: MESSAGE; each valid file gets one line on standard output. Exits 65 if any file has a problem, 66 if a file cannot be read.",
        positionals: [PositionalSpec("FILE", count: .oneOrMore, help: "A file to check, or - for standard input.")],
        options: [CommonOptions.questionnaire],
        examples: ["laer validate Questionnaires/laer.json", "laer validate my-questionnaire.json answers/*.json"])

    let files: [String]
    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments) {
        self.arguments = arguments
        files = arguments.positionals
    }

    func run(in context: CommandContext) throws -> ExitCode {
        let (questionnaire, _) = try context.loadQuestionnaire(arguments)
        var exitCode = ExitCode.success
        for path in files {
            let file: InputFile
            do {
                file = try context.readInput(path)
            } catch {
                context.errorOutput.write("\(error)\n")
                exitCode = .noInput
                continue
            }
            let report = DocumentValidator.validate(file, questionnaire: questionnaire)
            for problem in report.problems {
                context.errorOutput.write("\(file.displayName): \(problem)\n")
            }
            if report.isValid {
                context.output.write("\(file.displayName): \(report.summary)\n")
            } else if exitCode == .success {
                exitCode = .dataError
            }
        }
        return exitCode
    }
}
