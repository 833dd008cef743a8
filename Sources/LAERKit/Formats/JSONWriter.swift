/// Writes `JSONValue`s as text: deterministic, optionally indented and with sorted keys.
public struct JSONWriter: Sendable {
    public var pretty: Bool
    public var sortedKeys: Bool

    public init(pretty: Bool = true, sortedKeys: Bool = true) {
        self.pretty = pretty
        self.sortedKeys = sortedKeys
    }

    public func string(from value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, to: &output)
        return output
    }

    private func write(_ value: JSONValue, indent: Int, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += JSONWriter.format(number)
        case .string(let text): JSONWriter.writeQuoted(text, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                newline(indent + 1, &output)
                write(element, indent: indent + 1, to: &output)
            }
            newline(indent, &output)
            output += "]"
        case .object(let object):
            guard !object.members.isEmpty else { output += "{}"; return }
            let members = sortedKeys ? object.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } : object.members
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                newline(indent + 1, &output)
                JSONWriter.writeQuoted(member.key, to: &output)
                output += pretty ? ": " : ":"
                write(member.value, indent: indent + 1, to: &output)
            }
            newline(indent, &output)
            output += "}"
        }
    }

    private func newline(_ indent: Int, _ output: inout String) {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    /// Integers print without a fraction; other numbers in Swift's shortest round-trip form.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    static func writeQuoted(_ text: String, to output: inout String) {
        // Most strings need no escape: copy them whole. 0xE2 may start U+2028 or U+2029.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }) {
            output += "\""
            output += text
            output += "\""
            return
        }
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
