import Foundation
import LAERQuestionnaires
import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERSystem
@testable import LAERValues

/// The questionnaire compiled into the binary: it must validate, cover every cell, and be our own words.
@Suite struct BuiltInQuestionnaireTests {
    static let seedsDirectory = TestFiles.packageDirectory.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static let researchAreas: Set<String> = [
        "Customer Success", "Expand Selling", "Renewals", "Support Services", "Education Services", "Professional Services",
        "Managed Services", "Field Services", "XaaS Product Management", "Service Revenue Strategies",
    ]

    static let versions = BuiltInQuestionnaire.history

    @Test(arguments: versions.map(\.displayName))
    func everyVersionValidatesWithoutAnyProblemNotEvenAWarning(_ name: String) throws {
        let document = try #require(Self.versions.first { $0.displayName == name })
        let check = QuestionnaireLoader.check(try JSONParser.parse(document.bytes))
        #expect(check.problems.map(\.description) == [])
        #expect(check.questionnaire != nil)
    }

    /// The embedded texts are the files in `Questionnaires/`, every `laer-*.json` of them, each
    /// named after the version it holds: `.ci/embed-questionnaires` writes them.
    @Test func everyVersionIsItsFileInQuestionnairesByteForByte() throws {
        let directory = TestFiles.packageDirectory.appendingPathComponent("Questionnaires")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("laer-") && $0.hasSuffix(".json") }.sorted()
        let stale = "Sources/LAERQuestionnaires/EmbeddedQuestionnaires.swift is stale: run .ci/embed-questionnaires"
        #expect(Self.versions.map(\.displayName).sorted() == files.map { "Questionnaires/" + $0 }, "\(stale)")
        for document in Self.versions {
            let file = try Data(contentsOf: TestFiles.packageDirectory.appendingPathComponent(document.displayName))
            #expect(Array(file) == document.bytes, "\(document.displayName): \(stale)")
            let questionnaire = try QuestionnaireLoader.load(QuestionnaireLoader.file(document))
            #expect(document.displayName == "Questionnaires/laer-\(questionnaire.version).json")
        }
    }

    @Test func theHistoryIsOneQuestionnaireInVersionOrderAndTheNewestIsWhatNewAnswersUse() throws {
        let history = try QuestionnaireLoader.builtInHistory()
        #expect(history.count == Self.versions.count)
        #expect(Set(history.map(\.id)).count == 1)
        #expect(history.map(\.version) == history.map(\.version).sorted(by: >))
        #expect(try QuestionnaireLoader.builtIn() == history[0])
        #expect(QuestionnaireLoader.builtInFile.displayName == Self.versions.last?.displayName)
    }

    @Test func everyVersionHasFourOrFiveCapabilitiesInEveryCellSinceOneDotOneAndSixtyOrSoInAll() throws {
        for questionnaire in try QuestionnaireLoader.builtInHistory() {
            let cell = questionnaire.version >= SemanticVersion(major: 1, minor: 1, patch: 0) ? 4...5 : 3...5
            for marker in MarkerID.allCases {
                for phase in PhaseID.assessed {
                    let count = questionnaire.capabilities(of: marker, in: phase).count
                    #expect(cell.contains(count), "\(questionnaire.version): \(marker.rawValue) × \(phase.rawValue) has \(count)")
                }
            }
            #expect((45...75).contains(questionnaire.capabilities.count))
            #expect(questionnaire.roadSigns.count == 5)
            #expect(questionnaire.markers.allSatisfy { $0.profiles.count == 4 })
        }
    }

    @Test func everyCapabilityIsTracedToASeedWithAKnownOwnerAndNamedByItsWorkNotItsFile() throws {
        let seeds = Set([
            "000_f877d7d3fa0811c4.txt", "001_e5c43b3957fbb0c6.txt", "002_b519b5335a0a087b.txt", "003_b2b74de14db4e7bb.txt",
            "004_ee76081d24018bdf.txt",
        ])
        for questionnaire in try QuestionnaireLoader.builtInHistory() {
            #expect(Set(questionnaire.references.map(\.file)) == seeds, "\(questionnaire.version)")
            for capability in questionnaire.capabilities {
                let place = "\(questionnaire.version) \(capability.id)"
                #expect(seeds.contains(capability.source.file), "\(place) cites \(capability.source.file)")
                #expect(Self.researchAreas.contains(capability.researchArea), "\(place): \(capability.researchArea)")
                #expect(capability.id.hasPrefix("\(capability.marker.rawValue)-\(capability.phase.number)-"), "\(place)")
                // What a person reads names a work, never a seed's file or its number.
                let note = capability.source.note
                #expect(
                    !note.contains(".txt")
                        && note.range(of: #"(?<![,.\d])\b00[0-4]\b(?![,.]\d)"#, options: .regularExpression) == nil,
                    "\(place): \(note)")
                #expect(!questionnaire.citation(of: capability.source).contains(".txt"), "\(place)")
                if capability.source.basis == .inferred {
                    #expect(
                        note.localizedCaseInsensitiveContains("infer") || note.localizedCaseInsensitiveContains("judgement"),
                        "\(place): an inferred note should say what it infers from, or what is expert judgement")
                }
            }
            let basis = Dictionary(grouping: questionnaire.capabilities, by: \.source.basis)
            #expect(basis[.stated, default: []].count > 0 && basis[.inferred, default: []].count > 0)
        }
    }

    /// What the seed check does: run when the seeds are there; without them fail in CI (a check CI
    /// skips silently checks nothing) and skip elsewhere, where a checkout may lack `../shared`.
    enum SeedCheck: Equatable { case run, fail, skip }

    static func seedCheck(seedsExist: Bool, environment: [String: String]) -> SeedCheck {
        if seedsExist { return .run }
        return environment["CI"]?.lowercased() == "true" ? .fail : .skip
    }

    static var seedsExist: Bool { FileManager.default.fileExists(atPath: seedsDirectory.path) }

    @Test func theSeedCheckFailsInCIWithoutTheSeedsAndSkipsOnlyOutsideIt() {
        #expect(Self.seedCheck(seedsExist: true, environment: [:]) == .run)
        #expect(Self.seedCheck(seedsExist: true, environment: ["CI": "true"]) == .run)
        #expect(Self.seedCheck(seedsExist: false, environment: ["CI": "true"]) == .fail)
        #expect(Self.seedCheck(seedsExist: false, environment: ["CI": "TRUE"]) == .fail)
        #expect(Self.seedCheck(seedsExist: false, environment: [:]) == .skip)
        #expect(Self.seedCheck(seedsExist: false, environment: ["CI": "false"]) == .skip)
    }

    /// No run of eight words of the questionnaire may stand in a seed article.
    @Test(
        .enabled(
            if: seedCheck(seedsExist: seedsExist, environment: ProcessInfo.processInfo.environment) != .skip,
            "no seed articles in ../shared/seeds; skipped outside CI (with CI=true this fails)"))
    func sharesNoRunOfEightWordsWithTheSeeds() throws {
        try #require(
            Self.seedsExist,
            "CI=true, but the seed articles are missing at \(Self.seedsDirectory.path); CI must not skip this check")
        let seedFiles = try FileManager.default.contentsOfDirectory(at: Self.seedsDirectory, includingPropertiesForKeys: nil)
        #expect(seedFiles.count == 5)
        var seedRuns: Set<String> = []
        for file in seedFiles {
            seedRuns.formUnion(Self.runs(of: 8, in: try String(contentsOf: file, encoding: .utf8)))
        }
        var overlaps: [String] = []
        for document in Self.versions {
            // The references' titles are the seeds' own, quoted to name them.
            var parsed = try JSONParser.parse(document.bytes)
            if case .object(var object) = parsed {
                object.members.removeAll { $0.key == "references" }
                parsed = .object(object)
            }
            for text in Self.allStrings(in: parsed) {
                overlaps += Self.runs(of: 8, in: text).filter(seedRuns.contains).map { "\(document.displayName): \($0)" }
            }
        }
        #expect(overlaps == [])
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: "’", with: "'")
            .split { !($0.isLetter || $0.isNumber || $0 == "'") }
            .map(String.init)
    }

    static func runs(of length: Int, in text: String) -> [String] {
        let words = words(text)
        guard words.count >= length else { return [] }
        return (0...(words.count - length)).map { words[$0..<($0 + length)].joined(separator: " ") }
    }

    static func allStrings(in value: JSONValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .array(let elements): elements.flatMap(allStrings)
        case .object(let object): object.members.flatMap { allStrings(in: $0.value) }
        default: []
        }
    }
}
