import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERValues

@Suite struct SurveyExportTests {
    static func read(_ text: String) throws -> (rows: [WideCSV.Row], fileProblems: [Problem]) {
        WideCSV.read(
            InputFile(displayName: "export.csv", bytes: Array(text.utf8)), questionnaire: try TestFiles.miniQuestionnaire())
    }

    static func respondent(_ text: String) throws -> Respondent? {
        try read(text).rows.first?.assessment?.respondent
    }

    @Test(arguments: [
        ("Full name", "Job title", "Company"),
        ("Your name:", "Position", "Company name"),
        ("RESPONDENT", "Title", "Organisation"),
        (" name ", "role", "Account"),
        ("Respondent.Name", "respondent.role", "Organization"),
    ])
    func readsTheRespondentUnderSurveyToolNames(name: String, role: String, organization: String) throws {
        #expect(
            try Self.respondent("\(name),\(role),\(organization),Timestamp,k2\nZoë,CFO,Acme,2026-11-25,F\n")
                == Respondent(name: "Zoë", role: "CFO", organization: "Acme"))
    }

    @Test(arguments: [
        "assessedOn", "Date", "Timestamp", "Submitted at", "Submitted At:", "Submit Date (UTC)", "Submission date", "Completed",
        "Completion time", "End Date", "end_date",
    ])
    func readsTheDateUnderSurveyToolNames(name: String) throws {
        let result = try Self.read("\(name),k2\n2026-11-25 09:41:02,F\n")
        #expect(result.fileProblems.errors == [])
        #expect(result.rows.first?.assessment?.assessedOn == "2026-11-25")
    }

    @Test(arguments: ["Period", "Quarter", "quarter:"])
    func readsThePeriodUnderSurveyToolNames(name: String) throws {
        #expect(try Self.read("Date,\(name),k2\n2026-11-25,2026-Q4,F\n").rows.first?.assessment?.period == "2026-Q4")
    }

    @Test func takesTheEmailOnlyWhenThereIsNoNameColumn() throws {
        #expect(try Self.respondent("Email address,Date,k2\nzoe@acme.example,2026-11-25,F\n")?.name == "zoe@acme.example")
        let both = try Self.read("Email,Full name,Date,k2\nzoe@acme.example,Zoë Müller,2026-11-25,F\n")
        #expect(both.rows.first?.assessment?.respondent.name == "Zoë Müller")
        // The email column is neither a duplicate nor an unknown column.
        #expect(both.fileProblems.allSatisfy { !$0.message.contains("Email") })
    }

    @Test func refusesTwoNamesForTheSameColumn() throws {
        let result = try Self.read("Timestamp,Date,k2\n2026-11-25,2026-11-25,F\n")
        #expect(result.rows == [])
        #expect(
            result.fileProblems.errors == [
                Problem(
                    at: .cell(row: 1, column: "Date"),
                    "\"Date\" is another name for \"Timestamp\", which the header has already; delete one of the two columns")
            ])
    }

    @Test(arguments: [
        ("2026/11/25 9:41:02 am GMT+1", "2026-11-25"),  // Google Forms
        ("11/25/2026 9:41:02", "2026-11-25"),  // Google Forms, US
        ("11/25/26 9:41:02", "2026-11-25"),  // Microsoft Forms
        ("11/25/2026 09:41:02 AM", "2026-11-25"),  // SurveyMonkey
        ("2026-11-25 09:41:02", "2026-11-25"),  // Typeform
        ("2026-11-25T09:41:02Z", "2026-11-25"),
        ("25/11/2026 09:41", "2026-11-25"),
    ])
    func takesTheDatePartOfASurveyToolsTimestamp(cell: String, date: String) throws {
        #expect(try Self.read("Timestamp,k2\n\(cell),F\n").rows.first?.assessment?.assessedOn == date)
    }

    @Test func readsAmbiguousDatesTheWayTheRestOfTheFileSettles() throws {
        // 11/25 can only be month first, so 01/02 is 2 January in this file…
        let monthFirst = try Self.read("Timestamp,k2\n11/25/2026 9:00,F\n01/02/2027 10:00,F\n")
        #expect(monthFirst.rows.map(\.assessment?.assessedOn) == ["2026-11-25", "2027-01-02"])
        // …and 1 February in a file where 25/11 says day first.
        let dayFirst = try Self.read("Timestamp,k2\n25/11/2026 9:00,F\n01/02/2027 10:00,F\n")
        #expect(dayFirst.rows.map(\.assessment?.assessedOn) == ["2026-11-25", "2027-02-01"])
    }

    @Test func refusesAFileWhoseDatesReadBothWays() throws {
        let result = try Self.read("Timestamp,k2\n01/02/2027 10:00,F\n03/04/2027,F\n05/05/2027,F\n")
        #expect(result.rows == [])
        #expect(
            result.fileProblems.errors == [
                Problem(
                    at: .cell(row: 1, column: "Timestamp"),
                    "every date in this column reads both as month/day and as day/month (\"01/02/2027 10:00\" is one), so none can be told; re-save the column with dates written YYYY-MM-DD, such as 2026-11-25"
                )
            ])
    }

    @Test func readsDatesThatAreTheSameBothWays() throws {
        #expect(try Self.read("Date,k2\n05/05/2027,F\n").rows.first?.assessment?.assessedOn == "2027-05-05")
    }

    @Test func judgesEachDateAloneWhenNoOrderFitsThemAll() throws {
        // 25/11 is day first and 11/26 month first: each is read as it must be, and 1/2 is refused.
        let result = try Self.read("Date,k2\n25/11/2026,F\n11/26/2026,F\n1/2/2027,F\n")
        #expect(result.rows.map(\.assessment?.assessedOn) == ["2026-11-25", "2026-11-26", nil])
        #expect(result.rows.last?.problems.first?.message.hasPrefix("\"1/2/2027\" could be day/month or month/day") == true)
    }

    @Test func tellsAnExportOfSurveyToolNamesAndCapabilityIDsFromASheet() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        #expect(
            WideCSV.isWide(
                header: ["Timestamp", "Full name", "Company", "Job title", "Quarter", "k2"], questionnaire: questionnaire))
        #expect(!WideCSV.isWide(header: ["Timestamp", "Full name", "Company"], questionnaire: questionnaire))
    }
}

@Suite struct WideTemplateTests {
    @Test func isTheHeaderAnExportMustHave() throws {
        let bytes = WideCSV.template(for: try TestFiles.miniQuestionnaire())
        #expect(bytes.starts(with: UTF8Bytes.byteOrderMark))
        #expect(
            String(decoding: bytes.dropFirst(3), as: UTF8.self)
                == "respondent,role,organization,assessedOn,period,placement.kpis,placement.practices,placement.compensation,placement.organization,placement.culture,k2,k3,k4,p2,p3,p4,c2,c3,c4,o2,o3,o4,s2,s3,s4,roadsign.sales-admits,roadsign.adoption-funded\r\n"
        )
    }

    @Test func readsBackFilledAsAWideExport() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let template = WideCSV.template(for: questionnaire)
        let row = "Zoë Müller,CFO,\"Acme, Inc.\",2026-11-25,2026-Q4,effective,2,,,,F,L,na,0,P,3,L,,,,,,,,,yes,no\r\n"
        let file = InputFile(displayName: "export.csv", bytes: template + Array(row.utf8))
        let read = AnswerLoader.readAll(file, questionnaire: questionnaire)
        #expect(read.fileProblems == [])
        #expect(read.entries.map(\.place) == ["row 2"])
        #expect(
            read.entries.first?.assessment
                == Assessment(
                    questionnaireID: "mini", questionnaireVersion: "1.0.0",
                    respondent: Respondent(name: "Zoë Müller", role: "CFO", organization: "Acme, Inc."), assessedOn: "2026-11-25",
                    period: "2026-Q4",
                    answers: [
                        "k2": Answer(.fully), "k3": Answer(.largely), "k4": Answer(.na), "p2": Answer(.not),
                        "p3": Answer(.partially),
                        "p4": Answer(.fully), "c2": Answer(.largely),
                    ],
                    placements: [.kpis: .laerEffective, .practices: .laerExperiment],
                    roadSigns: ["sales-admits": true, "adoption-funded": false]))
    }
}
