import LAERSystem
import LAERValues

/// `laer completions SHELL`: prints a completion script.
struct CompletionsCommand: Command {
    static let spec = CommandSpec(
        name: "completions",
        summary: "Print a shell completion script for bash, zsh or fish.",
        discussion: "Load it in the running shell, or save it where the shell looks for completions.",
        positionals: [
            PositionalSpec(
                "SHELL", count: .one, completion: .choices(ShellCompletions.Shell.allCases.map(\.rawValue)),
                help: "bash, zsh or fish.")
        ],
        examples: [
            "source <(laer completions bash)",
            "laer completions zsh > \"${fpath[1]}/_laer\"",
            "laer completions fish > ~/.config/fish/completions/laer.fish",
        ])

    let shell: ShellCompletions.Shell

    init(_ arguments: ParsedArguments) throws(UsageError) {
        // The parser has already checked the value against the positional's choices.
        shell = ShellCompletions.Shell(rawValue: arguments.positionals[0]) ?? .bash
    }

    func run(in context: CommandContext) throws -> ExitCode {
        context.output.write(ShellCompletions.script(for: shell, commands: CommandRegistry.specs))
        return .success
    }
}
