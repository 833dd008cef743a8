import LAERBatch
import LAERReports
import LAERSystem
import LAERValues

/// Renders `laer --help` and each command's help from the command specs.
package enum HelpFormatter {
    static let width = 80

    package static func mainHelp(commands: [CommandSpec]) -> String {
        var text = """
            laer: how far a technology company has come on the journey to LAER Efficient
            (Land, Adopt, Expand, Renew), and what to build next.

            Usage: laer <command> [options]

            Commands:

            """
        let nameWidth = (commands.map(\.name.count).max() ?? 0) + 2
        for command in commands + [helpSpec] {
            let name = "  " + command.name.padded(to: nameWidth)
            text += TextWrap.indented(command.summary, width: width, indent: name.count, firstPrefix: name) + "\n"
        }
        text += """

            Options:
              -h, --help      Show this help.
              --version       Print laer's version and the built-in questionnaire's.

            Run 'laer help <command>' or 'laer <command> --help' for a command's options.

            """
        return text
    }

    static let helpSpec = CommandSpec(
        name: "help", summary: "Show help for laer or for one command.",
        positionals: [PositionalSpec("COMMAND", count: .optional, completion: .choices([]), help: "The command to explain.")])

    package static func commandHelp(_ spec: CommandSpec) -> String {
        var text = "Usage: \(usageLine(spec))\n\n"
        text += TextWrap.lines(spec.summary, width: width).joined(separator: "\n") + "\n"
        if !spec.discussion.isEmpty {
            text += "\n" + TextWrap.lines(spec.discussion, width: width).joined(separator: "\n") + "\n"
        }
        if !spec.positionals.isEmpty {
            text += "\nArguments:\n"
            let labels = spec.positionals.map { "  " + $0.name }
            text += table(labels, spec.positionals.map(\.help))
        }
        text += "\nOptions:\n"
        let labels = spec.options.map { option -> String in
            var label = option.short.map { "  -\($0), " } ?? "      "
            label += "--" + option.name
            if let value = option.valueName { label += " " + value }
            return label
        }
        let helps = spec.options.map { option -> String in
            guard let defaultValue = option.defaultValue else { return option.help }
            return option.help + " Default: \(defaultValue)."
        }
        text += table(labels, helps)
        if !spec.examples.isEmpty {
            text += "\nExamples:\n" + spec.examples.map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }

    package static func usageLine(_ spec: CommandSpec) -> String {
        var parts = ["laer", spec.name]
        for option in spec.options where option.name != "help" {
            parts.append("[--\(option.name)\(option.valueName.map { " " + $0 } ?? "")]")
        }
        for positional in spec.positionals {
            switch positional.count {
            case .one: parts.append(positional.name)
            case .optional: parts.append("[\(positional.name)]")
            case .oneOrMore: parts.append("\(positional.name)...")
            case .zeroOrMore: parts.append("[\(positional.name)...]")
            }
        }
        return parts.joined(separator: " ")
    }

    private static func table(_ labels: [String], _ helps: [String]) -> String {
        let column = min(32, (labels.map(\.count).max() ?? 0) + 2)
        return zip(labels, helps).map { label, help in
            if label.count + 2 > column {
                return label + "\n" + TextWrap.indented(help, width: width, indent: column)
            }
            let first = label.padded(to: column)
            return TextWrap.indented(help, width: width, indent: column, firstPrefix: first)
        }.joined(separator: "\n") + "\n"
    }
}
