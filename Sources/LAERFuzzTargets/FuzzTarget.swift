import LAERValues

/// The parsers `laer-fuzz` drives, each with the invariants it checks beyond "does not crash".
///
/// A check throws the first invariant the bytes break; a crash in the code under test stays a
/// crash, for libFuzzer to catch. The regression tests run the saved inputs through the same checks.
package enum FuzzTarget: String, CaseIterable, Sendable {
    /// The answer file: the fast reader against the full path, and a round trip through the encoder.
    case answers
    /// The CSV reader in every dialect, then the answer sheet and the wide export on the same bytes.
    case csv
    /// The questionnaire loader and validator, and what a valid questionnaire's templates read back as.
    case questionnaire
    /// The terminal's key decoder: the bytes in one chunk or split anywhere give the same keys.
    case keys
    /// `FastAnswerReader.identity(of:)` against the id and version the JSON parser reads.
    case identity
    /// The small parsers: versions, quarters, dates, ratings, phases, organization names, column
    /// maps and the survey's line-mode answers; the first byte picks one.
    case values

    /// Runs the bytes through this target's parsers and checks its invariants.
    ///
    /// With `checkingMessages`, every message the input causes is checked too (`MessageCheck`):
    /// off by default while the parsers still echo input raw, so that it does not hide the rest.
    package func check(_ bytes: [UInt8], checkingMessages: Bool = false) throws(FuzzFailure) {
        let messages = MessageCheck(target: self, isOn: checkingMessages)
        switch self {
        case .answers: try AnswersTarget.check(bytes, messages: messages)
        case .csv: try CSVTarget.check(bytes, messages: messages)
        case .questionnaire: try QuestionnaireTarget.check(bytes, messages: messages)
        case .keys: try KeysTarget.check(bytes)
        case .identity: try IdentityTarget.check(bytes)
        case .values: try ValuesTarget.check(bytes, messages: messages)
        }
    }

    /// The target an input's directory is named after, such as `csv` for `fuzz/csv/crash-1`.
    package static let names = allCases.map(\.rawValue).joined(separator: ", ")
}

/// An invariant the input broke: which target, which rule, and what was seen.
package struct FuzzFailure: Error, Sendable, CustomStringConvertible {
    package var target: FuzzTarget
    package var invariant: String
    package var detail: String

    package init(_ target: FuzzTarget, _ invariant: String, _ detail: String = "") {
        self.target = target
        self.invariant = invariant
        self.detail = detail
    }

    package var description: String {
        "laer-fuzz \(target.rawValue): \(invariant)" + (detail.isEmpty ? "" : "\n\(detail)")
    }
}

/// Throws `FuzzFailure` when `condition` is false; the texts are made only then.
@inline(__always)
func expect(
    _ condition: Bool, _ target: FuzzTarget, _ invariant: @autoclosure () -> String, _ detail: @autoclosure () -> String = ""
) throws(FuzzFailure) {
    if !condition { throw FuzzFailure(target, invariant(), detail()) }
}

/// Bytes shown in a failure: printable ASCII and letters as they are, anything else escaped, cut at a few KB.
func shown(_ bytes: [UInt8]) -> String {
    var text = ""
    for scalar in String(decoding: bytes.prefix(4_096), as: UTF8.self).unicodeScalars {
        let isPlain = (0x20..<0x7F).contains(scalar.value) && scalar != "\\"
        let isLetter = scalar.value >= 0xA0 && scalar.properties.isAlphabetic && !MessageCheck.isUnsafe(scalar)
        if isPlain || isLetter {
            text.unicodeScalars.append(scalar)
        } else {
            text += "\\u{\(String(scalar.value, radix: 16))}"
        }
    }
    return bytes.count > 4_096 ? text + "… (\(bytes.count) bytes)" : text
}
