import Foundation
import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERSystem
@testable import LAERValues

/// Fills a template the way a spreadsheet saves it: chosen columns in a chosen order, every field
/// quoted, CRLF, a byte order mark.
struct SheetFiller {
    var columns = ["rating", "Note", "ID", "statement", "Extra"]
    var values: [String: (rating: String, note: String)] = [:]

    func fill(_ template: [UInt8]) throws -> [UInt8] {
        let rows = try CSVReader.parse(template)
        let header = rows[0].fields
        var lines = [columns]
        for row in rows.dropFirst() {
            var cells = Dictionary(uniqueKeysWithValues: zip(header, row.fields))
            if let value = values[row.fields[0]] {
                cells["rating"] = value.rating
                cells["note"] = value.note
            }
            lines.append(columns.map { cells[$0.lowercased()] ?? "extra" })
        }
        let quoted = lines.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
        return [0xEF, 0xBB, 0xBF] + Array(quoted.map { $0 + "\r\n" }.joined().utf8)
    }
}

@Suite struct AnswerSheetTemplateTests {
    @Test func matchesTheGoldenFile() throws {
        let bytes = AnswerSheet.template(for: try TestFiles.miniQuestionnaire())
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        // The golden file has LF line ends so that it reads well in a diff; the CRLF test covers the rest.
        try assertSnapshot(text.replacingOccurrences(of: "\r\n", with: "\n"), named: "template-mini.csv")
    }

    @Test func startsWithAByteOrderMarkAndEndsEveryLineWithCRLF() throws {
        let bytes = AnswerSheet.template(for: try TestFiles.miniQuestionnaire())
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes, as: UTF8.self)
        let lineFeeds = text.utf8.filter { $0 == 0x0A }.count
        #expect(text.components(separatedBy: "\r\n").count - 1 == lineFeeds)
        #expect(lineFeeds == 1 + 6 + 5 + 15 + 2)
        #expect(text.hasSuffix("(yes or no),,,\r\n"))
    }

    @Test func readsBackAsAnEmptyAssessment() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let file = InputFile(displayName: "blank.csv", bytes: AnswerSheet.template(for: questionnaire))
        let result = AnswerSheet.read(file, questionnaire: questionnaire)
        #expect(result.assessment == nil)
        #expect(
            result.problems == [
                Problem(
                    at: .cell(row: 6, column: "rating"),
                    "missing; write the date of this assessment as YYYY-MM-DD, such as 2026-11-25")
            ])
    }

    @Test func asksForEachPlacementWithThePhaseNamesAndProfiles() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        #expect(
            AnswerSheet.placementQuestion(questionnaire.markers[0], in: questionnaire)
                == "Which phase reads most like your KPIs today? Answer with the phase: traditional, experiment, effective or efficient. Each profile is a few short statements: pick the phase where most of them (not necessarily all) are true of your company today; where two phases fit equally, pick the lower one. Traditional Transactional: Bookings; LAER Experiment: Usage; LAER Effective: Retention; LAER Efficient: Lifetime value"
        )
        #expect(
            AnswerSheet.placementQuestion(questionnaire.markers[4], in: questionnaire).hasPrefix(
                "Which phase reads most like your selling culture today?"))
    }

    @Test func guardsStatementsAgainstFormulas() throws {
        var questionnaire = try TestFiles.miniQuestionnaire()
        questionnaire.capabilities[0].statement = "=HYPERLINK(\"http://x\")"
        let rows = try CSVReader.parse(AnswerSheet.template(for: questionnaire))
        #expect(rows.first { $0.fields[0] == "k2" }?.fields[3] == "'=HYPERLINK(\"http://x\")")
    }
}

@Suite struct AnswerSheetReadingTests {
    static let filler = SheetFiller(values: [
        "questionnaire": ("mini 1.0.0", ""),
        "respondent.name": ("Zoë Müller", ""),
        "respondent.role": ("  Head of CS ", ""),
        "respondent.organization": ("Acme, Inc.", ""),
        "assessedOn": ("2026-11-25", ""),
        "period": ("2026-Q4", ""),
        "placement.kpis": ("3", ""),
        "placement.practices": ("LAER Experiment", ""),
        "placement.culture": ("laer-efficient", ""),
        "k2": ("F", ""),
        "k3": ("Largely", "We track it, \"mostly\"; see the\nQ3 review"),
        "k4": ("NA", "  "),
        "p2": ("0", ""),
        "p3": ("p", "Zoë's team, 東京"),
        "p4": ("3", ""),
        "c2": (" l ", ""),
        "o2": ("NOT", ""),
        "roadsign.sales-admits": ("Yes", ""),
        "roadsign.adoption-funded": ("no", ""),
    ])

    static let expected = Assessment(
        questionnaireID: "mini", questionnaireVersion: "1.0.0",
        respondent: Respondent(name: "Zoë Müller", role: "Head of CS", organization: "Acme, Inc."),
        assessedOn: "2026-11-25", period: "2026-Q4",
        answers: [
            "k2": Answer(.fully),
            "k3": Answer(.largely, note: "We track it, \"mostly\"; see the\nQ3 review"),
            "k4": Answer(.na),
            "p2": Answer(.not),
            "p3": Answer(.partially, note: "Zoë's team, 東京"),
            "p4": Answer(.fully),
            "c2": Answer(.largely),
            "o2": Answer(.not),
        ],
        placements: [.kpis: .laerEffective, .practices: .laerExperiment, .culture: .laerEfficient],
        roadSigns: ["sales-admits": true, "adoption-funded": false])

    @Test func readsAFilledSheetToTheAssessment() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let bytes = try Self.filler.fill(AnswerSheet.template(for: questionnaire))
        let result = AnswerSheet.read(InputFile(displayName: "answers.csv", bytes: bytes), questionnaire: questionnaire)
        #expect(result.problems == [])
        #expect(result.assessment == Self.expected)
        #expect(
            try AnswerSheet.load(InputFile(displayName: "answers.csv", bytes: bytes), questionnaire: questionnaire)
                == Self.expected)
    }

    @Test func needsOnlyTheIDAndRatingColumns() throws {
        let sheet = "Rating,Id\nfully,k2\n2026-11-25,assessedOn\n"
        let result = try read(sheet)
        #expect(result.problems == [])
        #expect(
            result.assessment
                == Assessment(
                    questionnaireID: "mini", questionnaireVersion: "1.0.0", assessedOn: "2026-11-25",
                    answers: ["k2": Answer(.fully)]))
    }

    @Test func readsFixedIDsInAnyCase() throws {
        let result = try read(
            "id,rating\nQuestionnaire,mini 1.2.0\nASSESSEDON,2026-11-25\nPlacement.kpis,2\nRoadSign.sales-admits,TRUE\n")
        #expect(result.problems == [])
        #expect(result.assessment?.questionnaireVersion == "1.2.0")
        #expect(result.assessment?.placements == [.kpis: .laerExperiment])
        #expect(result.assessment?.roadSigns == ["sales-admits": true])
    }

    @Test func skipsBlankRowsAndRowsWithoutAnAnswer() throws {
        let result = try read("id,statement,rating,note\n,,,\n\n,Part two,,\nassessedOn,,2026-11-25,\n")
        #expect(result.problems == [])
        #expect(result.assessment?.answers == [:])
    }

    @Test(arguments: [
        ("2026-11-25", "2026-11-25"),
        ("2026-11-25 10:30:00", "2026-11-25"),
        ("2026-11-25T10:30:00", "2026-11-25"),
        ("11/25/26", "2026-11-25"),
        ("11/25/2026", "2026-11-25"),
        ("25/11/2026", "2026-11-25"),
        ("25.11.2026", "2026-11-25"),
        ("25.11.26", "2026-11-25"),
        ("1.2.2026", "2026-02-01"),
        ("2026/11/25", "2026-11-25"),
        ("2026.1.5", "2026-01-05"),
        ("5/5/26", "2026-05-05"),
        ("2/29/2028", "2028-02-29"),
    ])
    func acceptsTheDatesSpreadsheetsWrite(cell: String, date: String) {
        #expect(SpreadsheetDate.normalized(cell) == .success(date))
    }

    @Test(arguments: [
        "yesterday", "2026-02-30", "13/13/2026", "2/29/2027", "+1/2/2026", "2026-11", "1/2/3", "20261125", "11//2026",
        "2026-11-25x",
    ])
    func refusesWhatIsNotADate(cell: String) {
        #expect(
            SpreadsheetDate.normalized(cell)
                == .failure(RuleViolation("\"\(cell)\" is not a date; write it as YYYY-MM-DD, such as 2026-11-25")))
    }

    @Test func refusesADayAndMonthThatCouldBeSwapped() {
        #expect(
            SpreadsheetDate.normalized("03/04/26")
                == .failure(
                    RuleViolation(
                        "\"03/04/26\" could be day/month or month/day; write it as YYYY-MM-DD, such as 2026-11-25 (in a spreadsheet, type an apostrophe first, '2026-11-25, so that it is kept as written)"
                    )))
    }

    static let header = "id,statement,rating,note\n"

    @Test(arguments: [
        (
            "k2,,maybe,\n", "row 2, column rating",
            "\"maybe\" is not a rating; use not, partially, largely, fully or na (or N, P, L, F, 0–3)"
        ),
        (
            "k2,,fuly,\n", "row 2, column rating",
            "\"fuly\" is not a rating; use not, partially, largely, fully or na (or N, P, L, F, 0–3) (did you mean \"fully\"?)"
        ),
        ("K2,,fully,\n", "row 2, column id", "\"K2\" is not a capability of questionnaire mini 1.0.0; did you mean \"k2\"?"),
        (
            "k22,,,\n", "row 2, column id",
            "\"k22\" is not a capability of questionnaire mini 1.0.0; check the id against 'laer questionnaire'"
        ),
        (
            "placement.kpi,,2,\n", "row 2, column id",
            "\"kpi\" is not a marker; expected one of kpis, practices, compensation, organization, culture (did you mean \"kpis\"?)"
        ),
        (
            "placement.kpis,,5,\n", "row 2, column rating",
            "\"5\" is not a phase; answer with traditional, experiment, effective or efficient (or the phase's number 1–4)"
        ),
        (
            "roadsign.sales,,yes,\n", "row 2, column id",
            "\"sales\" is not a road sign; expected one of sales-admits, adoption-funded (did you mean \"sales-admits\"?)"
        ),
        ("roadsign.sales-admits,,maybe,\n", "row 2, column rating", "\"maybe\" is not yes or no; write yes or no"),
        (
            "questionnaire,,other 1.0.0,\n", "row 2, column rating",
            "these answers are for questionnaire \"other\", not \"mini\"; pass the right one with --questionnaire FILE"
        ),
        (
            "questionnaire,,mini 2.0.0,\n", "row 2, column rating",
            "these answers are for version 2.0.0 of mini, but the questionnaire is 1.0.0; a different major version cannot be scored: use the matching questionnaire with --questionnaire FILE"
        ),
        (
            "questionnaire,,mini,\n", "row 2, column rating",
            "\"mini\" does not name a questionnaire and its version; write \"mini 1.0.0\" as the template had it"
        ),
        (
            "questionnaire,,mini one,\n", "row 2, column rating",
            "\"one\" is not a semantic version; write the questionnaire's version, such as \"1.0.0\""
        ),
        (
            ",,fully,\n", "row 2, column id",
            "this row has an answer but no id; put back the id of its question from the template, or delete the row"
        ),
        (
            ",,,a note\n", "row 2, column id",
            "this row has an answer but no id; put back the id of its question from the template, or delete the row"
        ),
        ("k2,,fully,\nk2,,not,\n", "row 3, column id", "\"k2\" is on row 2 already; keep one of the two rows"),
        ("period,,2026-Q1,\nPERIOD,,2026-Q2,\n", "row 3, column id", "\"PERIOD\" is on row 2 already; keep one of the two rows"),
    ])
    func reportsEachMistakeWithItsPlace(rows: String, place: String, message: String) throws {
        let result = try read(Self.header + rows + "assessedOn,,2026-11-25,\n")
        #expect(result.problems.map(\.place.description) == [place])
        #expect(result.problems.map(\.message) == [message])
        #expect(result.assessment == nil)
    }

    @Test(arguments: [
        ("yesterday", "\"yesterday\" is not a date; write it as YYYY-MM-DD, such as 2026-11-25"),
        ("", "missing; write the date of this assessment as YYYY-MM-DD, such as 2026-11-25"),
        (
            "1/2/2026",
            "\"1/2/2026\" could be day/month or month/day; write it as YYYY-MM-DD, such as 2026-11-25 (in a spreadsheet, type an apostrophe first, '2026-11-25, so that it is kept as written)"
        ),
    ])
    func reportsABadDate(cell: String, message: String) throws {
        let result = try read(Self.header + "assessedOn,,\(cell),\n")
        #expect(result.problems == [Problem(at: .cell(row: 2, column: "rating"), message)])
    }

    @Test func needsTheDateRow() throws {
        let result = try read(Self.header + "k2,,fully,\n")
        #expect(
            result.problems == [
                Problem(
                    "",
                    "the sheet has no assessedOn row; add one with the date of this assessment in its rating column, such as 2026-11-25"
                )
            ])
    }

    @Test func needsTheIDAndRatingColumns() throws {
        let result = try read("\n\nID,Statement,Answer,Rating,rating\nk2,,x,fully,\nassessedOn,,,2026-11-25,\n")
        #expect(
            result.problems == [
                Problem(at: .cell(row: 3, column: "rating"), "the header names \"rating\" twice; delete one of the two columns")
            ])
        let missing = try read("statement,answer\nk2,fully\n")
        let advice =
            "the first row names the columns, id and rating at least, as in the sheet 'laer template --format csv' writes"
        #expect(
            missing.problems == [
                Problem(at: .cell(row: 1, column: nil), "the header has no \"id\" column; \(advice)"),
                Problem(at: .cell(row: 1, column: nil), "the header has no \"rating\" column; \(advice)"),
            ])
    }

    @Test func reportsAnEmptySheet() throws {
        #expect(
            try read("").problems == [Problem("", "the sheet is empty; start from the sheet 'laer template --format csv' writes")]
        )
        #expect(try read("\u{FEFF}\r\n").problems.count == 1)
    }

    @Test func turnsACSVSyntaxErrorIntoAProblem() throws {
        let result = try read("id,rating\nk2,\"fully\nk3,not\n")
        #expect(
            result.problems == [
                Problem(
                    at: .text(line: 2, column: 4),
                    "the quoted field that starts here is never closed; add the closing '\"' where the field ends, and write each quote inside it twice (\"\")"
                )
            ])
        #expect(result.assessment == nil)
    }

    @Test func keepsANoteWithoutARatingOnlyAsAWarning() throws {
        let result = try read(Self.header + "k2,,,why not rated\nassessedOn,,2026-11-25,\n")
        #expect(
            result.problems == [
                Problem(
                    at: .cell(row: 2, column: "note"),
                    "a note without a rating is not kept; rate the capability (na if it does not apply) to keep it",
                    severity: .warning)
            ])
        #expect(result.assessment?.answers == [:])
    }

    @Test func countsRowsAsASpreadsheetShowsThem() throws {
        let result = try read(Self.header + "k2,,fully,\"two\nlines\"\n\nk3,,maybe,\n" + "assessedOn,,2026-11-25,\n")
        #expect(
            result.problems == [
                Problem(
                    at: .cell(row: 4, column: "rating"),
                    "\"maybe\" is not a rating; use not, partially, largely, fully or na (or N, P, L, F, 0–3)")
            ])
    }

    @Test func reportsEveryProblemAtOnce() throws {
        let sheet =
            Self.header + """
                questionnaire,,other 1.0.0,
                k2,,maybe,
                k99,,fully,
                k3,,largely,
                k3,,fully,
                placement.kpis,,9,
                roadsign.adoption-funded,,perhaps,
                assessedOn,,2026-13-01,

                """
        let file = InputFile(displayName: "answers.csv", bytes: Array(sheet.utf8))
        let questionnaire = try TestFiles.miniQuestionnaire()
        let result = AnswerSheet.read(file, questionnaire: questionnaire)
        #expect(
            result.problems.map(\.place.description) == [
                "row 2, column rating", "row 3, column rating", "row 4, column id", "row 6, column id", "row 7, column rating",
                "row 8, column rating", "row 9, column rating",
            ])
        #expect(result.assessment == nil)
        do {
            _ = try AnswerSheet.load(file, questionnaire: questionnaire)
            Issue.record("expected the sheet to be refused")
        } catch {
            #expect(error.exitCode == .dataError)
            let lines = error.description.components(separatedBy: "\n")
            #expect(lines.count == 7)
            #expect(
                lines[1]
                    == "answers.csv: row 3, column rating: \"maybe\" is not a rating; use not, partially, largely, fully or na (or N, P, L, F, 0–3)"
            )
            #expect(
                lines[6]
                    == "answers.csv: row 9, column rating: \"2026-13-01\" is not a date; write it as YYYY-MM-DD, such as 2026-11-25"
            )
        }
    }

    func read(_ sheet: String) throws -> (assessment: Assessment?, problems: [Problem]) {
        AnswerSheet.read(
            InputFile(displayName: "answers.csv", bytes: Array(sheet.utf8)), questionnaire: try TestFiles.miniQuestionnaire())
    }
}
