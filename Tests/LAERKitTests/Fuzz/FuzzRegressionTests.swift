import Foundation
import LAERFuzzTargets
import Testing

/// Every seed of `Tests/Fuzz/Corpus/<target>/` and every input a fuzzer found
/// (`Fixtures/fuzz/<target>/`) run through its target's checks, as `laer-fuzz` runs them.
///
/// An input whose fix has not landed is listed in `knownFindings`: one that breaks an invariant
/// is expected to (and the test fails once it no longer does, so that the entry is removed); one
/// that crashes the process is not run at all.
@Suite struct FuzzRegressionTests {
    enum Known {
        /// Breaks an invariant: run, and its failure expected.
        case breaks(String)
        /// Crashes (a trap or a sanitizer report): not run, since it would stop the test run.
        case crashes(String)
    }

    /// The inputs of fuzzer findings not fixed yet, by `target/file`, with the finding they show.
    static let knownFindings: [String: Known] = [
        "keys/c1-control-typed": .breaks(fz01),
        "keys/c1-control-after-escape": .breaks(fz01),
        "values/line-source-crlf": .breaks(fz02),
        "values/line-source-final-cr": .breaks(fz02),
        "values/line-source-final-cr-fuzzed": .breaks(fz02),
        "values/organization-key-twice": .breaks(fz04),
        "values/organization-key-twice-fuzzed": .breaks(fz04),
        "keys/long-control-sequence": .breaks(fz05),
        "values/iso-date-with-signs": .breaks(fz06),
        "values/quarter-of-year-999": .breaks(fz07),
        "values/period-of-year-999": .breaks(fz07),
    ]
    static let fz01 =
        "FZ01: KeyDecoder reads a UTF-8 C1 control (U+0080–U+009F, such as C2 9B, the 8-bit CSI) as a printable .character, which a text field keeps; a paste drops them"
    static let fz04 =
        "FZ04: OrganizationName.key folds one trailing full stop before trimming, so \"Acme Corp. .\" keys as \"acme corp.\", which keys again as \"acme corp\": the two spellings are two organizations"
    static let fz05 =
        "FZ05: KeyDecoder drops a control sequence of over 32 bytes only when it arrives in pieces: ESC [ with 40 parameter bytes and A is the Up key in one read, and a typed 'A' when split"
    static let fz06 =
        "FZ06: AnswerRules.isISODate takes signed numbers (Int(\"+1\")), so assessedOn \"2026-+1-+5\" or \"+999-01-01\" is a valid date"
    static let fz07 =
        "FZ07: Quarter.label pads no year below 1000 (\"999-Q1\"), which Quarter(period:) does not read back, so a date of year 0999 has no period"
    static let fz02 =
        "FZ02: BufferedLineSource splits Characters, so CRLF (one Character) ends no line and a last line's CR is dropped; DescriptorLineSource, the real process's, splits bytes at LF"

    static let corpus = TestFiles.packageDirectory.appendingPathComponent("Tests/Fuzz/Corpus")
    static let findings = TestFiles.fixture("fuzz")

    struct Input: CustomTestStringConvertible, Sendable {
        var target: FuzzTarget
        var url: URL
        var key: String { "\(target.rawValue)/\(url.lastPathComponent)" }
        var testDescription: String { key }
    }

    static func inputs(under directory: URL) -> [Input] {
        FuzzTarget.allCases.flatMap { target in
            let folder = directory.appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map {
                Input(target: target, url: folder.appendingPathComponent($0))
            }
        }
    }

    @Test func everyTargetHasSeeds() {
        let seeded = Set(Self.inputs(under: Self.corpus).map(\.target))
        #expect(seeded == Set(FuzzTarget.allCases))
    }

    @Test(arguments: inputs(under: corpus))
    func seedKeepsEveryInvariant(_ input: Input) throws {
        try input.target.check(Array(Data(contentsOf: input.url)))
    }

    @Test(arguments: inputs(under: findings))
    func foundInputKeepsEveryInvariant(_ input: Input) throws {
        let bytes = Array(try Data(contentsOf: input.url))
        switch Self.knownFindings[input.key] {
        case .crashes(let finding)?:
            withKnownIssue(Comment(rawValue: finding)) { Issue.record("not run: this input crashes the process") }
        case .breaks(let finding)?:
            withKnownIssue(Comment(rawValue: finding)) { try input.target.check(bytes) }
        case nil:
            try input.target.check(bytes)
        }
    }

    /// A listed finding whose input is gone would silently stop being checked.
    @Test func everyKnownFindingHasItsInput() {
        let keys = Set(Self.inputs(under: Self.findings).map(\.key))
        for key in Self.knownFindings.keys { #expect(keys.contains(key), "no input \(key) under Fixtures/fuzz") }
    }
}
