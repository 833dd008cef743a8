import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERValues

@Suite struct ColumnMapParsingTests {
    @Test func readsEveryKeyAndCapabilityColumns() throws {
        let map = try ColumnMap(
            parsing:
                " respondent=Full Name, organization = Company ,assessedOn=Submitted,role=Job title,PERIOD=Quarter,k2=We track usage.,\"k3=Retention, monthly\""
        )
        #expect(
            map.fields == [
                .respondent: "Full Name", .organization: "Company", .assessedOn: "Submitted", .role: "Job title",
                .period: "Quarter",
            ])
        #expect(map.capabilities == ["k2": "We track usage.", "k3": "Retention, monthly"])
        #expect(!map.isEmpty)
        #expect(ColumnMap.none.isEmpty)
        #expect(try ColumnMap(parsing: "") == .none)
    }

    @Test(arguments: [
        ("respondant=Name", ColumnMapError.unknownKey("respondant", closest: "respondent")),
        ("organisation=Company", .unknownKey("organisation", closest: "organization")),
        ("assessedon=Date,role=", .emptyValue("role")),
        ("role=Title,Role=Job title", .duplicateKey("Role")),
        ("respondent", .noEquals("respondent")),
        ("=Name", .noKey("=Name")),
    ])
    func refusesABadMap(text: String, error: ColumnMapError) {
        #expect(throws: error) { try ColumnMap(parsing: text) }
    }

    @Test func saysWhatIsWrongAndHowToWriteIt() {
        #expect(
            ColumnMapError.unknownKey("respondant", closest: "respondent").description
                == "\"respondant\" is not a column the map can name; did you mean \"respondent\"? (the keys are respondent, role, organization, assessedOn, period or a capability id)"
        )
        #expect(
            ColumnMapError.emptyValue("role").description
                == "\"role\" in the column map has no header text after '='; write each column as key=Header text, such as respondent=Full name"
        )
        #expect(ColumnMapError.duplicateKey("role").description == "the column map names \"role\" twice; keep one of the two")
    }
}

@Suite struct ColumnMapReadingTests {
    static func read(_ text: String, _ map: String) throws -> (rows: [WideCSV.Row], fileProblems: [Problem]) {
        WideCSV.read(
            InputFile(displayName: "export.csv", bytes: Array(text.utf8)), questionnaire: try TestFiles.miniQuestionnaire(),
            columns: try ColumnMap(parsing: map))
    }

    @Test func readsTheColumnsTheMapNames() throws {
        let result = try Self.read(
            "Who,Firm,When,Name,We track usage.,k3\nAda,Initech,2026-11-25,ignored,F,L\n",
            "respondent=who,organization=Firm,assessedOn=When,k2=We track usage.")
        let assessment = try #require(result.rows.first?.assessment)
        // The mapped "Who" replaces the "Name" column, which is left out without a warning.
        #expect(assessment.respondent == Respondent(name: "Ada", organization: "Initech"))
        #expect(assessment.assessedOn == "2026-11-25")
        #expect(assessment.answers == ["k2": Answer(.fully), "k3": Answer(.largely)])
        #expect(!result.fileProblems.contains { $0.message.contains("unknown column") })
    }

    @Test func refusesAMappedColumnTheHeaderLacksAsAUsageError() throws {
        let result = try Self.read("Full name,Date,k2\nAda,2026-11-25,F\n", "respondent=Full nme")
        #expect(result.rows == [])
        #expect(
            result.fileProblems.errors == [
                Problem(
                    at: .cell(row: 1, column: nil),
                    "the column map gives \"Full nme\" for respondent, but the header has no such column; did you mean \"Full name\"?",
                    cause: .usage)
            ])
        #expect(result.fileProblems.first?.cause == .usage)
    }

    @Test func refusesAMappedCapabilityTheQuestionnaireLacks() throws {
        let result = try Self.read("Date,k2,Usage\n2026-11-25,F,F\n", "k22=Usage")
        #expect(result.rows == [])
        #expect(
            result.fileProblems.errors == [
                Problem(
                    at: .document,
                    "the column map names \"k22\", which is not a capability of questionnaire mini 1.0.0; check the id against 'laer questionnaire'",
                    cause: .usage)
            ])
    }

    @Test func makesAHeaderOfQuestionTextsWideThroughTheMap() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let header = ["Timestamp", "We track usage."]
        #expect(!WideCSV.isWide(header: header, questionnaire: questionnaire))
        #expect(
            WideCSV.isWide(header: header, questionnaire: questionnaire, columns: try ColumnMap(parsing: "k2=We track usage.")))
    }

    @Test func passesTheMapThroughAnswerLoader() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let file = InputFile(displayName: "export.csv", bytes: Array("When,Usage\n2026-11-25,F\n".utf8))
        let map = try ColumnMap(parsing: "assessedOn=When,k2=Usage")
        let read = AnswerLoader.readAll(file, questionnaire: questionnaire, columns: map)
        #expect(read.entries.map(\.assessment?.answers) == [["k2": Answer(.fully)]])
        let catalog = AnswerLoader.readAll(file, in: QuestionnaireCatalog([questionnaire]), columns: map)
        #expect(catalog.entries.map(\.assessment?.answers) == [["k2": Answer(.fully)]])
        // Without the map the file is no wide export, and as a sheet it lacks id and rating.
        #expect(AnswerLoader.readAll(file, questionnaire: questionnaire).entries.first?.assessment == nil)
    }
}
