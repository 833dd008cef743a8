import Foundation
import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERReports
@testable import LAERScoring
@testable import LAERSystem
@testable import LAERTerminal
@testable import LAERValues

/// Golden files for every report of one assessment of the mini questionnaire.
@Suite struct ReportGoldenTests {
    static func result() throws -> (ScoreResult, Questionnaire) {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let file = InputFile(displayName: "answers-mini.json", bytes: Array(try TestFiles.fixtureText("answers-mini.json").utf8))
        let assessment = try AnswerLoader.load(file, questionnaire: questionnaire)
        return (Scorer(questionnaire: questionnaire).score(assessment, source: file.displayName), questionnaire)
    }

    @Test func text() throws {
        let (result, questionnaire) = try Self.result()
        let report = TextReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(report, named: "score-mini.txt")
        #expect(report.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(!report.contains("\u{1B}["))
        #expect(
            TextReport(style: ANSIStyle(colorEnabled: true)).render(result, questionnaire: questionnaire).contains("\u{1B}[1m"))
    }

    /// The summary a finished survey prints, once with a question left and once complete.
    @Test func surveySummary() throws {
        let (result, questionnaire) = try Self.result()
        let summary = SurveySummary()
        let text =
            summary.render(result, questionnaire: questionnaire, answerFile: "answers-mini.json", unanswered: 1)
            + "\n" + summary.render(result, questionnaire: questionnaire, answerFile: "answers-mini.json", unanswered: 0)
        try assertSnapshot(text, named: "survey-summary-mini.txt")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(!text.contains("\u{1B}["))
        #expect(
            SurveySummary(style: ANSIStyle(colorEnabled: true)).render(
                result, questionnaire: questionnaire, answerFile: "a.json", unanswered: 0
            ).contains("\u{1B}[1m"))
    }

    @Test func markdown() throws {
        let (result, questionnaire) = try Self.result()
        try assertSnapshot(MarkdownReport().render(result, questionnaire: questionnaire), named: "score-mini.md")
    }

    /// The hostile input of the HTML golden file (markup, quotes and ampersands in every name) as text and Markdown.
    @Test func hostileInputAsTextAndMarkdown() throws {
        let (result, questionnaire) = try HTMLReportTests.hostile()
        let text = TextReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(text, named: "score-mini-hostile.txt")
        #expect(text.contains(#"<script>alert("x")</script> & "Zoë""#), "text shows names as they are")
        #expect(!text.contains("\u{1B}["))

        let markdown = MarkdownReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(markdown, named: "score-mini-hostile.md")
        #expect(!markdown.contains("<script>") && !markdown.contains("</script>") && !markdown.contains("<Sales>"))
        #expect(markdown.contains(#"\<script\>alert("x")\</script\> \& "Zoë""#))
        #expect(markdown.contains(#"VP \<Sales\>"#))
    }

    /// The merged input of the HTML golden file (4 respondents, disagreement before what holds them back) as text and Markdown.
    @Test func mergedInputAsTextAndMarkdown() throws {
        let (result, questionnaire) = try HTMLReportTests.merged()
        let text = TextReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(text, named: "score-mini-merged.txt")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let markdown = MarkdownReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(markdown, named: "score-mini-merged.md")
        for report in [text, markdown] {
            let disagreement = try #require(
                report.range(of: "respondents disagree", options: .caseInsensitive), "no disagreement section")
            let holdingBack = try #require(report.range(of: "what holds you back", options: .caseInsensitive))
            #expect(disagreement.lowerBound < holdingBack.lowerBound)
            #expect(report.contains("4 respondents"))
        }
        #expect(markdown.contains("## Where the respondents disagree\n\n- `k2` We track usage. Ratings from not to fully"))
    }

    @Test func json() throws {
        let (result, questionnaire) = try Self.result()
        let text = JSONReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(text, named: "score-mini.json")
        let document = try #require(try JSONParser.parse(text).objectValue)
        for key in [
            "schema", "questionnaire", "respondent", "assessedOn", "source", "overall", "markers", "target", "gaps",
            "toVerify", "roadSigns", "perceptionGaps",
        ] {
            #expect(document[key] != nil, "laer-result/1 needs \(key)")
        }
        #expect(Self.keysAreSorted(.object(document)))
        var merged = result
        merged.respondents = 3
        merged.disagree(on: ["k2"])
        #expect(Self.keysAreSorted(try JSONParser.parse(JSONReport(pretty: false).render(merged, questionnaire: questionnaire))))
    }

    /// The merged team of four (notes with authors, three spreads) as JSON and CSV.
    @Test func mergedJSONAndCSV() throws {
        let (result, questionnaire) = try MergedTeam.result()
        let json = JSONReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(json, named: "score-mini-merged.json")
        #expect(Self.keysAreSorted(try JSONParser.parse(json)))
        let csv = CSVReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(csv, named: "score-mini-merged.csv")
        let rows = try CSVReader.parse(csv)
        #expect(rows.count == 2 && rows[0].fields == CSVReport.header(questionnaire))
        #expect(rows[1].fields.count == rows[0].fields.count)
    }

    /// Every object's keys in byte order, at every depth.
    static func keysAreSorted(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object):
            let keys = object.keys
            return zip(keys, keys.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                && object.members.allSatisfy { keysAreSorted($0.value) }
        case .array(let elements): return elements.allSatisfy(keysAreSorted)
        default: return true
        }
    }

    @Test func jsonLinesAreByteForByteTheCompactReport() throws {
        var (result, questionnaire) = try Self.result()
        let writer = JSONLineWriter(questionnaire: questionnaire)
        #expect(writer.bytes(result) == JSONReport(pretty: false).renderBytes(result, questionnaire: questionnaire))
        result.respondents = 4
        result.disagree(on: ["k2", "c3"])
        result.period = nil
        result.respondent = Respondent(name: "\"Zoë\" \u{2028}\t<x>", role: nil, organization: "A, B")
        let first = result.gaps[0]
        result.gaps[0] = Gap(
            rank: first.rank, capability: "not-in-the-questionnaire", marker: first.marker, phase: first.phase,
            rating: first.rating,
            weight: first.weight, shortfall: first.shortfall, researchArea: first.researchArea, statement: first.statement,
            action: first.action, motions: first.motions, basis: first.basis)
        #expect(writer.bytes(result) == JSONReport(pretty: false).renderBytes(result, questionnaire: questionnaire))
        result.notes = []
        result.ratings.reverse()
        #expect(writer.bytes(result) == JSONReport(pretty: false).renderBytes(result, questionnaire: questionnaire))
        result.ratings.append(CapabilityRating(capability: "not-in-the-questionnaire", rating: .fully))
        #expect(writer.bytes(result) == JSONReport(pretty: false).renderBytes(result, questionnaire: questionnaire))
        result.ratings = []
        #expect(writer.bytes(result) == JSONReport(pretty: false).renderBytes(result, questionnaire: questionnaire))
        for anonymized in [false, true] {
            var (merged, _) = try MergedTeam.result(anonymized: anonymized)
            #expect(writer.bytes(merged) == JSONReport(pretty: false).renderBytes(merged, questionnaire: questionnaire))
            merged.spreads?[0].notApplicable = 2
            merged.notes[0].note = "\"Q3\"\n\u{7}\\ \u{2028}"
            #expect(writer.bytes(merged) == JSONReport(pretty: false).renderBytes(merged, questionnaire: questionnaire))
        }
        let builtIn = try QuestionnaireLoader.builtIn()
        let example = try AnswerLoader.load(
            try InputFile.read(
                path: TestFiles.packageDirectory.appendingPathComponent("Questionnaires/Examples/northwind-experiment.json").path),
            questionnaire: builtIn)
        let northwind = Scorer(questionnaire: builtIn).score(example, source: "n.json")
        #expect(
            JSONLineWriter(questionnaire: builtIn).bytes(northwind)
                == JSONReport(pretty: false).renderBytes(northwind, questionnaire: builtIn))
    }

    @Test func csv() throws {
        let (result, questionnaire) = try Self.result()
        let text = CSVReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(text, named: "score-mini.csv")
        let rows = try CSVReader.parse(text)
        #expect(rows.count == 2)
        #expect(rows[0].fields == CSVReport.header(questionnaire))
        #expect(rows[1].fields.count == rows[0].fields.count)
    }

    @Test func csvCellsNeverRunAsFormulas() throws {
        var (result, questionnaire) = try Self.result()
        result.respondent.name = "=HYPERLINK(\"http://x\")"
        result.source = "+cmd.csv"
        let row = try CSVReader.parse(CSVReport().render(result, questionnaire: questionnaire))[1].fields
        #expect(row[0] == "'+cmd.csv")
        #expect(row[1] == "'=HYPERLINK(\"http://x\")")
    }
}

@Suite struct AnswerTemplateTests {
    @Test func jsonAndMarkdownTemplatesMatchTheirGoldenFiles() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        try assertSnapshot(AnswerTemplate.json(for: questionnaire, today: "2026-11-25"), named: "template-mini.json")
        try assertSnapshot(AnswerTemplate.markdown(for: questionnaire), named: "template-mini.md")
    }

    @Test func theJSONTemplateListsEveryQuestionInQuestionnaireOrder() throws {
        let questionnaire = try QuestionnaireLoader.builtIn()
        let document = try #require(
            try JSONParser.parse(AnswerTemplate.json(for: questionnaire, today: "2026-11-25")).objectValue)
        #expect(document["answers"]?.objectValue?.keys == questionnaire.capabilities.map(\.id))
        #expect(document["roadSigns"]?.objectValue?.keys == questionnaire.roadSigns.map(\.id))
        #expect(document["placements"]?.objectValue?.keys == MarkerID.allCases.map(\.rawValue))
    }
}

@Suite struct NarrativeTests {
    @Test func explainsWhatHoldsTheCompanyBackAndTheProjection() throws {
        let (result, questionnaire) = try ReportGoldenTests.result()
        let narrative = Narrative(result: result, questionnaire: questionnaire)
        #expect(narrative.headline == "You are at LAER Experiment (index 2.40 of 4). Your target is LAER Effective.")
        #expect(
            narrative.holdingBack == [
                "Practices holds you at LAER Experiment: LAER Effective is at 33%, short of the 50% that reaches it.",
                "Compensation holds you at LAER Experiment: LAER Experiment is at 67%, short of the 85% needed to build on it; no LAER Effective capability was answered, so that phase cannot be judged yet.",
                "Organizational structure holds you at LAER Experiment: LAER Effective is at 0%, short of the 50% that reaches it.",
            ])
        #expect(narrative.perceptionSentences == ["You placed KPIs at LAER Efficient; the evidence says LAER Effective."])
        #expect(narrative.missingRoadSigns == ["Adoption is funded at scale."])
        #expect(narrative.projectionSentence.hasPrefix("No rating of the answered capabilities can reach LAER Effective yet"))
    }

    @Test func percentagesBelowAThresholdNeverReadAsEqualToIt() {
        #expect(NumberFormat.percent(0.849, below: 0.85) == "84.9%")
        #expect(NumberFormat.percent(0.8499999, below: 0.85) == "84.9%")
        #expect(NumberFormat.percent(0.84, below: 0.85) == "84%")
        #expect(NumberFormat.decimal(2.005, places: 2) == "2.01")
        #expect(NumberFormat.decimal(-0.001, places: 2) == "0.00")
        #expect(NumberFormat.decimal(3.14159, places: 3) == "3.142")
    }

    @Test func movesGroupTheProjectionByMarkerAndPhaseInRankOrder() throws {
        let (result, _) = try ReportGoldenTests.result()
        let moves = result.moves
        #expect(moves.map(\.marker) == [.compensation, .organization, .practices])
        #expect(moves.map(\.kind) == [.consolidate, .reach, .reach])
        #expect(moves.flatMap(result.gaps(of:)).map(\.capability) == result.projection.capabilities)
    }
}
