import Foundation
import Testing
@testable import LAERKit

/// The fast reader must agree with the full path: the same assessment when it accepts a file, and
/// nil (so the full path reports the problem) for anything else.
@Suite struct FastAnswerReaderTests {
    static func examples() throws -> [(String, [UInt8])] {
        let directory = TestFiles.packageDirectory.appendingPathComponent("Questionnaires/Examples")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted().map {
            ($0, Array(try Data(contentsOf: directory.appendingPathComponent($0))))
        }
    }

    @Test func readsEveryExampleExactlyAsTheFullPathDoes() throws {
        let questionnaire = try QuestionnaireLoader.builtIn()
        let reader = FastAnswerReader(questionnaire: questionnaire)
        let examples = try Self.examples()
        #expect(examples.count == 3)
        for (name, bytes) in examples {
            let full = AnswerLoader.read(InputFile(displayName: name, bytes: bytes), questionnaire: questionnaire)
            #expect(full.problems.isEmpty)
            #expect(reader.read(bytes) == full.assessment, "\(name)")
            #expect(reader.read(bytes) != nil, "\(name)")
        }
        let template = Array(AnswerTemplate.json(for: questionnaire, today: "2026-11-25").utf8)
        #expect(reader.read(template) == AnswerLoader.read(InputFile(displayName: "t", bytes: template), questionnaire: questionnaire).assessment)
    }

    @Test func readsTheMiniFixtureWithShorthandsNotesAndPlacements() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let bytes = Array(try TestFiles.fixtureText("answers-mini.json").utf8)
        let full = try AnswerLoader.load(InputFile(displayName: "a", bytes: bytes), questionnaire: questionnaire)
        #expect(FastAnswerReader(questionnaire: questionnaire).read(bytes) == nil || FastAnswerReader(questionnaire: questionnaire).read(bytes) == full)
        let plain = try TestFiles.fixtureText("answers-mini.json", replacing: [(#""note": "Usage dashboard, \"weekly\".""#, #""note": " Usage dashboard, weekly. ""#)])
        #expect(FastAnswerReader(questionnaire: questionnaire).read(Array(plain.utf8))
            == (try AnswerLoader.load(InputFile(displayName: "a", bytes: Array(plain.utf8)), questionnaire: questionnaire)))
    }

    @Test(arguments: [
        #"{"schema": "laer-answers/1", "questionnaire": {"id": "laer-efficient", "version": "1.0.0"}, "assessedOn": "2026-11-25", "answers": {}, "extra": 1}"#,
        #"{"schema": "laer-answers/1", "questionnaire": {"id": "laer-efficient", "version": "1.0.0"}, "assessedOn": "2026-11-25", "answers": {"kpis-2-usage-telemetry": "mostly"}}"#,
        #"{"schema": "laer-answers/1", "questionnaire": {"id": "laer-efficient", "version": "2.0.0"}, "assessedOn": "2026-11-25", "answers": {}}"#,
        #"{"schema": "laer-answers/1", "questionnaire": {"id": "laer-efficient", "version": "1.0.0"}, "assessedOn": "2026-13-25", "answers": {}}"#,
        #"{"schema": "laer-answers/1", "questionnaire": {"id": "laer-efficient", "version": "1.0.0"}, "assessedOn": "2026-11-25", "answers": {}, "respondent": {"name": "A\"B"}}"#,
        #"{"schema": "laer-answers/1", "questionnaire": {"id": "laer-efficient", "version": "1.0.0"}, "assessedOn": "2026-11-25"}"#,
        #"{"schema": "laer-answers/1", "questionnaire": {"id": "laer-efficient", "version": "1.0.0"}, "assessedOn": "2026-11-25", "answers": {}} x"#,
        #"{"schema": "laer-answers/1", "schema": "laer-answers/1", "questionnaire": {"id": "laer-efficient", "version": "1.0.0"}, "assessedOn": "2026-11-25", "answers": {}}"#,
    ])
    func leavesEverythingUnusualToTheFullPath(text: String) throws {
        #expect(FastAnswerReader(questionnaire: try QuestionnaireLoader.builtIn()).read(Array(text.utf8)) == nil)
    }

    /// Thousands of seeded random edits of a real file: whenever the fast reader accepts one, the
    /// full path accepts it without a single problem and reads the same assessment.
    @Test func randomEditsNeverMakeTheTwoPathsDisagree() throws {
        let questionnaire = try QuestionnaireLoader.builtIn()
        let reader = FastAnswerReader(questionnaire: questionnaire)
        let original = try Self.examples()[1].1
        var generator = SplitMix(seed: 2026)
        let alphabet = Array(#"{}[]":,\ nulltruefalse0123-9aé"#.utf8) + [0x0A, 0x00, 0xC3, 0xFF]
        var accepted = 0
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int(generator.next() % 3 + 1) {
                let position = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 4 {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                case 2: bytes[position] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                default:
                    let end = min(bytes.count, position + Int(generator.next() % 40))
                    bytes.insert(contentsOf: bytes[position..<end], at: position)
                }
            }
            guard let fast = reader.read(bytes) else { continue }
            accepted += 1
            let full = AnswerLoader.read(InputFile(displayName: "m", bytes: bytes), questionnaire: questionnaire)
            #expect(full.problems.isEmpty && full.assessment == fast, "an edit the two paths read differently: \(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(accepted > 50, "the edits should leave some files valid, or the test checks nothing")
    }
}

/// A small seeded generator, so random tests repeat exactly.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
