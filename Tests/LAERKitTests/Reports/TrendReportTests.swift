import Foundation
import Testing

@testable import LAERFormats
@testable import LAERReports
@testable import LAERScoring
@testable import LAERValues

/// Trend reports of merges built by hand with the mini questionnaire.
@Suite struct TrendReportTests {
    /// Ratings for every marker: `levels` are the ratings of its phase 2, 3 and 4 capabilities.
    static func ratings(_ levels: [Rating], except: [MarkerID: [Rating]] = [:]) -> [String: Rating] {
        let letters: [MarkerID: String] = [.kpis: "k", .practices: "p", .compensation: "c", .organization: "o", .culture: "s"]
        var ratings: [String: Rating] = [:]
        for marker in MarkerID.allCases {
            for (offset, rating) in (except[marker] ?? levels).enumerated() {
                ratings["\(letters[marker]!)\(offset + 2)"] = rating
            }
        }
        return ratings
    }

    static func assessment(_ organization: String, on date: String, period: String? = nil, _ ratings: [String: Rating])
        -> Assessment
    {
        Assessment(
            questionnaireID: "mini", questionnaireVersion: "1.0.0", respondent: Respondent(organization: organization),
            assessedOn: date, period: period, answers: ratings.mapValues { Answer($0) })
    }

    /// The assessments merged per organization and period, in the order given, then made into trends.
    static func trends(_ assessments: [Assessment]) throws -> ([Trend], Questionnaire) {
        let questionnaire = try TestFiles.miniQuestionnaire()
        var merges: [OrganizationMerge] = []
        for (index, assessment) in assessments.enumerated() {
            let key = OrganizationName.key(assessment.respondent.organization)
            let period = assessment.comparisonPeriod
            if let position = merges.firstIndex(where: { $0.key == key && $0.period == period }) {
                merges[position].add(assessment, source: "answers-\(index).json")
            } else {
                var merge = OrganizationMerge(key: key, period: period, questionnaire: questionnaire)
                merge.add(assessment, source: "answers-\(index).json")
                merges.append(merge)
            }
        }
        let scorer = Scorer(questionnaire: questionnaire)
        return (Comparisons.trends(merges, score: { scorer.score($0) }), questionnaire)
    }

    /// Acme: 2026-Q1, no assessment in Q2, two respondents in Q3 (given out of order), Q4 with
    /// culture fallen back; Globex: one assessment, with its period taken from its date.
    static func mini() throws -> ([Trend], Questionnaire) {
        try trends([
            assessment("Acme Corp", on: "2026-08-14", period: "2026-Q3", ratings([.fully, .largely, .not])),
            assessment("Globex", on: "2026-05-06", ratings([.largely, .partially, .na])),
            assessment("ACME Corp.", on: "2026-02-10", period: "2026-Q1", ratings([.largely, .not, .not])),
            assessment("Acme Corp", on: "2026-08-20", period: "2026-Q3", ratings([.fully, .partially, .partially])),
            assessment(
                "Acme Corp", on: "2026-11-20", period: "2026-Q4",
                ratings(
                    [.fully, .largely, .not], except: [.kpis: [.fully, .fully, .largely], .culture: [.partially, .not, .not]])),
        ])
    }

    static func render(_ format: ReportFormat) throws -> String {
        let (trends, questionnaire) = try mini()
        return format.trendReport().render(trends, questionnaire: questionnaire)
    }

    // MARK: Values

    @Test func mergesEachOrganizationPerPeriodInTimeOrder() throws {
        let (trends, _) = try Self.mini()
        #expect(trends.map(\.organization) == ["Acme Corp", "Globex"])
        let acme = trends[0]
        #expect(acme.points.map(\.origin.label) == ["2026-Q1", "2026-Q3", "2026-Q4"])
        #expect(acme.points.map(\.origin.respondents) == [1, 2, 1])
        // Q3 by hand: phase 2 items fully and fully (1), phase 3 largely and partially (1/2),
        // phase 4 not and partially (1/6): every marker 1 + 1 + 1/2 + 1/6 = 8/3, at LAER Effective.
        let q3 = acme.points[1]
        #expect(abs(q3.overall.index - 8.0 / 3.0) < 1e-9)
        #expect(q3.overall.phase == .laerEffective)
        #expect(q3.markers.allSatisfy { abs($0.standing.index - 8.0 / 3.0) < 1e-9 })
        #expect(abs(acme.points[2].overall.index - 2.6) < 1e-9)
        #expect(trends[1].points.map(\.origin.label) == ["2026-Q2"])
    }

    @Test func findsMissingQuartersOnlyAmongQuarters() throws {
        let (trends, questionnaire) = try Self.mini()
        let table = TrendTable(trends[0], questionnaire: questionnaire)
        #expect(table.columns.map(\.label) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
        #expect(table.columns.map { $0.point == nil } == [false, true, false, false])
        #expect(table.missingNote == "No assessment in 2026-Q2.")
        #expect(Quarter(period: "2026-Q4")?.ordinal == 2026 * 4 + 3)
        for period in ["2026-Q5", "2026-Q0", "26-Q1", "2026-H1", "2026-q1", "2026-Q12", "２０２６-Q1"] {
            #expect(Quarter(period: period) == nil, "\(period)")
        }

        var long = trends[0]
        long.points[0].origin.period = "2024-Q4"
        #expect(
            TrendTable(long, questionnaire: questionnaire).columns.map(\.label) == [
                "2024-Q4", "2025-Q1–2026-Q2", "2026-Q3", "2026-Q4",
            ])
        long.points[0].origin.period = "Spring"
        #expect(TrendTable(long, questionnaire: questionnaire).columns.map(\.label) == ["Spring", "2026-Q3", "2026-Q4"])
    }

    @Test func changesAreTheLastStepAndSinceTheFirst() throws {
        let (trends, questionnaire) = try Self.mini()
        let overall = TrendTable(trends[0], questionnaire: questionnaire).rows[0]
        #expect(TrendTable.changes(overall) == ("-0.07", "+0.93"))
        #expect(overall.sparkline == "▂ ▅▅")
        let single = TrendTable(trends[1], questionnaire: questionnaire)
        #expect(TrendTable.changes(single.rows[0]) == ("—", "—"))
        #expect(single.changeNote == "First assessment: a trend needs two periods.")
        #expect(TrendTable.signed(0.004) == "0.00")
        #expect(TrendTable.signed(-0.004) == "0.00")
        #expect(TrendTable.signed(0.31) == "+0.31")
    }

    // MARK: Sparkline

    @Test(arguments: [
        (1.0, "▁"), (0.5, "▁"), (1.374, "▁"), (1.375, "▂"), (1.75, "▃"), (2.125, "▄"), (2.5, "▅"), (2.875, "▆"),
        (3.25, "▇"), (3.624, "▇"), (3.625, "█"), (4.0, "█"), (4.5, "█"),
    ])
    func sparklineCharacter(_ index: Double, _ expected: String) {
        #expect(String(Sparkline.character(index)) == expected)
    }

    @Test func sparklineUsesTheFixedScaleAndLeavesGapsBlank() {
        #expect(Sparkline.line([1.0, 2.5, nil, 4.0]) == "▁▅ █")
        // A flat low row stays low: no per-row stretching.
        #expect(Sparkline.line([1.2, 1.3]) == "▁▁")
        // A third computed as 1.3749999… still reaches the second band.
        #expect(Sparkline.character(1 + 1.0 / 8.0 * 3.0 - 1e-12) == "▂")
    }

    // MARK: Golden files

    @Test func text() throws {
        let text = try Self.render(.text)
        try assertSnapshot(text, named: "trend-mini.txt")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(text.contains("No assessment in 2026-Q2."))
        #expect(text.contains("2026-Q3: 2 respondents."))
        #expect(text.contains("First assessment: a trend needs two periods."))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func textContinuesPeriodsThatDoNotFitInAFurtherBlock() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let (trends, _) = try Self.mini()
        var trend = trends[0]
        let point = trend.points[0]
        trend.points = (1...8).map { quarter in
            var next = point
            next.origin.period = "\(2024 + (quarter - 1) / 4)-Q\((quarter - 1) % 4 + 1)"
            return next
        }
        let text = TrendTextReport().render([trend], questionnaire: questionnaire)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let headers = text.split(separator: "\n").filter { $0.hasPrefix("  Marker") }
        #expect(headers.count == 3)
        #expect(headers[0].contains("2024-Q1") && headers[0].contains("2025-Q1") && !headers[0].contains("Trend"))
        #expect(headers[1].contains("2025-Q2") && headers[1].contains("2025-Q4") && !headers[1].contains("Trend"))
        #expect(headers[2].contains("Trend") && headers[2].contains("Since first"))
        #expect(text.contains("▂▂▂▂▂▂▂▂"))
    }

    @Test func markdown() throws {
        let markdown = try Self.render(.markdown)
        try assertSnapshot(markdown, named: "trend-mini.md")
        #expect(markdown.contains("| Marker | 2026-Q1 | 2026-Q2 | 2026-Q3 | 2026-Q4 | Trend | Change | Since first |"))
    }

    @Test func json() throws {
        let json = try Self.render(.json)
        try assertSnapshot(json, named: "trend-mini.json")
        // Two organizations: JSON Lines, each line a whole laer-trend/1 object with the contract's keys in order.
        let lines = json.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONParser.parse(String(lines[0])).objectValue)
        #expect(first.keys == ["schema", "organization", "points"])
        #expect(first["schema"] == .string("laer-trend/1"))
        let point = try #require(first["points"]?.arrayValue?.first?.objectValue)
        #expect(point.keys == ["period", "assessedOn", "respondents", "questionnaire", "overall", "markers"])
        #expect(point["markers"]?.arrayValue?.first?.objectValue?.keys == ["id", "phase", "index"])

        let (trends, questionnaire) = try Self.mini()
        let alone = TrendJSONReport().render([trends[0]], questionnaire: questionnaire)
        #expect(alone.split(separator: "\n").count > 10, "one organization is printed indented")
        #expect(try JSONParser.parse(alone) == JSONParser.parse(String(lines[0])))
    }

    @Test func csv() throws {
        let csv = try Self.render(.csv)
        try assertSnapshot(csv, named: "trend-mini.csv")
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 1 + 4)
        #expect(
            rows[0]
                == "organization,period,assessedOn,respondents,questionnaire,version,overallPhase,overallIndex,kpisPhase,kpisIndex,"
                + "practicesPhase,practicesIndex,compensationPhase,compensationIndex,organizationPhase,organizationIndex,"
                + "culturePhase,cultureIndex")
        #expect(rows[2].hasPrefix("Acme Corp,2026-Q3,2026-08-20,2,mini,1.0.0,laer-effective,2.667,"))
    }

    @Test func html() throws {
        let html = try Self.render(.html)
        try assertSnapshot(html, named: "trend-mini.html")
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(html.contains("role=\"img\" aria-labelledby=\"trend-1-title trend-1-desc\""))
        #expect(html.contains("Overall index from 1.67 in 2026-Q1 to 2.60 in 2026-Q4."))
        #expect(html.contains("no assessment"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        #expect(!html.contains("class=\"multiples\""))
    }

    @Test func manyOrganizationsAreSmallMultiples() throws {
        let assessments = (1...12).map { number in
            Self.assessment("Org \(number)", on: "2026-0\(number % 9 + 1)-01", Self.ratings([.largely, .partially, .not]))
        }
        let (trends, questionnaire) = try Self.trends(assessments)
        let html = TrendHTMLReport().render(trends, questionnaire: questionnaire)
        #expect(html.contains("<div class=\"multiples\">"))
        #expect(html.components(separatedBy: "<details>").count - 1 == 12)
        #expect(html.components(separatedBy: "<title id=").count - 1 == 13, "twelve charts and the shared legend")
    }

    // MARK: Hostile names

    @Test func hostileNamesAreEscapedInEveryFormat() throws {
        let name = #"<script>alert(1)</script> | =cmd"#
        let (trends, questionnaire) = try Self.trends([
            Self.assessment(name, on: "2026-02-01", period: "=HYPERLINK(\"x\")", Self.ratings([.largely, .not, .not])),
            Self.assessment("=cmd|' /C calc'!A0", on: "2026-02-01", Self.ratings([.largely, .not, .not])),
        ])
        let render = { (format: ReportFormat) in format.trendReport().render(trends, questionnaire: questionnaire) }
        let html = render(.html)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | =cmd"))
        let markdown = render(.markdown)
        #expect(markdown.contains(#"## \<script\>alert(1)\</script\> \| =cmd"#))
        #expect(!markdown.contains("<script>"))
        let csv = render(.csv)
        #expect(csv.contains("'<script>") == false)
        #expect(csv.contains("'=HYPERLINK"))
        #expect(csv.contains("\n'=cmd|' /C calc'!A0,"))
        let text = render(.text)
        #expect(text.contains("LAER trend: \(name)"))
    }
}
