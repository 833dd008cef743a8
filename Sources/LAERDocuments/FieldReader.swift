import LAERFormats
import LAERValues

/// Reads the members of one JSON object by name, recording every problem instead of stopping at the first.
///
/// Each accessor returns nil when the member is missing or of the wrong kind, so that a decoder can go
/// on and report the other problems of the document too.
struct FieldReader {
    let object: JSONObject
    let path: String
    private(set) var problems: [Problem] = []
    private var known: [String] = []

    init(_ object: JSONObject, at path: String) {
        self.object = object
        self.path = path
    }

    /// Reads a value of `kind` at `path`, or records why it cannot.
    static func object(_ value: JSONValue?, at path: String, problems: inout [Problem], what: String) -> JSONObject? {
        guard let value else {
            problems.append(Problem(path, "missing; add \(what)"))
            return nil
        }
        guard let object = value.objectValue else {
            problems.append(Problem(path, "expected \(what) (a JSON object), found \(value.kindDescription)"))
            return nil
        }
        return object
    }

    func memberPath(_ key: String) -> String { JSONPath.member(path, key) }

    mutating func value(_ key: String, required: Bool = true, what: String) -> JSONValue? {
        known.append(key)
        guard let value = object[key], value != .null || required else {
            if required { problems.append(Problem(memberPath(key), "missing; add \(what)")) }
            return nil
        }
        return value
    }

    /// A member of one kind (`kind` names it in the message), or nil after recording why not.
    private mutating func typed<T>(
        _ key: String, required: Bool, what: String, kind: String, _ extract: (JSONValue) -> T?
    ) -> T? {
        guard let value = value(key, required: required, what: what) else { return nil }
        guard let typed = extract(value) else {
            problems.append(Problem(memberPath(key), "expected \(what) (\(kind)), found \(value.kindDescription)"))
            return nil
        }
        return typed
    }

    /// A string of one line (`SafeText.line`): a name, an id, a statement.
    mutating func string(_ key: String, required: Bool = true, what: String) -> String? {
        guard let raw = typed(key, required: required, what: what, kind: "a string", \.stringValue) else { return nil }
        let text = SafeText.line(raw)
        guard !text.allSatisfy(\.isWhitespace) else {
            problems.append(Problem(memberPath(key), "is empty; write \(what)"))
            return nil
        }
        return text
    }

    /// An optional string of one line where an empty value means "not given" (templates leave such fields empty).
    mutating func optionalText(_ key: String, what: String) -> String? {
        typed(key, required: false, what: what, kind: "a string", \.stringValue).flatMap { Self.text($0) }
    }

    /// An optional note, which may have several lines (`SafeText.multiline`).
    mutating func optionalNote(_ key: String, what: String) -> String? {
        typed(key, required: false, what: what, kind: "a string", \.stringValue).flatMap { Self.text($0, multiline: true) }
    }

    /// Text from any reader (JSON, a sheet, a wide export) as laer keeps it.
    ///
    /// Made safe to show, trimmed, and nil when nothing is left. Every reader of names and notes
    /// uses this, so each gives the same text for the same input.
    static func text(_ raw: String, multiline: Bool = false) -> String? {
        let trimmed = (multiline ? SafeText.multiline(raw) : SafeText.line(raw)).trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }

    mutating func number(_ key: String, required: Bool = true, what: String) -> Double? {
        typed(key, required: required, what: what, kind: "a number") {
            if case .number(let number) = $0 { number } else { nil }
        }
    }

    mutating func array(_ key: String, required: Bool = true, what: String) -> [JSONValue]? {
        typed(key, required: required, what: what, kind: "a JSON array", \.arrayValue)
    }

    mutating func object(_ key: String, required: Bool = true, what: String) -> JSONObject? {
        typed(key, required: required, what: what, kind: "a JSON object", \.objectValue)
    }

    /// An array of strings, each checked; nil entries are left out after their problem is recorded.
    mutating func strings(_ key: String, required: Bool = true, what: String) -> [String]? {
        guard let elements = array(key, required: required, what: what) else { return nil }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            if let text = element.stringValue {
                result.append(SafeText.line(text))
            } else {
                problems.append(
                    Problem(JSONPath.element(memberPath(key), index), "expected a string, found \(element.kindDescription)"))
            }
        }
        return result
    }

    mutating func record(_ problem: Problem) {
        problems.append(problem)
    }

    /// Records members read under another name, duplicates and unknown members; returns every problem.
    mutating func finish(alsoKnown: [String] = []) -> [Problem] {
        known += alsoKnown
        let knownKeys = Set(known)
        var seen: Set<String> = []
        for key in object.keys {
            if !seen.insert(key).inserted {
                problems.append(Problem(memberPath(key), "appears more than once; keep one"))
            } else if !knownKeys.contains(key) {
                var message = "unknown member \(SafeText.quoted(key)) is ignored"
                // Only a problem that is listed gets a suggestion.
                if problems.count < InputLimits.listedProblems, let closest = Suggestion.closest(to: key, among: known) {
                    message += " (did you mean \"\(closest)\"?)"
                }
                problems.append(Problem(memberPath(key), message, severity: .warning))
            }
        }
        return problems
    }
}
