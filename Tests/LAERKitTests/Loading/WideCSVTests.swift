import Foundation
import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERSystem
@testable import LAERValues

@Suite struct WideCSVDetectionTests {
    @Test(arguments: [
        (["respondent", "assessedOn", "k2"], true),
        ([" K2 ", "Date"], true),
        (["comments", "S4"], true),
        (AnswerSheet.columns, false),
        (["id", "rating"], false),
        (["respondent", "k2", "Rating "], false),
        (["respondent", "assessedOn", "comments", "placement.kpis", "roadsign.sales-admits"], false),
        ([], false),
    ])
    func tellsAWideExportFromOtherHeaders(header: [String], wide: Bool) throws {
        #expect(WideCSV.isWide(header: header, questionnaire: try TestFiles.miniQuestionnaire()) == wide)
    }

    @Test func doesNotTakeTheAnswerSheetForAWideExport() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let header = try CSVReader.parse(AnswerSheet.template(for: questionnaire))[0].fields
        #expect(!WideCSV.isWide(header: header, questionnaire: questionnaire))
    }
}

@Suite struct WideCSVReadingTests {
    static func mini(
        _ name: String?, role: String? = nil, organization: String? = nil, on date: String, period: String? = nil,
        _ answers: [String: Rating], placements: [MarkerID: PhaseID] = [:], roadSigns: [String: Bool] = [:]
    ) -> Assessment {
        Assessment(
            questionnaireID: "mini", questionnaireVersion: "1.0.0",
            respondent: Respondent(name: name, role: role, organization: organization), assessedOn: date, period: period,
            answers: answers.mapValues { Answer($0) }, placements: placements, roadSigns: roadSigns)
    }

    @Test func readsTheFixtureToTheAssessments() throws {
        let bytes = Array(try Data(contentsOf: TestFiles.fixture("wide-mini.csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let result = WideCSV.read(
            InputFile(displayName: "wide-mini.csv", bytes: bytes), questionnaire: try TestFiles.miniQuestionnaire())
        #expect(
            result.fileProblems == [
                Problem(at: .cell(row: 1, column: "comments"), "unknown column \"comments\" is ignored", severity: .warning),
                Problem(
                    at: .cell(row: 1, column: nil), "1 capability has no column (p4); it is left unanswered", severity: .warning),
            ])
        let zoe = Self.mini(
            "Zoë Müller", role: "Head of CS", organization: "Acme, Inc.", on: "2026-11-25", period: "2026-Q4",
            [
                "k2": .fully, "k3": .largely, "k4": .fully, "p2": .not, "p3": .partially, "c2": .largely, "c3": .not,
                "c4": .fully,
                "o2": .na, "o3": .na, "o4": .na, "s2": .partially, "s3": .partially, "s4": .largely,
            ],
            placements: [.kpis: .laerEffective, .culture: .laerExperiment],
            roadSigns: ["sales-admits": true, "adoption-funded": false])
        let lee = Self.mini(
            "Lee Chen", role: "CFO", organization: "Acme, Inc.", on: "2026-12-31",
            ["k2": .not, "p2": .largely, "p3": .fully, "c2": .largely, "c3": .partially],
            placements: [.kpis: .laerEffective], roadSigns: ["adoption-funded": true])
        let sam = Self.mini(
            "Sam Okafor", organization: "Globex", on: "2027-01-15", period: "2027-Q1",
            [
                "k2": .fully, "k3": .fully, "k4": .largely, "p2": .partially, "p3": .not, "c2": .largely, "c3": .fully,
                "c4": .not,
                "o2": .na, "o3": .not, "o4": .largely, "s2": .not, "s3": .na, "s4": .na,
            ],
            placements: [.kpis: .laerExperiment, .culture: .laerEfficient],
            roadSigns: ["sales-admits": false, "adoption-funded": true])
        // Zoë's comment spans two lines of the file but one row of a spreadsheet; row 3 is all empty.
        #expect(
            result.rows == [
                WideCSV.Row(row: 2, assessment: zoe, problems: []),
                WideCSV.Row(row: 4, assessment: lee, problems: []),
                WideCSV.Row(row: 5, assessment: sam, problems: []),
            ])
    }

    @Test func readsRecordsParsedOnceToTellTheShapes() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let file = InputFile(displayName: "wide-mini.csv", bytes: Array(try Data(contentsOf: TestFiles.fixture("wide-mini.csv"))))
        let records = try CSVReader.parse(file.bytes)
        #expect(WideCSV.isWide(header: records[0].fields, questionnaire: questionnaire))
        let once = WideCSV.read(records: records, questionnaire: questionnaire)
        let twice = WideCSV.read(file, questionnaire: questionnaire)
        #expect(once.rows == twice.rows && once.fileProblems == twice.fileProblems)
    }

    @Test func readsTheSheetsRespondentIDs() throws {
        let result = try read(
            "Respondent.Name,respondent.role,RESPONDENT.ORGANIZATION,assessedon,k2,k3\nAda,CEO,Initech,2026-11-25,2,\n")
        #expect(
            result.rows == [
                WideCSV.Row(
                    row: 2,
                    assessment: Self.mini("Ada", role: "CEO", organization: "Initech", on: "2026-11-25", ["k2": .largely]),
                    problems: [])
            ])
        #expect(result.fileProblems.errors == [])
    }

    @Test func listsAtMostFiveMissingCapabilities() throws {
        let result = try read("name,date,k2,c3\nAda,2026-11-25,f,\n")
        #expect(
            result.fileProblems == [
                Problem(
                    at: .cell(row: 1, column: nil),
                    "13 capabilities have no column (k3, k4, p2, p3, p4, …); they are left unanswered", severity: .warning)
            ])
        #expect(result.rows.map(\.assessment?.answers) == [["k2": Answer(.fully)]])
    }

    static let header =
        "respondent,assessedOn,k2,k3,placement.kpis,roadsign.sales-admits,c2,c3,c4,k4,p2,p3,p4,o2,o3,o4,s2,s3,s4\n"

    @Test(arguments: [
        (
            "Ada,2026-11-25,maybe,,,", "column k2",
            "\"maybe\" is not a rating; use not, partially, largely, fully or na (or N, P, L, F, 0–3)"
        ),
        (
            "Ada,2026-11-25,f, fuly ,,", "column k3",
            "\"fuly\" is not a rating; use not, partially, largely, fully or na (or N, P, L, F, 0–3) (did you mean \"fully\"?)"
        ),
        (
            "Ada,2026-11-25,4,,,", "column k2",
            "\"4\" is not a rating; use not, partially, largely, fully or na (or N, P, L, F, 0–3)"
        ),
        ("Ada,,f,,,", "column assessedOn", "missing; write the date of this assessment as YYYY-MM-DD, such as 2026-11-25"),
        ("Ada,yesterday,f,,,", "column assessedOn", "\"yesterday\" is not a date; write it as YYYY-MM-DD, such as 2026-11-25"),
        ("Ada,2026-02-30,f,,,", "column assessedOn", "\"2026-02-30\" is not a date; write it as YYYY-MM-DD, such as 2026-11-25"),
        (
            "Ada,2026-11-25,f,,5,", "column placement.kpis",
            "\"5\" is not a phase; answer with traditional, experiment, effective or efficient (or the phase's number 1–4)"
        ),
        ("Ada,2026-11-25,f,,,maybe", "column roadsign.sales-admits", "\"maybe\" is not yes or no; write yes or no"),
    ])
    func reportsEachMistakeWithItsPlace(row: String, column: String, message: String) throws {
        // The row's cells after the last it names are empty: a row has as many cells as the header.
        let missing = Self.header.count { $0 == "," } - row.count { $0 == "," }
        let result = try read(Self.header + row + String(repeating: ",", count: missing) + "\n")
        #expect(
            result.rows == [
                WideCSV.Row(
                    row: 2, assessment: nil,
                    problems: [Problem(at: .cell(row: 2, column: String(column.dropFirst("column ".count))), message)])
            ])
        #expect(result.fileProblems == [])
    }

    @Test func placesAMistakeUnderTheColumnNameAsWritten() throws {
        let result = try read("Name,DATE, K3 \nAda,yesterday,maybe\n")
        #expect(result.rows.first?.problems.map(\.place.description) == ["row 2, column DATE", "row 2, column K3"])
    }

    @Test func reportsEveryProblemInEveryRow() throws {
        let export =
            Self.header + """
                Ada,2026-11-25,f,maybe,9,,,,,,,,,,,,,,
                Bo,2026-11-25,f,l,2,yes,,,,,,,,,,,,,
                ,,,,,,,,,,,,,,,,,,
                Cy,,x,,,perhaps,1,2,3,,,,,,,,,,zero

                Di,2026-11-25,3,3,3,no,3,3,3,3,3,3,3,3,3,3,3,3,3

                """
        let result = try read(export)
        #expect(result.fileProblems == [])
        #expect(result.rows.map(\.row) == [2, 3, 5, 7])
        #expect(result.rows.map { $0.assessment != nil } == [false, true, false, true])
        #expect(result.rows[0].problems.map(\.place.description) == ["row 2, column k3", "row 2, column placement.kpis"])
        #expect(
            result.rows[2].problems == [
                Problem(
                    at: .cell(row: 5, column: "assessedOn"),
                    "missing; write the date of this assessment as YYYY-MM-DD, such as 2026-11-25"),
                Problem(at: .cell(row: 5, column: "roadsign.sales-admits"), "\"perhaps\" is not yes or no; write yes or no"),
                Problem(
                    at: .cell(row: 5, column: "s4"),
                    "\"zero\" is not a rating; use not, partially, largely, fully or na (or N, P, L, F, 0–3)"),
            ])
        #expect(result.rows[3].assessment?.answers.count == 15)
        #expect(result.rows[3].assessment?.roadSigns == ["sales-admits": false])
    }

    @Test func warnsOnceAboutEachUnknownColumnWithTheClosestName() throws {
        let result = try read(
            "name,organizaton,date,k2,placement.kpi,roadsign.sales,k22,Notes,\nAda,Initech,2026-11-25,f,2,yes,f,ok,\nBo,,2026-11-25,n,,,,,\n"
        )
        #expect(
            result.fileProblems == [
                Problem(
                    at: .cell(row: 1, column: "placement.kpi"),
                    "unknown column \"placement.kpi\" is ignored: \"kpi\" is not a marker; expected one of kpis, practices, compensation, organization, culture (did you mean \"kpis\"?)",
                    severity: .warning),
                Problem(
                    at: .cell(row: 1, column: "roadsign.sales"),
                    "unknown column \"roadsign.sales\" is ignored: \"sales\" is not a road sign; expected one of sales-admits, adoption-funded (did you mean \"sales-admits\"?)",
                    severity: .warning),
                // The columns ignored for their name alone are one warning, each with the closest name.
                Problem(
                    at: .cell(row: 1, column: nil),
                    "3 unknown columns are ignored: \"organizaton\" (did you mean \"organization\"?), \"k22\", \"Notes\"; name them as 'laer template --format wide-csv' does, or map them with --columns",
                    severity: .warning),
                Problem(
                    at: .cell(row: 1, column: nil),
                    "14 capabilities have no column (k3, k4, p2, p3, p4, …); they are left unanswered", severity: .warning),
            ])
        #expect(
            result.rows.map(\.assessment) == [
                Self.mini("Ada", on: "2026-11-25", ["k2": .fully]), Self.mini("Bo", on: "2026-11-25", ["k2": .not]),
            ])
    }

    @Test func suggestsACapabilityForANearMiss() throws {
        var questionnaire = try TestFiles.miniQuestionnaire()
        questionnaire.capabilities[0].id = "kpis-usage"
        let file = InputFile(displayName: "export.csv", bytes: Array("date,kpis-usag,k3\n2026-11-25,f,f\n".utf8))
        let result = WideCSV.read(file, questionnaire: questionnaire)
        #expect(
            result.fileProblems.first
                == Problem(
                    at: .cell(row: 1, column: "kpis-usag"),
                    "unknown column \"kpis-usag\" is ignored; did you mean \"kpis-usage\"?", severity: .warning))
    }

    @Test func warnsOnceAboutCellsUnderNoColumnName() throws {
        let result = try read(
            "name,date,k2,,k3\nAda,2026-11-25,f,,f\nBo,2026-11-25,f,oops,f\nCy,2026-11-25,f,,f,extra\nDi,2026-11-25,f,,f,,\nEd,2026-11-25,f,?,f\n"
        )
        #expect(
            result.fileProblems.filter { $0.place != .cell(row: 1, column: nil) } == [
                Problem(
                    at: .cell(row: 3, column: nil),
                    "cells under no column name are ignored, here and on 2 more rows; name their column in row 1 to read them",
                    severity: .warning)
            ])
        #expect(result.rows.count == 5)
        #expect(result.rows.allSatisfy { $0.assessment?.answers == ["k2": Answer(.fully), "k3": Answer(.fully)] })
    }

    @Test func refusesAColumnNamedTwice() throws {
        let twice = try read("name,date,k2,K2\nAda,2026-11-25,f,n\n")
        #expect(twice.rows == [])
        #expect(
            twice.fileProblems.errors == [
                Problem(at: .cell(row: 1, column: "K2"), "the header names \"K2\" twice; delete one of the two columns")
            ])
        let aliases = try read("Respondent,assessedOn,k2,Name,date\nAda,2026-11-25,f,Ada,2026-11-25\n")
        #expect(aliases.rows == [])
        #expect(
            aliases.fileProblems.errors == [
                Problem(
                    at: .cell(row: 1, column: "Name"),
                    "\"Name\" is another name for \"Respondent\", which the header has already; delete one of the two columns"),
                Problem(
                    at: .cell(row: 1, column: "date"),
                    "\"date\" is another name for \"assessedOn\", which the header has already; delete one of the two columns"),
            ])
    }

    @Test func refusesAnExportWithoutADateColumn() throws {
        let result = try read("name,k2\nAda,f\n")
        #expect(result.rows == [])
        #expect(
            result.fileProblems.errors == [
                Problem(
                    at: .cell(row: 1, column: nil),
                    "the header has no assessedOn column; add one (or a Date or Timestamp column) with the date of each assessment, such as 2026-11-25"
                )
            ])
    }

    @Test func reportsAnEmptyFileAndAnExportWithoutRows() throws {
        #expect(
            try read("\u{FEFF}\r\n").fileProblems == [
                Problem(
                    "",
                    "the file is empty; the first row names the columns: respondent, assessedOn and one column per capability id")
            ])
        let headerOnly = try read("name,date,k2\r\n,,\r\n")
        #expect(headerOnly.rows == [])
        #expect(
            headerOnly.fileProblems.last
                == Problem("", "there are no respondent rows under the header; nothing to score", severity: .warning))
    }

    @Test func turnsACSVSyntaxErrorIntoOneProblemAndNoRows() throws {
        let result = try read("name,date,k2\nAda,2026-11-25,f\nBo,2026-11-25,\"f\n")
        #expect(result.rows == [])
        #expect(
            result.fileProblems == [
                Problem(
                    at: .text(line: 3, column: 15),
                    "the quoted field that starts here is never closed; add the closing '\"' where the field ends, and write each quote inside it twice (\"\")"
                )
            ])
    }

    @Test func readsTwoThousandRespondents() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let ids = questionnaire.capabilities.map(\.id)
        let spellings = ["not", "P", "2", "Fully", "na", "l", "0", "F"]
        var text = "respondent,role,organization,assessedOn,period," + ids.joined(separator: ",") + "\r\n"
        for row in 0..<2_000 {
            let ratings = ids.indices.map { spellings[(row + $0) % spellings.count] }
            text += "Person \(row),CSM,Org \(row % 7),2026-11-25,2026-Q4," + ratings.joined(separator: ",") + "\r\n"
        }
        let result = WideCSV.read(InputFile(displayName: "export.csv", bytes: Array(text.utf8)), questionnaire: questionnaire)
        #expect(result.fileProblems == [])
        #expect(result.rows.count == 2_000)
        #expect(result.rows.allSatisfy { $0.problems.isEmpty && $0.assessment?.answers.count == 15 })
        #expect(result.rows.last?.row == 2_001)
    }

    /// The quick path must read exactly what `Rating(reading:)` reads, in every case.
    @Test func readsRatingsQuicklyAsRatingReadsThem() {
        for spelling in WideRowReader.spellings {
            let text = String(decoding: spelling.bytes, as: UTF8.self)
            for variant in [text, text.uppercased(), text.prefix(1).uppercased() + text.dropFirst()] {
                #expect(WideRowReader.quickRating(variant) == spelling.rating)
                #expect(Rating(reading: variant) == spelling.rating)
            }
        }
        for other in ["", "4", "nope", "fullyy", "n/", "\u{10}", "\u{0E}", "ⓕ"] {
            #expect(WideRowReader.quickRating(other) == nil)
        }
    }

    func read(_ text: String) throws -> (rows: [WideCSV.Row], fileProblems: [Problem]) {
        WideCSV.read(
            InputFile(displayName: "export.csv", bytes: Array(text.utf8)), questionnaire: try TestFiles.miniQuestionnaire())
    }
}
