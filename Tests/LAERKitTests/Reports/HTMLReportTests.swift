import Foundation
import LAERTestSupport
import Testing

@testable import LAERReports
@testable import LAERScoring
@testable import LAERValues

@Suite struct HTMLEscapeTests {
    @Test func escapesTheFiveCharactersThatMakeMarkup() {
        #expect(HTML.escape(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func leavesOtherTextAloneAndEscapesOnlyOnce() {
        #expect(HTML.escape("Zoë Müller — CRO, 50% ✓") == "Zoë Müller — CRO, 50% ✓")
        #expect(HTML.escape("") == "")
        #expect(HTML.escape("&amp;") == "&amp;amp;")
    }

    @Test func tableBuildersEscapeTheCaptionAndHeaderButNotTheCells() {
        #expect(HTML.row(["a", "<b>b</b>"]) == "<tr><th scope=\"row\">a</th><td><b>b</b></td></tr>")
        #expect(HTML.row(["1", "a"], header: 1, classes: ["num"]) == "<tr><td class=\"num\">1</td><th scope=\"row\">a</th></tr>")
        #expect(
            HTML.table(caption: "A & B", header: ["<x>"], rows: ["<tr></tr>"]) == """
                <table>
                <caption>A &amp; B</caption>
                <thead><tr><th scope="col">&lt;x&gt;</th></tr></thead>
                <tbody>
                <tr></tr>
                </tbody>
                </table>

                """)
    }

    /// A table with an id scrolls in a region the keyboard can reach, named by its caption.
    @Test func aTableWithAnIDStandsInAFocusableRegionNamedByItsCaption() {
        #expect(
            HTML.table(caption: "Gaps", header: ["Rank"], numeric: [0], rows: ["<tr></tr>"], id: "gaps-table") == """
                <div class="table-scroll" role="region" aria-labelledby="gaps-table-caption" tabindex="0">
                <table>
                <caption id="gaps-table-caption">Gaps</caption>
                <thead><tr><th scope="col" class="num">Rank</th></tr></thead>
                <tbody>
                <tr></tr>
                </tbody>
                </table>
                </div>

                """)
    }
}

@Suite struct HTMLReportTests {
    static func scorer() throws -> Scorer { Scorer(questionnaire: try TestFiles.miniQuestionnaire()) }

    static func assessment(
        _ ratings: [String: Rating], respondent: Respondent, placements: [MarkerID: PhaseID] = [:],
        roadSigns: [String: Bool] = [:]
    ) -> Assessment {
        Assessment(
            questionnaireID: "mini", questionnaireVersion: "1.0.0", respondent: respondent, assessedOn: "2026-03-02",
            period: "2026-Q1",
            answers: ratings.mapValues { Answer($0) }, placements: placements, roadSigns: roadSigns)
    }

    /// At LAER Experiment with KPIs and the organization at LAER Effective: gaps, one capability to verify
    /// (so the projection cannot reach the target), two perception gaps and one road sign missing.
    static func midJourney() throws -> (ScoreResult, Questionnaire) {
        let ratings: [String: Rating] = [
            "k2": .fully, "k3": .largely, "k4": .not, "p2": .fully, "p3": .partially, "p4": .na,
            "c2": .largely, "c3": .not, "c4": .partially, "o2": .fully, "o3": .fully, "o4": .partially, "s2": .fully, "s4": .not,
        ]
        let assessment = Self.assessment(
            ratings, respondent: Respondent(name: "Zoë Müller", role: "Chief Revenue Officer", organization: "Acme Corp"),
            placements: [.kpis: .laerEfficient, .compensation: .laerEffective, .culture: .laerExperiment],
            roadSigns: ["sales-admits": true, "adoption-funded": false])
        let scorer = try scorer()
        return (scorer.score(assessment, source: "answers/acme-2026-q1.json"), scorer.questionnaire)
    }

    /// Every marker at Traditional Transactional (five moves, so some come after the first three) and hostile text everywhere.
    static func hostile() throws -> (ScoreResult, Questionnaire) {
        let ratings = Dictionary(uniqueKeysWithValues: ["k2", "p2", "c2", "o2", "s2", "k3", "p3"].map { ($0, Rating.partially) })
        var assessment = Self.assessment(
            ratings,
            respondent: Respondent(
                name: #"<script>alert("x")</script> & "Zoë""#, role: "VP <Sales>", organization: "O'Brien & Co"))
        assessment.answers["k2"]?.note = Self.hostileNote
        let scorer = try scorer()
        return (scorer.score(assessment, source: "/tmp/<evil>/answers.json"), scorer.questionnaire)
    }

    /// A note with markup in it, long enough to wrap.
    static let hostileNote =
        #"<img src=x onerror="alert(1)"> **Only** the [top 20](javascript:x) | accounts, # see the weekly review that the CSMs run with each account's sponsor"#

    /// Four respondents merged, with notes and spreads: `MergedTeam`.
    static func merged() throws -> (ScoreResult, Questionnaire) { try MergedTeam.result() }

    static func render(_ pair: (ScoreResult, Questionnaire)) -> String { HTMLReport().render(pair.0, questionnaire: pair.1) }

    static func allReports() throws -> [String] { [render(try midJourney()), render(try hostile()), render(try merged())] }

    // MARK: Golden files

    @Test func midJourneyMatchesItsGoldenFile() throws {
        let html = Self.render(try Self.midJourney())
        try assertSnapshot(html, named: "score-mini.html")
        #expect(html.contains("<title>Gap analysis: Zoë Müller, Chief Revenue Officer, Acme Corp (Mini questionnaire)</title>"))
        #expect(html.contains("You placed KPIs at LAER Efficient; the evidence says LAER Effective."))
        #expect(html.contains("<li>Adoption is funded at scale.</li>"))
        #expect(html.contains("<h2 id=\"to-verify\">To verify</h2>\n<p>These are the unanswered capabilities up to"))
        #expect(html.contains("<span class=\"cap-id\">s3</span> S3.</li>"))
        #expect(html.contains("Your next three moves"))
        #expect(!html.contains("Where the respondents disagree"))
    }

    @Test func hostileTextMatchesItsGoldenFileAndAppearsOnlyEscaped() throws {
        let html = Self.render(try Self.hostile())
        try assertSnapshot(html, named: "score-mini-hostile.html")
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert(\"x\")"))
        #expect(!html.contains("<Sales>"))
        #expect(
            html.contains(
                "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Zoë&quot;, VP &lt;Sales&gt;, O&#39;Brien &amp; Co")
        )
        #expect(html.contains("<code>/tmp/&lt;evil&gt;/answers.json</code>"))
        #expect(html.contains("<h3>After these</h3>\n<ol class=\"more-moves\" start=\"4\">"))
    }

    @Test func mergedResultMatchesItsGoldenFileWithTheDisagreementFirst() throws {
        let html = Self.render(try Self.merged())
        try assertSnapshot(html, named: "score-mini-merged.html")
        #expect(html.contains("<h1>Acme Corp (4 respondents)</h1>"))
        let box = try #require(html.range(of: "Where the respondents disagree"))
        let holdingBack = try #require(html.range(of: "What holds you back"))
        #expect(box.lowerBound < holdingBack.lowerBound)
        #expect(
            html.contains("<li><span class=\"cap-id\">k2</span> We track usage. <span class=\"spread\">Ratings from not to fully")
        )
        #expect(html.contains("Close these 5 gaps and you are LAER Effective."))
    }

    @Test func disagreementNeedsAMergedResultAndAtLeastOneCapability() throws {
        var (result, questionnaire) = try Self.merged()
        result.disagree(on: [])
        #expect(!HTMLReport().render(result, questionnaire: questionnaire).contains("respondents disagree"))
        result.disagree(on: ["c3"])
        result.respondents = nil
        #expect(!HTMLReport().render(result, questionnaire: questionnaire).contains("respondents disagree"))
    }

    // MARK: Self-contained, accessible, deterministic

    @Test func loadsNothingAndRunsNothing() throws {
        for html in try Self.allReports() {
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.contains("http://") && !html.contains("https://"))
            #expect(!html.contains("@import") && !html.lowercased().contains("<link") && !html.contains("<img"))
            for prefix in ["src=\"", "href=\"", "url("] {
                for piece in html.components(separatedBy: prefix).dropFirst() {
                    #expect(piece.hasPrefix("#"), "\(prefix) must point inside the page: \(piece.prefix(40))")
                }
            }
        }
    }

    @Test func isAnHTML5DocumentInEnglishWithUTF8AndHeadingsInOrder() throws {
        for html in try Self.allReports() {
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
            #expect(html.hasSuffix("</body>\n</html>\n"))
            let levels = html.components(separatedBy: "<h").dropFirst().compactMap { $0.first?.wholeNumberValue }
            #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1)
            for (previous, next) in zip(levels, levels.dropFirst()) {
                #expect(next <= previous + 1, "heading h\(previous) then h\(next)")
            }
        }
    }

    @Test func everyChartHasATextAlternativeAndATableWithItsNumbers() throws {
        for html in try Self.allReports() {
            let charts = html.components(separatedBy: "<svg").dropFirst()
            #expect(charts.count == 2)
            for chart in charts {
                let opening = chart.prefix { $0 != ">" }
                #expect(opening.contains("role=\"img\""))
                let body = chart.components(separatedBy: "</svg>")[0]
                #expect(body.contains("<title id=") && body.contains("<desc id="))
                let after = chart.components(separatedBy: "</svg>")[1]
                let next = after.components(separatedBy: "<svg")[0]
                #expect(
                    next.contains("</figure>\n<div class=\"table-scroll\"") && next.contains("<caption id="),
                    "a data table follows the chart")
            }
            for table in html.components(separatedBy: "<table").dropFirst() {
                #expect(
                    table.contains("<caption id=") && table.contains("<th scope=\"col\">") && table.contains("<th scope=\"row\""))
            }
            // On a narrow screen each table scrolls in a region of its own, named by its caption, that the keyboard reaches.
            let regions = html.components(separatedBy: "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"")
                .dropFirst()
            #expect(regions.count == html.components(separatedBy: "<table").count - 1)
            for region in regions {
                let caption = region.prefix { $0 != "\"" }
                #expect(region.hasPrefix("\(caption)\" tabindex=\"0\">\n<table"), "\(caption)")
                #expect(region.contains("<caption id=\"\(caption)\">"), "\(caption)")
                #expect(html.components(separatedBy: "id=\"\(caption)\"").count == 2, "\(caption) is unique in the page")
            }
        }
    }

    @Test func heatMapWritesEveryPercentageAndMarksTheThresholdsInText() throws {
        let html = Self.render(try Self.midJourney())
        // KPIs: 100% consolidated, 67% reached, 0% below both; culture's LAER Effective has no answered capability.
        #expect(
            html.contains(
                "<tr><th scope=\"row\">KPIs</th><td class=\"num\">100% ✓✓</td><td class=\"num\">67% ✓</td><td class=\"num\">0%</td></tr>"
            ))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">Selling culture</th><td class=\"num\">100% ✓✓</td><td class=\"num\">no evidence</td><td class=\"num\">0%</td></tr>"
            ))
        #expect(html.contains(">100% ✓✓</text>") && html.contains(">no evidence</text>"))
        #expect(html.contains("✓ meets reach, 50%; ✓✓ meets consolidate, 85%"))
    }

    @Test func aValueJustShortOfAThresholdNeverReadsAsMeetingIt() throws {
        var (result, questionnaire) = try Self.midJourney()
        result.markers[0].attainment[.laerExperiment] = 0.849
        result.markers[0].attainment[.laerEffective] = 0.4996
        let html = HTMLReport().render(result, questionnaire: questionnaire)
        #expect(html.contains("<tr><th scope=\"row\">KPIs</th><td class=\"num\">84.9% ✓</td><td class=\"num\">49.9%</td>"))
        #expect(html.contains(">84.9% ✓</text>") && html.contains(">49.9%</text>"))
    }

    @Test func aCompanyAtTheLastPhaseGetsNoMovesAndSaysSo() throws {
        let scorer = try Self.scorer()
        let ids = scorer.questionnaire.capabilities.map(\.id)
        let assessment = Self.assessment(
            Dictionary(uniqueKeysWithValues: ids.map { ($0, Rating.fully) }), respondent: Respondent())
        let html = HTMLReport().render(scorer.score(assessment, source: "-"), questionnaire: scorer.questionnaire)
        #expect(html.contains("<h1>Anonymous respondent</h1>"))
        #expect(html.contains("<p>Nothing: every marker is at LAER Efficient.</p>"))
        #expect(
            html.contains(
                "<h2 id=\"moves\">Your next moves</h2>\n<p>No rated capability up to LAER Efficient falls short of fully.</p>"))
        #expect(!html.contains("class=\"move\""))
    }

    @Test func theSameResultGivesTheSameBytes() throws {
        let first = try Self.allReports()
        let second = try Self.allReports()
        #expect(first == second)
        let (result, questionnaire) = try Self.midJourney()
        #expect(
            HTMLReport().render(result, questionnaire: questionnaire) == HTMLReport().render(result, questionnaire: questionnaire)
        )
    }
}
