import LAERSystem

/// Completion scripts for bash, zsh and fish, generated from the command specs so they never drift.
package enum ShellCompletions {
    package enum Shell: String, CaseIterable, Sendable {
        case bash, zsh, fish
    }

    package static func script(for shell: Shell, commands: [CommandSpec]) -> String {
        let all = commands + [HelpFormatter.helpSpec.withChoices(commands.map(\.name))]
        switch shell {
        case .bash: return bash(all)
        case .zsh: return zsh(all)
        case .fish: return fish(all)
        }
    }

    /// The first sentence of a help text, for the one-line descriptions shells show.
    static func brief(_ text: String) -> String {
        guard let end = text.firstRange(of: ". ") else { return text.hasSuffix(".") ? String(text.dropLast()) : text }
        return String(text[..<end.lowerBound])
    }

    // MARK: bash

    static func bash(_ commands: [CommandSpec]) -> String {
        var cases = ""
        for command in commands {
            var valueCases = ""
            for option in command.options where option.takesValue {
                let names = (["--" + option.name] + (option.short.map { ["-\($0)"] } ?? [])).joined(separator: "|")
                let reply =
                    !option.offered.isEmpty
                    ? "COMPREPLY=($(compgen -W \"\(option.offered.joined(separator: " "))\" -- \"$cur\"))"
                    : option.completesFiles ? "_laer_files" : "COMPREPLY=()"
                valueCases += "                \(names)) \(reply); return ;;\n"
            }
            let flags = command.options.map { "--" + $0.name }.joined(separator: " ")
            let positional: String
            switch command.positionals.first?.completion {
            case .choices(let choices)?:
                positional = "COMPREPLY=($(compgen -W \"\(choices.joined(separator: " "))\" -- \"$cur\"))"
            case .file?: positional = "_laer_files"
            case nil: positional = "COMPREPLY=()"
            }
            cases += """
                        \(command.name))
                            case "$prev" in
                \(valueCases)            esac
                            if [[ "$cur" == -* ]]; then
                                COMPREPLY=($(compgen -W "\(flags)" -- "$cur"))
                            else
                                \(positional)
                            fi
                            ;;

                """
        }
        return """
            # bash completion for laer. Load it with: source <(laer completions bash)
            # File names are split only at line ends and inserted quoted, so "my answers.csv" stays whole.
            _laer_files() {
                local IFS=$'\\n'
                compopt -o filenames 2>/dev/null
                COMPREPLY=($(compgen -f -- "$cur"))
            }
            _laer() {
                local cur="${COMP_WORDS[COMP_CWORD]}"
                local prev="${COMP_WORDS[COMP_CWORD-1]}"
                if [[ $COMP_CWORD -eq 1 ]]; then
                    COMPREPLY=($(compgen -W "\(commands.map(\.name).joined(separator: " ")) --help --version" -- "$cur"))
                    return
                fi
                case "${COMP_WORDS[1]}" in
            \(cases)    esac
            }
            complete -o bashdefault -o default -F _laer laer

            """
    }

    // MARK: zsh

    static func zshEscape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "'": result += "'\\''"
            case "[", "]", ":", "\\": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    static func zsh(_ commands: [CommandSpec]) -> String {
        let list = commands.map { "        '\($0.name):\(zshEscape(brief($0.summary)))'" }.joined(separator: "\n")
        var cases = ""
        for command in commands {
            var specs: [String] = []
            for option in command.options {
                let help = zshEscape(brief(option.help))
                var action = ""
                if option.takesValue {
                    let value = option.valueName?.lowercased() ?? "value"
                    action =
                        !option.offered.isEmpty
                        ? ":\(value):(\(option.offered.joined(separator: " ")))"
                        : option.completesFiles ? ":\(value):_files" : ":\(value): "
                }
                if let short = option.short {
                    specs.append("'(-\(short) --\(option.name))'{-\(short),--\(option.name)}'[\(help)]\(action)'")
                } else {
                    specs.append("'--\(option.name)[\(help)]\(action)'")
                }
            }
            for positional in command.positionals {
                let many = positional.count == .oneOrMore || positional.count == .zeroOrMore
                let action: String
                switch positional.completion {
                case .file: action = "_files"
                case .choices(let choices): action = "(\(choices.joined(separator: " ")))"
                }
                specs.append("'\(many ? "*" : ""):\(positional.name.lowercased()):\(action)'")
            }
            cases +=
                "        \(command.name))\n            _arguments -s \\\n                "
                + specs.joined(separator: " \\\n                ") + "\n            ;;\n"
        }
        return """
            #compdef laer
            # zsh completion for laer. Load it with: source <(laer completions zsh)
            # (after compinit), or save it as _laer in a directory of $fpath.
            _laer() {
                local -a commands
                commands=(
            \(list)
                )
                if (( CURRENT == 2 )); then
                    _describe -t commands 'laer command' commands
                    _arguments '--help[Show help]' '--version[Print the version]'
                    return
                fi
                local command=${words[2]}
                shift words
                (( CURRENT-- ))
                case $command in
            \(cases)    esac
            }
            if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
                _laer "$@"
            else
                compdef _laer laer
            fi

            """
    }

    // MARK: fish

    static func fishQuote(_ text: String) -> String {
        "'" + text.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
    }

    static func fish(_ commands: [CommandSpec]) -> String {
        var lines = [
            "# fish completion for laer. Load it with: laer completions fish | source",
            "complete -c laer -f",
            "complete -c laer -n __fish_use_subcommand -l help -s h -d \(fishQuote("Show help"))",
            "complete -c laer -n __fish_use_subcommand -l version -d \(fishQuote("Print the version"))",
        ]
        for command in commands {
            lines.append("complete -c laer -n __fish_use_subcommand -a \(command.name) -d \(fishQuote(brief(command.summary)))")
        }
        for command in commands {
            let condition = fishQuote("__fish_seen_subcommand_from \(command.name)")
            for option in command.options {
                var line = "complete -c laer -n \(condition) -l \(option.name)"
                if let short = option.short { line += " -s \(short)" }
                if option.takesValue {
                    line +=
                        !option.offered.isEmpty
                        ? " -x -a \(fishQuote(option.offered.joined(separator: " ")))" : option.completesFiles ? " -r -F" : " -x"
                }
                lines.append(line + " -d \(fishQuote(brief(option.help)))")
            }
            switch command.positionals.first?.completion {
            case .file?: lines.append("complete -c laer -n \(condition) -F")
            case .choices(let choices)?:
                lines.append("complete -c laer -n \(condition) -a \(fishQuote(choices.joined(separator: " ")))")
            case nil: break
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension CommandSpec {
    /// This spec with its first positional completing from `choices`.
    func withChoices(_ choices: [String]) -> CommandSpec {
        var copy = self
        if !copy.positionals.isEmpty { copy.positionals[0].completion = .choices(choices) }
        return copy
    }
}
