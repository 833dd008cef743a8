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
    static let knownFindings: [String: Known] = [:]

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
        try input.target.check(Array(Data(contentsOf: input.url)), checkingMessages: true)
    }

    @Test(arguments: inputs(under: findings))
    func foundInputKeepsEveryInvariant(_ input: Input) throws {
        let bytes = Array(try Data(contentsOf: input.url))
        switch Self.knownFindings[input.key] {
        case .crashes(let finding)?:
            withKnownIssue(Comment(rawValue: finding)) { Issue.record("not run: this input crashes the process") }
        case .breaks(let finding)?:
            withKnownIssue(Comment(rawValue: finding)) { try input.target.check(bytes, checkingMessages: true) }
        case nil:
            try input.target.check(bytes, checkingMessages: true)
        }
    }

    /// A listed finding whose input is gone would silently stop being checked.
    @Test func everyKnownFindingHasItsInput() {
        let keys = Set(Self.inputs(under: Self.findings).map(\.key))
        for key in Self.knownFindings.keys { #expect(keys.contains(key), "no input \(key) under Fixtures/fuzz") }
    }
}
