import Foundation
import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERSystem

/// Each completion script is loaded in its real shell and asked for completions.
@Suite struct ShellCompletionsTests {
    static func shellPath(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `shell -c command` with the script in a temporary file named by `$SCRIPT`.
    func run(_ shell: ShellCompletions.Shell, _ command: String) throws -> String {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent(
            "laer-completion-\(UUID().uuidString).\(shell.rawValue)")
        try ShellCompletions.script(for: shell, commands: CommandRegistry.specs).write(
            to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let shellPath = try #require(Self.shellPath(shell.rawValue))
        let result = try Subprocess.run(
            shellPath, shell == .zsh ? ["-f", "-c", command] : ["-c", command],
            environment: ["SCRIPT": script.path, "PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path])
        let output = result.output + result.errorOutput
        #expect(result.status == 0, "\(shell) said: \(output)")
        return output
    }

    @Test(.enabled(if: shellPath("bash") != nil))
    func bashCompletesCommandsOptionsAndChoices() throws {
        func complete(_ words: String) throws -> String {
            try run(
                .bash,
                "source \"$SCRIPT\"; COMP_WORDS=(\(words)); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _laer; echo \"${COMPREPLY[*]}\""
            )
            .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try complete("laer q") == "questionnaire")
        #expect(try complete("laer questionnaire --format ''") == "text markdown json")
        #expect(try complete("laer questionnaire --f") == "--format")
        #expect(try complete("laer completions ''") == "bash zsh fish")
        #expect(try complete("laer help v") == "validate")
        #expect(try run(.bash, "source \"$SCRIPT\"; complete -p laer").contains("-F _laer laer"))
    }

    /// A file name with spaces is one completion, not one per word; free-text values complete nothing.
    @Test(.enabled(if: shellPath("bash") != nil))
    func bashCompletesAFileNameWithSpacesWhole() throws {
        let scratch = try BatchScoringTests.Scratch()
        try scratch.write("my answers.csv", "id,rating\n")
        try scratch.write("my notes.json", "{}")
        func complete(_ words: String) throws -> [String] {
            try run(
                .bash,
                "cd \"\(scratch.path)\"; source \"$SCRIPT\"; COMP_WORDS=(\(words)); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _laer; printf '%s\\n' \"${COMPREPLY[@]}\""
            )
            .split(separator: "\n").map(String.init)
        }
        #expect(try complete("laer score 'my a'") == ["my answers.csv"])
        #expect(try complete("laer score --questionnaire my").sorted() == ["my answers.csv", "my notes.json"])
        #expect(try complete("laer survey --name my") == [])
        #expect(try complete("laer score --target laer-eff").sorted() == ["laer-effective", "laer-efficient"])
    }

    @Test(.enabled(if: shellPath("zsh") != nil))
    func zshLoadsTheScriptAndRegistersTheCompletion() throws {
        let output = try run(
            .zsh,
            "autoload -U compinit; compinit -u -D; source \"$SCRIPT\"; print -r -- $_comps[laer]; functions _laer > /dev/null && print loaded"
        )
        #expect(output == "_laer\nloaded\n")
    }

    @Test(.enabled(if: shellPath("fish") != nil))
    func fishCompletesCommandsOptionsAndChoices() throws {
        let commands = try run(.fish, "source $SCRIPT; complete -C 'laer '")
        #expect(
            commands.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }.sorted()
                == (CommandRegistry.specs.map(\.name) + ["help"]).sorted())
        let formats = try run(.fish, "source $SCRIPT; complete -C 'laer questionnaire --format '")
        #expect(formats.split(separator: "\n").map { $0.split(separator: "\t")[0] }.sorted() == ["json", "markdown", "text"])
        let shells = try run(.fish, "source $SCRIPT; complete -C 'laer completions '")
        #expect(shells.split(separator: "\n").map { $0.split(separator: "\t")[0] }.sorted() == ["bash", "fish", "zsh"])
    }

    @Test func everyCommandAndOptionAppearsInEveryScript() {
        for shell in ShellCompletions.Shell.allCases {
            let script = ShellCompletions.script(for: shell, commands: CommandRegistry.specs)
            for spec in CommandRegistry.specs {
                #expect(script.contains(spec.name))
                for option in spec.options {
                    #expect(script.contains(option.name), "\(shell) lacks --\(option.name) of \(spec.name)")
                }
            }
        }
    }

    @Test(arguments: ShellCompletions.Shell.allCases)
    func eachScriptMatchesItsGoldenFile(shell: ShellCompletions.Shell) throws {
        let run = CommandRun(["completions", shell.rawValue])
        #expect(run.exitCode == .success)
        #expect(run.errorOutput.isEmpty)
        #expect(run.output == ShellCompletions.script(for: shell, commands: CommandRegistry.specs))
        try assertSnapshot(run.output, named: "completions.\(shell.rawValue)")
    }

    /// The `_arguments` block of one command in the zsh script, from `name)` to its `;;`.
    static func zshBlock(_ name: String, in script: String) -> Substring? {
        guard let start = script.range(of: "\n        \(name))\n") else { return nil }
        let rest = script[start.upperBound...]
        return rest[..<(rest.range(of: "\n            ;;\n")?.lowerBound ?? rest.endIndex)]
    }

    /// The long options a zsh `_arguments` block offers: `'--name[…]'` or `{-n,--name}'[…]'`.
    static func zshOptions(in block: Substring) -> Set<String> {
        var names: Set<String> = []
        for piece in block.components(separatedBy: "--").dropFirst() {
            let name = piece.prefix { $0.isLetter || $0 == "-" }
            let next = piece.dropFirst(name.count).first
            if next == "[" || next == "}" { names.insert(String(name)) }
        }
        return names
    }

    /// zsh cannot be asked for completions without a terminal, so its script is read: each
    /// command's block offers exactly that command's options, and its positionals.
    @Test func zshOffersEachCommandExactlyItsOwnOptions() throws {
        let script = ShellCompletions.script(for: .zsh, commands: CommandRegistry.specs)
        for spec in CommandRegistry.specs {
            let block = try #require(Self.zshBlock(spec.name, in: script), "zsh has no case for \(spec.name)")
            #expect(Self.zshOptions(in: block) == Set(spec.options.map(\.name)), "zsh options of \(spec.name)")
            for option in spec.options where option.takesValue && !option.choices.isEmpty {
                #expect(
                    block.contains(":(\(option.choices.joined(separator: " ")))'"),
                    "zsh choices of --\(option.name) of \(spec.name)")
            }
            for positional in spec.positionals {
                #expect(block.contains(":\(positional.name.lowercased()):"), "zsh positional \(positional.name) of \(spec.name)")
            }
        }
        let score = try #require(Self.zshBlock("score", in: script))
        #expect(
            score.contains(
                #"'(-o --out)'{-o,--out}'[Write the report to this file, in the format its extension names; or, for several inputs, a directory input, a path ending in / or an existing directory, one report per result in that directory, with summary.csv]:path:_files'"#
            ))
    }

    @Test(.enabled(if: shellPath("bash") != nil))
    func bashCompletesEveryOptionOfEveryCommand() throws {
        for spec in CommandRegistry.specs {
            let reply = try run(
                .bash, "source \"$SCRIPT\"; COMP_WORDS=(laer \(spec.name) --); COMP_CWORD=2; _laer; echo \"${COMPREPLY[*]}\"")
            let offered = reply.split(whereSeparator: \.isWhitespace).map(String.init).sorted()
            #expect(offered == spec.options.map { "--" + $0.name }.sorted(), "bash, \(spec.name)")
        }
    }

    @Test(.enabled(if: shellPath("fish") != nil))
    func fishCompletesEveryOptionOfEveryCommand() throws {
        for spec in CommandRegistry.specs {
            let reply = try run(.fish, "source $SCRIPT; complete -C 'laer \(spec.name) --'")
            let offered = reply.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }.sorted()
            #expect(offered == spec.options.map { "--" + $0.name }.sorted(), "fish, \(spec.name)")
        }
    }

    @Test func zshDescriptionsEscapeTheirSpecialCharacters() {
        #expect(ShellCompletions.zshEscape("a [b]: it's") == #"a \[b\]\: it'\''s"#)
    }
}
