import Testing

@testable import LAERReports
@testable import LAERValues

/// The format registry: what each format's reports share.
@Suite struct ReportFormatTests {
    @Test func theJSONPrintoutIsTheDocumentWithoutItsByteOrderMarkEndedByOneLineBreak() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let document = Array("{\"id\": \"x\"}".utf8)
        let printed = ReportFormat.json.questionnairePrintout(
            questionnaire, document: [0xEF, 0xBB, 0xBF] + document, style: PlainText())
        #expect(printed == "{\"id\": \"x\"}\n")
        let ended = ReportFormat.json.questionnairePrintout(questionnaire, document: document + [0x0A], style: PlainText())
        #expect(ended == "{\"id\": \"x\"}\n")
        #expect(ReportFormat.html.questionnairePrintout(questionnaire, document: document, style: PlainText()) == nil)
        #expect(ReportFormat.questionnaireFormats == [.text, .markdown, .json])
    }

    @Test func eachFormatHasItsExtensionAndFraming() {
        #expect(ReportFormat.allCases.map(\.fileExtension) == ["txt", "md", "json", "html", "csv"])
        #expect(ReportFormat.text.separator == "\n" + String(repeating: "─", count: 80) + "\n\n")
        #expect(ReportFormat.markdown.separator == "\n---\n\n")
        #expect(ReportFormat.json.separator.isEmpty && ReportFormat.csv.separator.isEmpty && ReportFormat.html.separator.isEmpty)
    }

    @Test func aStreamOfScoreResultsIsFramedByItsFormat() throws {
        let (result, questionnaire) = try ReportGoldenTests.result()
        let csv = ReportFormat.csv.scoreStream(catalog: QuestionnaireCatalog([questionnaire]))
        #expect(csv.header == CSVReport.writer.bytes([CSVReport.header(questionnaire)]))
        #expect(csv.render(result) == CSVReport.writer.bytes([CSVReport.row(result, questionnaire: questionnaire)]))
        let json = ReportFormat.json.scoreStream(catalog: QuestionnaireCatalog([questionnaire]))
        #expect(json.header.isEmpty)
        #expect(json.render(result) == JSONReport(pretty: false).renderBytes(result, questionnaire: questionnaire))
        let text = ReportFormat.text.scoreStream(catalog: QuestionnaireCatalog([questionnaire]))
        #expect(text.render(result) == Array(TextReport().render(result, questionnaire: questionnaire).utf8))
    }
}
