import LAERDocuments
import LAERSystem
import LAERValues

/// The commands that exist, and the entry point that dispatches a command line to them.
public enum CommandRegistry {
    /// Every command, in the order `laer --help` lists them.
    package static let commands: [any Command.Type] = [
        SurveyCommand.self,
        ScoreCommand.self,
        DiffCommand.self,
        TrendCommand.self,
        TemplateCommand.self,
        ValidateCommand.self,
        QuestionnaireCommand.self,
        CompletionsCommand.self,
    ]

    package static var specs: [CommandSpec] { commands.map { $0.spec } }

    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.spec.name == name }
    }

    /// Runs one command line (without the program name) and returns the exit code.
    ///
    /// Every error ends here: written to standard error, turned into its exit code.
    public static func run(_ arguments: [String], in context: CommandContext) -> ExitCode {
        let code = runReportingErrors(arguments, in: context)
        // Output that did not all reach standard output fails the run, whatever the command made of it.
        guard let failure = context.output.writeFailure else { return code }
        let error = OutputError.standardOutput(errno: failure)
        if !error.isBrokenPipe { context.errorOutput.write("\(error)\n") }
        return error.exitCode
    }

    static func runReportingErrors(_ arguments: [String], in context: CommandContext) -> ExitCode {
        do {
            return try dispatch(arguments, in: context)
        } catch OutputError.standardOutput {
            // Said once, by `run`, from the sink's own failure.
            return .ioError
        } catch let error as UsageError {
            // Every message echoes something given (an argument, a path): its control characters shown escaped.
            context.errorOutput.write(SafeText.messageLines("laer: \(error)") + "\n")
            return error.exitCode
        } catch let error as any UserFacingError {
            context.errorOutput.write(SafeText.messageLines("\(error)") + "\n")
            return error.exitCode
        } catch {
            context.errorOutput.write(SafeText.messageLines("laer: \(error)") + "\n")
            return .ioError
        }
    }

    static func dispatch(_ arguments: [String], in context: CommandContext) throws -> ExitCode {
        // Global options may stand before the command; they are handed on to it.
        var carried: [String] = []
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("-"), first != "-" {
            rest.removeFirst()
            switch first {
            case "-h", "--help":
                context.output.write(HelpFormatter.mainHelp(commands: specs))
                return .success
            case "--version":
                context.output.write(versionText())
                return .success
            default:
                let name = String(first.dropFirst(2).prefix { $0 != "=" })
                guard first.hasPrefix("--"), let option = CommonOptions.global.first(where: { $0.name == name }) else {
                    let known = ["--help", "--version"] + CommonOptions.global.map { "--" + $0.name }
                    throw UsageError.unknownOption(first, command: "", suggestion: Suggestion.closest(to: first, among: known))
                }
                carried.append(first)
                if !first.contains("="), let value = rest.first {
                    carried.append(value)
                    rest.removeFirst()
                } else if !first.contains("=") {
                    throw UsageError.missingValue(option: option.name, valueName: option.valueName ?? "VALUE", command: "")
                }
            }
        }
        guard let name = rest.popFirst() else {
            context.output.write(HelpFormatter.mainHelp(commands: specs))
            return .success
        }
        if name == "help" {
            return try help(Array(rest), in: context)
        }
        guard let command = command(named: name) else {
            throw UsageError.unknownCommand(name, suggestion: Suggestion.closest(to: name, among: specs.map(\.name) + ["help"]))
        }
        let parsed = try ArgumentParser.parse(carried + Array(rest), for: command.spec)
        if parsed.flag("help") {
            context.output.write(HelpFormatter.commandHelp(command.spec))
            return .success
        }
        return try command.init(parsed).run(in: context)
    }

    static func help(_ arguments: [String], in context: CommandContext) throws -> ExitCode {
        guard let name = arguments.first else {
            context.output.write(HelpFormatter.mainHelp(commands: specs))
            return .success
        }
        guard arguments.count == 1 else { throw UsageError.unexpectedArgument(arguments[1], command: "help") }
        if name == "help" {
            context.output.write(HelpFormatter.commandHelp(HelpFormatter.helpSpec))
            return .success
        }
        guard let command = command(named: name) else {
            throw UsageError.unknownCommand(name, suggestion: Suggestion.closest(to: name, among: specs.map(\.name)))
        }
        context.output.write(HelpFormatter.commandHelp(command.spec))
        return .success
    }

    static func versionText() -> String {
        var text = "laer \(LAERVersion.current)"
        if let questionnaire = try? QuestionnaireLoader.builtIn() {
            text += " (built-in questionnaire \(questionnaire.id) \(questionnaire.version))"
        }
        return text + "\n"
    }
}
