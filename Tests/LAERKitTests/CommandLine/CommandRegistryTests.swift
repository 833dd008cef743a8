import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERDocuments
@testable import LAERValues

@Suite struct CommandRegistryTests {
    @Test func noArgumentsAndHelpPrintTheMainHelp() {
        for arguments in [[], ["--help"], ["-h"], ["help"]] {
            let run = CommandRun(arguments)
            #expect(run.exitCode == .success)
            #expect(run.output.hasPrefix("laer: how far a technology company has come"))
            #expect(run.errorOutput.isEmpty)
        }
    }

    @Test func theMainHelpListsExactlyTheCommandsThatExist() {
        let help = CommandRun(["--help"]).output
        for spec in CommandRegistry.specs {
            #expect(help.contains("\n  \(spec.name) "), "missing \(spec.name)")
        }
        // No more than those: each line naming a command starts with two spaces and its name.
        let listed = help.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isLetter == true }
            .map { String($0.dropFirst(2).prefix { $0 != " " }) }
        #expect(listed == CommandRegistry.specs.map(\.name) + ["help"])
    }

    @Test func everyCommandHasHelpInAllThreeSpellings() {
        for spec in CommandRegistry.specs {
            let expected = HelpFormatter.commandHelp(spec)
            #expect(expected.hasPrefix("Usage: laer \(spec.name)"))
            #expect(CommandRun(["help", spec.name]).output == expected)
            #expect(CommandRun([spec.name, "--help"]).output == expected)
            #expect(CommandRun([spec.name, "-h"]).output == expected)
        }
        #expect(CommandRun(["help", "help"]).output.hasPrefix("Usage: laer help [COMMAND]"))
    }

    @Test func versionNamesLaerAndTheBuiltInQuestionnaire() throws {
        let run = CommandRun(["--version"])
        let questionnaire = try QuestionnaireLoader.builtIn()
        #expect(
            run.output == "laer \(LAERVersion.current) (built-in questionnaire \(questionnaire.id) \(questionnaire.version))\n")
    }

    @Test func anUnknownCommandExits64WithASuggestion() {
        let run = CommandRun(["questionaire"])
        #expect(run.exitCode == .usage)
        #expect(
            run.errorOutput
                == "laer: unknown command 'questionaire' (did you mean 'questionnaire'?); run 'laer --help' for the commands\n")
        #expect(run.output.isEmpty)
        #expect(
            CommandRun(["help", "valdate"]).errorOutput
                == "laer: unknown command 'valdate' (did you mean 'validate'?); run 'laer --help' for the commands\n")
        #expect(CommandRun(["help", "a", "b"]).exitCode == .usage)
    }

    @Test func anUnknownOptionExits64WithASuggestion() {
        let run = CommandRun(["questionnaire", "--formt", "json"])
        #expect(run.exitCode == .usage)
        #expect(
            run.errorOutput
                == "laer: unknown option '--formt' (did you mean '--format'?); run 'laer questionnaire --help' for usage\n")
        let before = CommandRun(["--colr", "never", "questionnaire"])
        #expect(before.exitCode == .usage)
        #expect(
            before.errorOutput == "laer: unknown option '--colr' (did you mean '--color'?); run 'laer --help' for the commands\n")
    }

    @Test func globalOptionsMayStandBeforeTheCommand() {
        let run = CommandRun(["--color", "always", "questionnaire"], outputIsTerminal: false)
        #expect(run.exitCode == .success)
        #expect(run.output.contains("\u{1B}["))
        #expect(CommandRun(["--color=never", "questionnaire"], outputIsTerminal: true).output.contains("\u{1B}[") == false)
        #expect(CommandRun(["--color"]).exitCode == .usage)
        #expect(
            CommandRun(["--color", "sometimes", "questionnaire"]).errorOutput
                == "laer: 'sometimes' is not a valid value for '--color'; expected one of auto, always, never\n")
    }

    @Test func colourFollowsTheTerminalAndNoColor() {
        #expect(CommandRun(["questionnaire"], outputIsTerminal: true).output.contains("\u{1B}["))
        #expect(!CommandRun(["questionnaire"], outputIsTerminal: false).output.contains("\u{1B}["))
        #expect(!CommandRun(["questionnaire"], environment: ["NO_COLOR": "1"], outputIsTerminal: true).output.contains("\u{1B}["))
        #expect(!CommandRun(["questionnaire"], environment: ["TERM": "dumb"], outputIsTerminal: true).output.contains("\u{1B}["))
        #expect(CommandRun(["questionnaire", "--color", "always"], environment: ["NO_COLOR": "1"]).output.contains("\u{1B}["))
    }
}
