import Foundation
import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERReports
@testable import LAERSystem
@testable import LAERValues

/// The fast reader must agree with the full path: the same assessment when it accepts a file, and
/// nil (so the full path reports the problem) for anything else.
@Suite struct FastAnswerReaderTests {
    /// The version the examples and the texts below were made with.
    static func oneDotZero() throws -> Questionnaire {
        try #require(try QuestionnaireLoader.builtIn(version: "1.0.0")).0
    }

    static func examples() throws -> [(String, [UInt8])] {
        let directory = TestFiles.packageDirectory.appendingPathComponent("Questionnaires/Examples")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted().map {
            ($0, Array(try Data(contentsOf: directory.appendingPathComponent($0))))
        }
    }

    @Test func readsEveryExampleExactlyAsTheFullPathDoes() throws {
        let catalog = QuestionnaireCatalog(try QuestionnaireLoader.builtInHistory())
        let examples = try Self.examples()
        #expect(examples.count == 6)
        var versions: Set<String> = []
        for (name, bytes) in examples {
            // Each with the version it was made with, as score reads it.
            let version = AnswerLoader.jsonVersion(try JSONParser.parse(bytes), in: catalog)
            let questionnaire = catalog.questionnaires[version]
            versions.insert(questionnaire.version.description)
            let reader = FastAnswerReader(questionnaire: questionnaire)
            let full = AnswerLoader.read(InputFile(displayName: name, bytes: bytes), questionnaire: questionnaire)
            #expect(full.problems.isEmpty, "\(name)")
            #expect(reader.read(bytes) == full.assessment, "\(name)")
            #expect(reader.read(bytes) != nil, "\(name)")
        }
        #expect(versions == Set(catalog.questionnaires.map(\.version.description)), "examples of every version")
        for questionnaire in catalog.questionnaires {
            let reader = FastAnswerReader(questionnaire: questionnaire)
            let template = Array(AnswerTemplate.json(for: questionnaire, today: "2026-11-25").utf8)
            #expect(
                reader.read(template)
                    == AnswerLoader.read(InputFile(displayName: "t", bytes: template), questionnaire: questionnaire).assessment)
        }
    }

    @Test func findsTheIdentityWhereLaerWritesItAndNowhereElse() throws {
        func identity(_ text: String) -> String? {
            FastAnswerReader.identity(of: Array(text.utf8)).map { "\($0.id) \($0.version)" }
        }
        let example = try #require(try Self.examples().first { $0.0 == "northwind-experiment.json" }).1
        #expect(FastAnswerReader.identity(of: example).map { "\($0.id) \($0.version)" } == "laer-efficient 1.0.0")
        #expect(identity("\u{FEFF} \n{\"questionnaire\": {\"version\": \"1.1.0\", \"id\": \"x\"}, \"answers\": {}}") == "x 1.1.0")
        #expect(identity(#"{"schema": "laer-answers/1", "questionnaire": {"id": "x", "version": "2.0.0"}"#) == "x 2.0.0")
        // Elsewhere, or incomplete: the reader of the newest version decides.
        #expect(identity(#"{"answers": {}, "questionnaire": {"id": "x", "version": "1.0.0"}}"#) == nil)
        #expect(identity(#"{"questionnaire": {"id": "x"}}"#) == nil)
        #expect(identity(#"{"questionnaire": {"id": "x", "id": "y", "version": "1.0.0"}}"#) == nil)
        #expect(identity(#"{"schema": 1, "questionnaire": {"id": "x", "version": "1.0.0"}}"#) == nil)
        #expect(identity("[") == nil)
        #expect(identity("") == nil)
    }

    @Test func readsTheMiniFixtureWithShorthandsNotesAndPlacements() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let bytes = Array(try TestFiles.fixtureText("answers-mini.json").utf8)
        let full = try AnswerLoader.load(InputFile(displayName: "a", bytes: bytes), questionnaire: questionnaire)
        #expect(
            FastAnswerReader(questionnaire: questionnaire).read(bytes) == nil
                || FastAnswerReader(questionnaire: questionnaire).read(bytes) == full)
        let plain = try TestFiles.fixtureText(
            "answers-mini.json",
            replacing: [(#""note": "Usage dashboard, \"weekly\".""#, #""note": " Usage dashboard, weekly. ""#)])
        #expect(
            FastAnswerReader(questionnaire: questionnaire).read(Array(plain.utf8))
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
        #expect(FastAnswerReader(questionnaire: try Self.oneDotZero()).read(Array(text.utf8)) == nil)
    }

    /// A file as consultants' tools and `laer-bench` write them: pretty-printed, a respondent whose
    /// name is not ASCII, a period, placements, road signs, notes (one not ASCII), a shorthand.
    static let realistic = """
        {
          "schema": "laer-answers/1",
          "questionnaire": {
            "id": "laer-efficient",
            "version": "1.0.0"
          },
          "respondent": {
            "name": "Ravi Fernández",
            "role": "Chief Customer Officer",
            "organization": "Blue Yonder Solutions"
          },
          "assessedOn": "2026-04-08",
          "period": "2026-Q2",
          "placements": {
            "kpis": "laer-experiment",
            "culture": "traditional-transactional"
          },
          "answers": {
            "kpis-2-usage-telemetry": {
              "rating": "fully"
            },
            "kpis-2-renewal-churn-rate": {
              "rating": "partially",
              "note": "Réunion mensuelle avec l'équipe produit depuis mars."
            },
            "kpis-3-cost-to-renew": "na",
            "culture-4-shared-wins": {
              "rating": "not",
              "note": "Done for renewals, not for expansion deals."
            }
          },
          "roadSigns": {
            "sales-admits-model-broken": false,
            "blame-to-learning": true
          }
        }
        """

    /// The fast reader's answer, checked against the full path: nil, or the same assessment from a file without problems.
    static func agreed(_ bytes: [UInt8], _ questionnaire: Questionnaire) -> Assessment? {
        let reader = FastAnswerReader(questionnaire: questionnaire)
        let fast = reader.read(bytes)
        let lean = reader.read(bytes, keepingAnswers: false)
        #expect((fast == nil) == (lean == nil), "reading with and without the answers must accept the same files")
        guard let fast, let lean else { return nil }
        let full = AnswerLoader.read(InputFile(displayName: "f", bytes: bytes), questionnaire: questionnaire)
        #expect(full.problems.isEmpty, "accepted by the fast reader but not clean on the full path: \(full.problems)")
        #expect(full.assessment == fast, "read differently: \(String(decoding: bytes, as: UTF8.self))")
        var withoutAnswers = fast
        withoutAnswers.answers = [:]
        #expect(lean.assessment == withoutAnswers)
        #expect(lean.ratings == questionnaire.capabilities.map { fast.answers[$0.id]?.rating })
        return fast
    }

    @Test func readsWhatRealFilesHold() throws {
        let questionnaire = try Self.oneDotZero()
        let read = try #require(Self.agreed(Array(Self.realistic.utf8), questionnaire))
        #expect(read.respondent.name == "Ravi Fernández")
        #expect(read.period == "2026-Q2")
        #expect(read.placements == [.kpis: .laerExperiment, .culture: .traditionalTransactional])
        #expect(read.roadSigns == ["sales-admits-model-broken": false, "blame-to-learning": true])
        #expect(read.answers["kpis-2-renewal-churn-rate"]?.note == "Réunion mensuelle avec l'équipe produit depuis mars.")
        #expect(read.answers["kpis-3-cost-to-renew"]?.rating == .na)
    }

    /// Each spelling the fast reader recognizes from the bytes, and its neighbours that it must
    /// leave to the general rules or to the full path.
    ///
    /// `true`: the fast reader must accept it.
    @Test(arguments: [
        (#""Ravi Fernández""#, #"" Ravi Fernández ""#, true),
        (#""Ravi Fernández""#, #""José""#, true),
        (#""Ravi Fernández""#, "\"\u{A0}Ravi\u{2003}\"", true),
        (#""Ravi Fernández""#, #""   ""#, true),
        (#""Ravi Fernández""#, "null", true),
        (#""Ravi Fernández""#, #""Ravi\u00e9""#, false),
        (#""1.0.0""#, #""1.2.3""#, true),
        (#""1.0.0""#, #""2.0.0""#, false),
        (#""1.0.0""#, #""1.0.0 ""#, false),
        (#""1.0.0""#, #""1.0""#, false),
        (#""laer-efficient""#, #""laer-efficient ""#, false),
        (#""2026-04-08""#, #""2024-02-29""#, true),
        (#""2026-04-08""#, #""2000-02-29""#, true),
        (#""2026-04-08""#, #""1900-02-29""#, false),
        (#""2026-04-08""#, #""2023-02-29""#, false),
        (#""2026-04-08""#, #""2026-13-01""#, false),
        (#""2026-04-08""#, #""2026-00-01""#, false),
        (#""2026-04-08""#, #""2026-04-31""#, false),
        (#""2026-04-08""#, #""2026-4-08""#, false),
        (#""2026-04-08""#, #""+026-04-08""#, false),
        (#""2026-04-08""#, #""２０２６-04-08""#, false),
        (#""2026-Q2""#, #""  2026-Q2 ""#, true),
        (#""2026-Q2""#, #""""#, true),
        (#""kpis": "laer-experiment""#, #""kpis": "LAER Experiment""#, true),
        (#""kpis": "laer-experiment""#, #""kpis": "3""#, true),
        (#""kpis": "laer-experiment""#, #""kpis": " ""#, true),
        (#""kpis": "laer-experiment""#, #""kpis": null"#, true),
        (#""kpis": "laer-experiment""#, #""kpis": "Laer-Effective ""#, true),
        (#""kpis": "laer-experiment""#, #""kpis": "laer-experimental""#, false),
        (#""kpis": "laer-experiment""#, #""kpis": "laer-experiment", "kpis": "laer-effective""#, false),
        // A second member is refused by both, even when blank.
        (#""kpis": "laer-experiment""#, #""kpis": "laer-experiment", "kpis": " ""#, false),
        ("Réunion mensuelle", #"Réunion\tmensuelle"#, false),
        ("Réunion mensuelle", "Réunion\tmensuelle", false),
        ("Done for renewals", #"Done for \"renewals\""#, false),
        ("Done for renewals", "Done for renewals\u{7F}", true),
        (#""Done for renewals, not for expansion deals.""#, #""   ""#, true),
        (#""kpis-3-cost-to-renew": "na""#, #""kpis-3-cost-to-renew": """#, true),
        (#""kpis-3-cost-to-renew": "na""#, #""kpis-3-cost-to-renew": null"#, true),
        (#""kpis-3-cost-to-renew": "na""#, #""kpis-3-cost-to-renew": " Largely ""#, false),
        (#""kpis-3-cost-to-renew": "na""#, #""kpis-3-cost-to-renew": {"note": "x", "rating": "na"}"#, false),
        (#""blame-to-learning": true"#, #""blame-to-learning": null"#, true),
        (#""blame-to-learning": true"#, #""blame-to-learning": 1"#, false),
        ("\n      ", "\n\t\t                  ", true),
        ("\n", "\r\n", true),
    ])
    func readsEachSpellingAsTheFullPathDoes(original: String, replacement: String, accepted: Bool) throws {
        let questionnaire = try Self.oneDotZero()
        #expect(Self.realistic.contains(original))
        let text = Self.realistic.replacing(original, with: replacement)
        let read = Self.agreed(Array(text.utf8), questionnaire)
        if accepted { #expect(read != nil, "\(replacement)") }
    }

    /// Bytes that are not UTF-8 in a note: rejected even when the note is not kept.
    @Test func leavesANoteThatIsNotUTF8ToTheFullPath() throws {
        let questionnaire = try Self.oneDotZero()
        var bytes = Array(Self.realistic.utf8)
        let note = Array("Réunion".utf8)
        let start = try #require(bytes.indices.first { bytes[$0...].starts(with: note) })
        bytes[start + 2] = 0x28  // é is C3 A9: C3 28 is not UTF-8
        #expect(FastAnswerReader(questionnaire: questionnaire).read(bytes) == nil)
        #expect(FastAnswerReader(questionnaire: questionnaire).read(bytes, keepingAnswers: false) == nil)
        #expect(!AnswerLoader.read(InputFile(displayName: "f", bytes: bytes), questionnaire: questionnaire).problems.isEmpty)
    }

    /// Strings long enough to be scanned eight bytes at a time, with a quote, a backslash or a
    /// control character at every position of a word: never accepted, never misread.
    @Test func findsTheEndOfEveryStringWhateverItsLength() throws {
        let questionnaire = try Self.oneDotZero()
        for length in 0..<20 {
            let plain = String(repeating: "a", count: length)
            let text = Self.realistic.replacing("Blue Yonder Solutions", with: plain)
            let read = try #require(Self.agreed(Array(text.utf8), questionnaire))
            #expect(read.respondent.organization == (length == 0 ? nil : plain))
            for position in 0..<length {
                for special: Character in ["\"", "\\", "\u{1}", "\u{1F}"] {
                    var characters = Array(plain)
                    characters[position] = special
                    _ = Self.agreed(
                        Array(Self.realistic.replacing("Blue Yonder Solutions", with: String(characters)).utf8), questionnaire)
                }
            }
        }
    }

    /// Thousands of seeded random edits of a real file: whenever the fast reader accepts one, the
    /// full path accepts it without a single problem and reads the same assessment.
    @Test func randomEditsNeverMakeTheTwoPathsDisagree() throws {
        let questionnaire = try Self.oneDotZero()
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
            #expect(
                full.problems.isEmpty && full.assessment == fast,
                "an edit the two paths read differently: \(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(accepted > 50, "the edits should leave some files valid, or the test checks nothing")
    }
}
