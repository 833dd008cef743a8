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

    @Test func validatesWithoutAnyProblemNotEvenAWarning() throws {
        let check = QuestionnaireLoader.check(try JSONParser.parse(BuiltInQuestionnaire.bytes))
        #expect(check.problems.map(\.description) == [])
        #expect(check.questionnaire != nil)
    }

    @Test func isTheFileInQuestionnairesByteForByte() throws {
        let file = try Data(contentsOf: TestFiles.packageDirectory.appendingPathComponent("Questionnaires/laer.json"))
        #expect(Array(file) == BuiltInQuestionnaire.bytes)
    }

    @Test func hasThreeToFiveCapabilitiesInEveryCellAndSixtyOrSoInAll() throws {
        let questionnaire = try QuestionnaireLoader.builtIn()
        for marker in MarkerID.allCases {
            for phase in PhaseID.assessed {
                let count = questionnaire.capabilities(of: marker, in: phase).count
                #expect((3...5).contains(count), "\(marker.rawValue) × \(phase.rawValue) has \(count)")
            }
        }
        #expect((45...75).contains(questionnaire.capabilities.count))
        #expect(questionnaire.roadSigns.count == 5)
        #expect(questionnaire.markers.allSatisfy { $0.profiles.count == 4 })
    }

    @Test func everyCapabilityIsTracedToASeedWithAKnownOwner() throws {
        let questionnaire = try QuestionnaireLoader.builtIn()
        let seeds = Set([
            "000_f877d7d3fa0811c4.txt", "001_e5c43b3957fbb0c6.txt", "002_b519b5335a0a087b.txt", "003_b2b74de14db4e7bb.txt",
            "004_ee76081d24018bdf.txt",
        ])
        for capability in questionnaire.capabilities {
            #expect(seeds.contains(capability.source.file), "\(capability.id) cites \(capability.source.file)")
            #expect(Self.researchAreas.contains(capability.researchArea), "\(capability.id): \(capability.researchArea)")
            #expect(capability.id.hasPrefix("\(capability.marker.rawValue)-\(capability.phase.number)-"), "\(capability.id)")
            if capability.source.basis == .inferred {
                #expect(
                    capability.source.note.localizedCaseInsensitiveContains("infer"),
                    "\(capability.id): an inferred note should say what it infers from")
            }
        }
        let basis = Dictionary(grouping: questionnaire.capabilities, by: \.source.basis)
        #expect(basis[.stated, default: []].count > 0 && basis[.inferred, default: []].count > 0)
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
        for text in Self.allStrings(in: try JSONParser.parse(BuiltInQuestionnaire.bytes)) {
            overlaps += Self.runs(of: 8, in: text).filter(seedRuns.contains)
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
