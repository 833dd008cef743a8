import Foundation
import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERScoring
@testable import LAERValues

/// The sheet and the wide export as LibreOffice 7.4 saved them in each CSV dialect
/// (`Fixtures/dialects/README.md` has the commands), read as `laer score` reads them.
@Suite struct DialectFixtureTests {
    struct Dialect: Sendable, CustomTestStringConvertible {
        var name: String
        var separator: CSVSeparator
        var encoding: TextEncoding
        var byteOrderMark: [UInt8]

        var testDescription: String { name }
    }

    static let dialects = [
        Dialect(name: "comma-utf8", separator: .comma, encoding: .utf8, byteOrderMark: []),
        Dialect(name: "semicolon-utf8", separator: .semicolon, encoding: .utf8, byteOrderMark: []),
        Dialect(name: "semicolon-cp1252", separator: .semicolon, encoding: .windows1252, byteOrderMark: []),
        // LibreOffice's "Unicode" is little-endian UTF-16 with a byte order mark.
        Dialect(name: "tab-utf16", separator: .tab, encoding: .utf16LittleEndian, byteOrderMark: [0xFF, 0xFE]),
        Dialect(name: "tab-utf8", separator: .tab, encoding: .utf8, byteOrderMark: []),
    ]

    static func file(_ shape: String, _ dialect: Dialect) throws -> InputFile {
        let name = "\(shape)-\(dialect.name).csv"
        return InputFile(displayName: name, bytes: Array(try Data(contentsOf: TestFiles.fixture("dialects/" + name))))
    }

    /// The warnings the dialect must bring: the guess for Windows-1252, nothing for the others.
    static func expectedWarnings(_ dialect: Dialect) -> [Problem] {
        guard dialect.encoding == .windows1252 else { return [] }
        return [
            Problem(
                at: .document,
                "the file is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\" on Windows). If any letter looks wrong, re-save it as \"CSV UTF-8\"",
                severity: .warning)
        ]
    }

    static func markers(_ result: ScoreResult) -> [MarkerID: (PhaseID, Double)] {
        Dictionary(uniqueKeysWithValues: result.markers.map { ($0.id, ($0.phase, $0.index)) })
    }

    static func expectIndexes(_ result: ScoreResult, _ expected: [MarkerID: (PhaseID, Double)], overall: Double) {
        let markers = Self.markers(result)
        for (marker, (phase, index)) in expected {
            #expect(markers[marker]?.0 == phase, "\(marker)")
            #expect(abs((markers[marker]?.1 ?? -1) - index) < 1e-9, "\(marker)")
        }
        #expect(abs(result.overall.index - overall) < 1e-9)
        #expect(result.overall.phase == .traditionalTransactional)
    }

    @Test(arguments: dialects)
    func savedAsTheDialectSays(dialect: Dialect) throws {
        for shape in ["sheet", "wide"] {
            let bytes = try Self.file(shape, dialect).bytes
            #expect(bytes.starts(with: dialect.byteOrderMark))
            #expect(!bytes.starts(with: UTF8Bytes.byteOrderMark))
            let document = try CSVReader.read(bytes)
            #expect(document.separator == dialect.separator)
            #expect(document.encoding == dialect.encoding)
        }
    }

    @Test(arguments: dialects)
    func scoresTheSheet(dialect: Dialect) throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let read = AnswerLoader.readAll(try Self.file("sheet", dialect), questionnaire: questionnaire)
        #expect(read.fileProblems == [])
        let entry = try #require(read.entries.first)
        #expect(read.entries.count == 1)
        #expect(entry.problems == Self.expectedWarnings(dialect))
        let assessment = try #require(entry.assessment)
        #expect(
            assessment.respondent
                == Respondent(name: "Zoë Müller", role: "Directrice commerciale", organization: "Société Générale d'Études"))
        #expect(assessment.assessedOn == "2026-11-25")
        #expect(assessment.period == "2026-Q4")
        #expect(assessment.answers["k2"] == Answer(.fully, note: "Budget: 5 000 €; “mostly” done, see Q3 – Zoë"))
        #expect(assessment.answers["c2"] == Answer(.largely, note: "Œuvre en cours; “pilot”, Zürich"))
        #expect(assessment.placements == [.kpis: .laerEffective, .practices: .laerExperiment, .culture: .laerEfficient])
        #expect(assessment.roadSigns == ["sales-admits": true, "adoption-funded": false])

        // k2 F (1, weight 2), k3 largely (2/3), k4 na: kpis reaches Effective (Experiment 1 ≥ 0.85,
        // Effective 2/3 ≥ 0.5, Efficient has no evidence); index 1 + 1 + 2/3 = 8/3.
        // p2 0, p3 P, p4 3: Experiment 0 < 0.5, so Traditional; index 1 + 0 + 1/3 + 1 = 7/3.
        // c2 L alone: Experiment 2/3 ≥ 0.5, Effective unanswered; index 1 + 2/3 = 5/3.
        // organization and culture unanswered: Traditional, index 1.
        // Overall: the lowest phase, Traditional; index (8/3 + 7/3 + 5/3 + 1 + 1) / 5 = 26/15.
        let result = Scorer(questionnaire: questionnaire).score(assessment, source: "sheet")
        Self.expectIndexes(
            result,
            [
                .kpis: (.laerEffective, 8.0 / 3), .practices: (.traditionalTransactional, 7.0 / 3),
                .compensation: (.laerExperiment, 5.0 / 3), .organization: (.traditionalTransactional, 1),
                .culture: (.traditionalTransactional, 1),
            ], overall: 26.0 / 15)
    }

    @Test(arguments: dialects)
    func scoresTheWideExport(dialect: Dialect) throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let read = AnswerLoader.readAll(try Self.file("wide", dialect), questionnaire: questionnaire)
        #expect(read.fileProblems == Self.expectedWarnings(dialect))
        #expect(read.entries.map(\.place) == ["row 2", "row 3"])
        #expect(read.entries.flatMap(\.problems) == [])
        let zoe = try #require(read.entries.first?.assessment)
        let jerome = try #require(read.entries.last?.assessment)
        #expect(
            zoe.respondent
                == Respondent(
                    name: "Zoë Müller", role: "Head of CS; EMEA, “€ budget”", organization: "Société Générale d'Études"))
        #expect(jerome.respondent == Respondent(name: "Jérôme Œttinger", role: "CFO – Zürich", organization: "Müller & Söhne"))
        #expect([zoe.assessedOn, jerome.assessedOn] == ["2026-11-25", "2026-11-26"])
        #expect([zoe.period, jerome.period] == ["2026-Q4", "2026-Q4"])
        #expect([zoe.placements, jerome.placements] == [[.kpis: .laerEffective], [.kpis: .laerExperiment]])
        #expect([zoe.roadSigns, jerome.roadSigns] == [["sales-admits": true], ["sales-admits": false]])

        let scorer = Scorer(questionnaire: questionnaire)
        // Zoë's ratings are the sheet's: the same arithmetic as `scoresTheSheet`.
        Self.expectIndexes(
            scorer.score(zoe, source: "row 2"),
            [
                .kpis: (.laerEffective, 8.0 / 3), .practices: (.traditionalTransactional, 7.0 / 3),
                .compensation: (.laerExperiment, 5.0 / 3),
            ], overall: 26.0 / 15)
        // Jérôme: k2 P (1/3) < 0.5, kpis Traditional, index 1 + 1/3 + 0 = 4/3.
        // p2–p4 F: Efficient, index 4. c2 2, c3 1, c4 0: Experiment 2/3 is reached but < 0.85, so
        // the climb stops there; index 1 + 2/3 + 1/3 + 0 = 2. o2 F, o3 L, o4 P: Effective (Efficient
        // 1/3 < 0.5); index 1 + 1 + 2/3 + 1/3 = 3. s2–s4 N: Traditional, index 1.
        // Overall: Traditional; index (4/3 + 4 + 2 + 3 + 1) / 5 = 34/15.
        Self.expectIndexes(
            scorer.score(jerome, source: "row 3"),
            [
                .kpis: (.traditionalTransactional, 4.0 / 3), .practices: (.laerEfficient, 4),
                .compensation: (.laerExperiment, 2), .organization: (.laerEffective, 3),
                .culture: (.traditionalTransactional, 1),
            ], overall: 34.0 / 15)
    }

    /// The fixtures' sources, from which `make.sh` made them all, read as the same answers.
    @Test func theSourcesReadAsTheFixtures() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        for shape in ["sheet", "wide"] {
            let source = InputFile(
                displayName: "source-\(shape).csv",
                bytes: Array(try Data(contentsOf: TestFiles.fixture("dialects/source-\(shape).csv"))))
            let expected = AnswerLoader.readAll(source, questionnaire: questionnaire).entries.map(\.assessment)
            #expect(expected.allSatisfy { $0 != nil })
            for dialect in Self.dialects {
                let saved = AnswerLoader.readAll(try Self.file(shape, dialect), questionnaire: questionnaire)
                #expect(saved.entries.map(\.assessment) == expected, "\(shape)-\(dialect.name)")
            }
        }
    }
}
