import LAERSystem
import LAERValues

/// An option a command accepts: a flag (`--plain`) or an option with a value (`--format json`).
package struct OptionSpec: Sendable, Equatable {
    package var name: String
    package var short: Character?
    /// The value's placeholder in help (`FILE`); nil for a flag.
    package var valueName: String?
    /// The values allowed, when the option is a choice (`text`, `markdown`, `json`).
    package var choices: [String]
    package var defaultValue: String?
    /// Values a shell offers for an option that is not a fixed choice.
    package var suggestions: [String] = []
    package var help: String
    /// Whether the option may be given more than once (`--questionnaire A --questionnaire B`).
    package var repeatable = false

    package static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, choices: [], defaultValue: nil, help: help)
    }

    package static func option(
        _ name: String, short: Character? = nil, value: String, choices: [String] = [], default defaultValue: String? = nil,
        help: String
    ) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: value, choices: choices, defaultValue: defaultValue, help: help)
    }

    package var takesValue: Bool { valueName != nil }

    /// Whether a shell completes the value with file names: the value is a path (`FILE`, `DIR`,
    /// `PATH`, `PREVIOUS`), not free text such as a name or a period.
    package var completesFiles: Bool {
        choices.isEmpty && ["FILE", "DIR", "PATH", "PREVIOUS"].contains(valueName ?? "")
    }

    /// The values a shell offers: the choices, or for an option that reads other spellings too
    /// (`--target 3`) the usual ones.
    package var offered: [String] { choices.isEmpty ? suggestions : choices }

    /// The same option, allowed more than once; its help says so.
    package func repeated(help: String) -> OptionSpec {
        var option = self
        option.repeatable = true
        option.help = help
        return option
    }
}

/// A positional argument: how many it takes, and what its values are for help and completions.
package struct PositionalSpec: Sendable, Equatable {
    package enum Count: Sendable, Equatable {
        case one, optional, oneOrMore, zeroOrMore
    }

    package enum Completion: Sendable, Equatable {
        case file
        case choices([String])
    }

    package var name: String
    package var count: Count
    package var completion: Completion
    package var help: String

    package init(_ name: String, count: Count, completion: Completion = .file, help: String) {
        self.name = name
        self.count = count
        self.completion = completion
        self.help = help
    }
}

/// What one command accepts; the parser, help text and shell completions are all made from it.
package struct CommandSpec: Sendable {
    package var name: String
    package var summary: String
    package var discussion: String
    package var positionals: [PositionalSpec]
    package var options: [OptionSpec]
    package var examples: [String]

    package init(
        name: String, summary: String, discussion: String = "", positionals: [PositionalSpec] = [],
        options: [OptionSpec] = [], examples: [String] = []
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.positionals = positionals
        self.options = options + [.flag("help", short: "h", help: "Show this help.")]
        self.examples = examples
    }

    func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }

    func option(short: Character) -> OptionSpec? { options.first { $0.short == short } }
}

/// A command line after parsing: option values by name, flags, and positionals in order.
package struct ParsedArguments: Sendable, Equatable {
    package var values: [String: String] = [:]
    /// Every value of a repeatable option, in the order given.
    package var repeatedValues: [String: [String]] = [:]
    package var flags: Set<String> = []
    package var positionals: [String] = []

    /// The option's value (the first, for a repeatable option given several times).
    package func value(_ name: String) -> String? { values[name] }

    /// Every value given to `name`, in order.
    package func values(_ name: String) -> [String] { repeatedValues[name] ?? values[name].map { [$0] } ?? [] }

    package func flag(_ name: String) -> Bool { flags.contains(name) }
}

/// Bad usage, reported with exit code 64 and, where one is close, the intended word.
package enum UsageError: UserFacingError, Equatable {
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, command: String, suggestion: String?)
    case missingValue(option: String, valueName: String, command: String)
    case invalidValue(option: String, value: String, choices: [String], command: String)
    case unexpectedValue(option: String, command: String)
    case repeatedOption(option: String, command: String)
    case missingArgument(name: String, command: String)
    case unexpectedArgument(String, command: String)
    /// A usage problem that the specification cannot express, such as two options that exclude each other.
    case other(String, command: String)

    package var exitCode: ExitCode { .usage }

    package var command: String? {
        switch self {
        case .unknownCommand: nil
        case .unknownOption(_, let command, _), .missingValue(_, _, let command), .invalidValue(_, _, _, let command),
            .unexpectedValue(_, let command), .repeatedOption(_, let command), .missingArgument(_, let command),
            .unexpectedArgument(_, let command), .other(_, let command):
            command
        }
    }

    package var description: String {
        let helpHint =
            command.flatMap { $0.isEmpty ? nil : "run 'laer \($0) --help' for usage" } ?? "run 'laer --help' for the commands"
        switch self {
        case .unknownCommand(let name, let suggestion):
            return "unknown command '\(name)'" + didYouMean(suggestion) + "; \(helpHint)"
        case .unknownOption(let option, _, let suggestion):
            return "unknown option '\(option)'" + didYouMean(suggestion) + "; \(helpHint)"
        case .missingValue(let option, let valueName, _):
            return "option '--\(option)' needs a value (\(valueName)); \(helpHint)"
        case .invalidValue(let option, let value, let choices, _):
            return "'\(value)' is not a valid value for '--\(option)'; \(Suggestion.expectedOneOf(choices, for: value))"
        case .unexpectedValue(let option, _):
            return "option '--\(option)' takes no value; \(helpHint)"
        case .repeatedOption(let option, _):
            return "option '--\(option)' is given more than once; give it once"
        case .missingArgument(let name, _):
            return "missing argument \(name); \(helpHint)"
        case .unexpectedArgument(let argument, _):
            return "unexpected argument '\(argument)'; \(helpHint)"
        case .other(let message, _):
            return "\(message); \(helpHint)"
        }
    }

    private func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }
}

/// The hand-written argument parser: GNU-style long options, a few short ones, `--` and `-`.
///
/// Accepted forms: `--name value`, `--name=value`, `-n value`, `-nvalue`, `--flag`, `-f`;
/// `--` ends the options; a lone `-` is a positional (standard input).
package enum ArgumentParser {
    package static func parse(_ arguments: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false

        func store(_ option: OptionSpec, _ value: String?) throws(UsageError) {
            guard option.takesValue else {
                if value != nil { throw .unexpectedValue(option: option.name, command: spec.name) }
                parsed.flags.insert(option.name)
                return
            }
            guard let value else {
                throw .missingValue(option: option.name, valueName: option.valueName ?? "VALUE", command: spec.name)
            }
            if !option.choices.isEmpty, !option.choices.contains(value) {
                throw .invalidValue(option: option.name, value: value, choices: option.choices, command: spec.name)
            }
            if option.repeatable {
                parsed.repeatedValues[option.name, default: []].append(value)
                if parsed.values[option.name] == nil { parsed.values[option.name] = value }
                return
            }
            if parsed.values[option.name] != nil {
                throw .repeatedOption(option: option.name, command: spec.name)
            }
            parsed.values[option.name] = value
        }

        func nextValue(for option: OptionSpec) -> String? {
            guard option.takesValue, index + 1 < arguments.count else { return nil }
            let candidate = arguments[index + 1]
            // A following option is not taken as a value, except the lone `-` (standard input).
            guard candidate == "-" || !candidate.hasPrefix("-") else { return nil }
            index += 1
            return candidate
        }

        while index < arguments.count {
            let argument = arguments[index]
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
            } else if argument == "--" {
                optionsEnded = true
            } else if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                guard let option = spec.option(named: name) else {
                    let names = spec.options.map { "--" + $0.name }
                    throw .unknownOption(
                        "--" + name, command: spec.name, suggestion: Suggestion.closest(to: "--" + name, among: names))
                }
                try store(option, inline ?? nextValue(for: option))
            } else {
                let letter = argument[argument.index(after: argument.startIndex)]
                guard let option = spec.option(short: letter) else {
                    let names = spec.options.compactMap { $0.short.map { "-\($0)" } } + spec.options.map { "--" + $0.name }
                    throw .unknownOption(argument, command: spec.name, suggestion: Suggestion.closest(to: argument, among: names))
                }
                let rest = String(argument.dropFirst(2))
                if option.takesValue {
                    let value = rest.isEmpty ? nextValue(for: option) : (rest.hasPrefix("=") ? String(rest.dropFirst()) : rest)
                    try store(option, value)
                } else {
                    guard rest.isEmpty else {
                        throw .unknownOption(argument, command: spec.name, suggestion: nil)
                    }
                    try store(option, nil)
                }
            }
            index += 1
        }

        if parsed.flag("help") { return parsed }
        try checkPositionals(parsed.positionals, spec: spec)
        for option in spec.options where option.takesValue && parsed.values[option.name] == nil {
            parsed.values[option.name] = option.defaultValue
        }
        return parsed
    }

    static func checkPositionals(_ positionals: [String], spec: CommandSpec) throws(UsageError) {
        var remaining = positionals[...]
        for positional in spec.positionals {
            switch positional.count {
            case .one:
                guard let value = remaining.popFirst() else { throw .missingArgument(name: positional.name, command: spec.name) }
                try checkChoice(value, positional, spec)
            case .optional:
                if let value = remaining.popFirst() { try checkChoice(value, positional, spec) }
            case .oneOrMore:
                guard !remaining.isEmpty else { throw .missingArgument(name: positional.name, command: spec.name) }
                remaining.removeAll()
            case .zeroOrMore:
                remaining.removeAll()
            }
        }
        if let extra = remaining.first {
            throw .unexpectedArgument(extra, command: spec.name)
        }
    }

    static func checkChoice(_ value: String, _ positional: PositionalSpec, _ spec: CommandSpec) throws(UsageError) {
        guard case .choices(let choices) = positional.completion, !choices.contains(value) else { return }
        throw .other(
            "'\(value)' is not a valid \(positional.name); \(Suggestion.expectedOneOf(choices, for: value))", command: spec.name)
    }
}
