import Foundation
import LAERTestSupport
import Testing

@testable import LAERReports
@testable import LAERScoring
@testable import LAERValues

/// What the human-readable reports make of a result's evidence: notes on gaps and in their own
/// section, the respondents' disagreement, and the lines that explain the figures.
@Suite struct EvidenceReportTests {
    static func text(_ pair: (ScoreResult, Questionnaire)) -> String { TextReport().render(pair.0, questionnaire: pair.1) }
    static func markdown(_ pair: (ScoreResult, Questionnaire)) -> String {
        MarkdownReport().render(pair.0, questionnaire: pair.1)
    }
    static func html(_ pair: (ScoreResult, Questionnaire)) -> String { HTMLReport().render(pair.0, questionnaire: pair.1) }

    /// An assessment with nothing answered at all.
    static func blank() throws -> (ScoreResult, Questionnaire) {
        let assessment = HTMLReportTests.assessment([:], respondent: Respondent(name: "Zoë Müller", organization: "Acme Corp"))
        let scorer = try HTMLReportTests.scorer()
        return (scorer.score(assessment, source: "blank.json"), scorer.questionnaire)
    }

    func expectFits(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let long = text.split(separator: "\n").filter { $0.count > 80 }
        #expect(long.isEmpty, "lines over 80 columns: \(long)", sourceLocation: sourceLocation)
    }

    // MARK: Golden files

    @Test func mergedTeamAnonymizedAsText() throws {
        let text = Self.text(try MergedTeam.result(anonymized: true))
        try assertSnapshot(text, named: "score-mini-merged-anonymized.txt")
        expectFits(text)
    }

    /// Ids too long for the id column take a line of their own, and so does the column's heading.
    @Test func theSpreadTableKeepsItsColumnsWithLongIDs() throws {
        var (result, questionnaire) = try MergedTeam.result()
        let id = "organization-3-cs-funding-beyond-cogs"
        result.spreads = [RatingSpread(capability: id, counts: [1, 0, 1, 1], notApplicable: 0, deviation: 1.25, said: [])]
        let text = Self.text((result, questionnaire))
        #expect(
            text.contains(
                "  Capability\n      Not  Partially  Largely  Fully  N/A  Range\n  \(id)\n        1          0        1      1    0  not to fully\n"
            ))
    }

    /// A later move's long statement wraps under its own text, not one column further in.
    @Test func laterMovesWrapUnderTheirText() throws {
        let example = TestFiles.packageDirectory.appendingPathComponent("Questionnaires/Examples/northwind-experiment.json")
        let text = CommandRun(["score", example.path]).output
        let later = try #require(
            text.components(separatedBy: "\nTHEN\n").dropFirst().first?.components(separatedBy: "\n\n").first)
        #expect(later.contains("     - compensation-3-all-four-motions: We reward all four motions"))
        for line in later.split(separator: "\n") where !line.hasPrefix("  ") || line.hasPrefix("   ") {
            #expect(line.hasPrefix("     - ") || (line.hasPrefix("       ") && !line.hasPrefix("        ")), "\(line)")
        }
    }

    @Test func blankAssessmentAsText() throws {
        let text = Self.text(try Self.blank())
        try assertSnapshot(text, named: "score-mini-blank.txt")
        expectFits(text)
    }

    // MARK: Helpers

    /// The part of `text` from `start` up to `end` (or the end of the text); empty when `start` is absent.
    static func part(of text: String, from start: String, to end: String? = nil) -> Substring {
        guard let from = text.range(of: start) else { return "" }
        let rest = text[from.upperBound...]
        guard let end, let to = rest.range(of: end) else { return rest }
        return rest[..<to.lowerBound]
    }

    /// Where each of `pieces` first occurs, in text order; fails when one is missing.
    static func expectInOrder(_ text: String, _ pieces: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        var positions: [String.Index] = []
        for piece in pieces {
            guard let range = text.range(of: piece) else {
                Issue.record("missing: \(piece)", sourceLocation: sourceLocation)
                return
            }
            positions.append(range.lowerBound)
        }
        #expect(positions == positions.sorted(), "out of order: \(pieces)", sourceLocation: sourceLocation)
    }

    /// The text with every run of spaces and line breaks made one space, so that wrapping does not matter.
    static func flat(_ text: some StringProtocol) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    // MARK: Notes on gaps

    @Test func eachGapOfAMoveShowsItsOwnNotesWithWhoWroteThem() throws {
        let team = try MergedTeam.result()
        let text = Self.text(team)
        let first = Self.part(of: text, from: "1. Consolidate KPIs", to: "2. Consolidate Selling culture")
        #expect(first.contains("       Ada Lovelace: Weekly usage dashboard\n       Cleo Park: Only for the top 20 accounts\n"))
        #expect(!first.contains("Ben Okafor"))
        let second = Self.part(of: text, from: "2. Consolidate Selling culture", to: "3. Reach")
        #expect(!second.contains("Ada Lovelace") && !second.contains("Ben Okafor") && !second.contains("Note"))
        #expect(Self.part(of: text, from: "3. Reach", to: "THEN").contains("       Ben Okafor: Adoption bonus since Q3\n"))

        let markdown = Self.markdown(team)
        let firstItem = Self.part(of: markdown, from: "### 1. ", to: "### 2. ")
        #expect(
            firstItem.contains("  - *Ada Lovelace:* Weekly usage dashboard\n  - *Cleo Park:* Only for the top 20 accounts\n"))
        #expect(!Self.part(of: markdown, from: "### 2. ", to: "### 3. ").contains("Okafor"))
        #expect(Self.part(of: markdown, from: "### 3. ", to: "### Then").contains("  - *Ben Okafor:* Adoption bonus since Q3\n"))

        let html = Self.html(team)
        let cards = html.components(separatedBy: "<li class=\"gap\">").dropFirst()
        #expect(cards.count == 3)
        let author = "<li><span class=\"note-author\">"
        #expect(
            cards.first?.contains(
                "<ul class=\"notes\">\(author)Ada Lovelace:</span> Weekly usage dashboard</li>"
                    + "\(author)Cleo Park:</span> Only for the top 20 accounts</li></ul>") == true)
        #expect(cards.dropFirst().first?.contains("class=\"notes\"") == false)
        #expect(cards.last?.contains("\(author)Ben Okafor:</span> Adoption bonus since Q3</li>") == true)
    }

    @Test func theGapListShowsEachGapsNotesUnderIt() throws {
        let team = try MergedTeam.result()
        let text = Self.text(team)
        #expect(
            text.contains(
                "  1    k2 (largely, weight 2; KPIs, LAER Experiment)\n       Ada Lovelace: Weekly usage dashboard\n"
                    + "       Cleo Park: Only for the top 20 accounts\n  2    s2 "))
        #expect(text.contains("Compensation, LAER Effective)\n       Ben Okafor: Adoption bonus since Q3\n  5    p3"))
        #expect(
            Self.markdown(team).contains(
                "| 1 | `k2` We track usage.<br>*Ada Lovelace:* Weekly usage dashboard<br>*Cleo Park:* Only for the top 20 accounts | KPIs"
            ))
        let html = Self.html(team)
        let row = Self.part(
            of: String(Self.part(of: html, from: "id=\"all-gaps\"")), from: "<td class=\"num\">4</td>", to: "</tr>")
        #expect(row.contains("Ben Okafor:</span> Adoption bonus since Q3") && !row.contains("Ada Lovelace"))
    }

    @Test func aSingleResultShowsItsNoteWithoutAnAuthorInEveryFormat() throws {
        let single = try ReportGoldenTests.result()
        #expect(Self.text(single).contains("    k2: We track usage. (rated fully)\n      - Note: Usage dashboard, \"weekly\".\n"))
        #expect(
            Self.markdown(single).contains("- `k2` We track usage. (rated fully)\n  - *Note:* Usage dashboard, \"weekly\".\n"))
        #expect(Self.html(single).contains("Note:</span> Usage dashboard, &quot;weekly&quot;.</li>"))
    }

    @Test func aNoteIsUserTextEscapedInMarkdownAndHTMLAndWrappedInText() throws {
        let hostile = try HTMLReportTests.hostile()
        let text = Self.text(hostile)
        expectFits(text)
        #expect(Self.flat(Self.part(of: text, from: "EVIDENCE NOTES")).contains(HTMLReportTests.hostileNote))
        let markdown = Self.markdown(hostile)
        #expect(markdown.contains("*Note:* " + Markdown.escape(HTMLReportTests.hostileNote) + "\n"))
        let unescaped = markdown.replacingOccurrences(of: "\\<", with: "").replacingOccurrences(of: "\\]", with: "")
        #expect(!unescaped.contains("<img") && !unescaped.contains("](javascript"))
        let html = Self.html(hostile)
        #expect(html.contains(HTML.escape(HTMLReportTests.hostileNote)))
        #expect(!html.contains("<img") && !html.contains("onerror=\""))
    }

    // MARK: Evidence notes

    @Test func evidenceNotesListEveryNoteByMarkerUnderItsCapabilityAndRating() throws {
        let team = try MergedTeam.result()
        #expect(
            Self.text(team).contains(
                """
                EVIDENCE NOTES (3)
                  KPIs
                    k2: We track usage. (rated largely)
                      - Ada Lovelace: Weekly usage dashboard
                      - Cleo Park: Only for the top 20 accounts
                  Compensation
                    c3: C3. (rated partially)
                      - Ben Okafor: Adoption bonus since Q3

                """))
        #expect(
            Self.markdown(team).contains(
                """
                ## Evidence notes (3)

                ### KPIs

                - `k2` We track usage. (rated largely)
                  - *Ada Lovelace:* Weekly usage dashboard
                  - *Cleo Park:* Only for the top 20 accounts

                ### Compensation

                - `c3` C3. (rated partially)
                  - *Ben Okafor:* Adoption bonus since Q3

                """))
        let html = String(Self.part(of: Self.html(team), from: "<h2 id=\"evidence\">", to: "</section>"))
        Self.expectInOrder(
            html,
            ["<h3>KPIs</h3>", "k2</span> We track usage.", "Ada Lovelace:", "Cleo Park:", "<h3>Compensation</h3>", "Ben Okafor:"])
    }

    @Test func aLongStatementIsShortenedAtAWord() {
        let statement =
            "We measure product usage — active users, logins, active time and which features are used or ignored."
        #expect(Narrative.short(statement) == "We measure product usage — active users, logins, active…")
        #expect(Narrative.short(statement).count <= 60)
        #expect(Narrative.short("We track usage.") == "We track usage.")
    }

    // MARK: Disagreement

    @Test func everyReportPutsWhereYouStandFirstThenTheDisagreement() throws {
        let team = try MergedTeam.result()
        #expect(
            Self.text(team).split(separator: "\n").filter { $0.first?.isUppercase == true && $0 == $0.uppercased() } == [
                "WHERE YOU STAND", "WHERE THE RESPONDENTS DISAGREE", "WHAT HOLDS YOU BACK", "YOUR NEXT THREE MOVES", "THEN",
                "THE PROJECTION", "ALL GAPS (7)", "EVIDENCE NOTES (3)", "HOW THE RESPONDENTS RATED (3)", "ROAD SIGNS: 2 OF 2",
                "HOW THIS WAS SCORED",
            ])
        #expect(
            Self.markdown(team).split(separator: "\n").filter { $0.hasPrefix("## ") } == [
                "## Where you stand", "## Where the respondents disagree", "## What holds you back", "## Your next three moves",
                "## The projection", "## All gaps (7)", "## Evidence notes (3)", "## How the respondents rated (3)",
                "## Road signs: 2 of 2", "## How this was scored",
            ])
        let ids = Self.html(team).components(separatedBy: "<h2 id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(
            ids == [
                "disagreement", "holding-back", "moves", "projection", "charts", "all-gaps", "to-verify", "evidence", "spreads",
                "road-signs", "scoring",
            ])
    }

    @Test func theDisagreementListsOnlyNotableSpreadsWithTheirRangeAndCounts() throws {
        let team = try MergedTeam.result()
        let text = Self.part(of: Self.text(team), from: "WHERE THE RESPONDENTS DISAGREE", to: "WHAT HOLDS")
        #expect(
            text.hasPrefix(
                "\n  - k2: We track usage. Ratings from not to fully: 1 not, 3 fully.\n"
                    + "  - c3: C3. Ratings from not to largely: 2 not, 2 largely.\n  Listed when the standard deviation"))
        #expect(!text.contains("k3"), "k3's lone dissent is not notable")
        #expect(Self.flat(text).contains(Narrative.notableRule))
        #expect(Narrative.notableRule.contains("at least 0.9 levels") && Narrative.notableRule.contains("lone dissent"))
        let markdown = Self.part(of: Self.markdown(team), from: "## Where the respondents disagree", to: "## What")
        #expect(markdown.contains("`c3`") && !markdown.contains("`k3`"))
        let html = Self.part(of: Self.html(team), from: "id=\"disagreement\"", to: "</section>")
        #expect(html.contains("c3</span> C3. <span class=\"spread\">Ratings from not to largely: 2 not, 2 largely.</span>"))
        #expect(!html.contains(">k3<"))
    }

    @Test func theDisagreementShowsAtMostFiveWidestFirstAndSaysHowManyMore() throws {
        var (result, questionnaire) = try MergedTeam.result()
        let ids = ["k2", "k3", "k4", "p2", "p3", "p4", "c2", "c3"]
        result.spreads =
            [RatingSpread(capability: "s3", counts: [1, 0, 3, 0], notApplicable: 0, deviation: 0.87, said: [])]
            + ids.map { RatingSpread(capability: $0, counts: [1, 0, 1, 0], notApplicable: 1, deviation: 1, said: []) }
        let narrative = Narrative(result: result, questionnaire: questionnaire)
        #expect(narrative.notableSpreads.map(\.capability) == Array(ids.prefix(RatingSpread.shownFirst)))
        let text = Self.part(of: TextReport().render(result, questionnaire: questionnaire), from: "DISAGREE", to: "WHAT HOLDS")
        #expect(text.components(separatedBy: "\n  - ").count - 1 == 5)
        #expect(text.contains("  - p3: P3. Ratings from not to largely: 1 not, 1 largely, 1 N/A.\n"))
        #expect(!text.contains("p4:") && !text.contains("s3:"))
        #expect(text.contains("And 3 more, in the full table of ratings."))
    }

    @Test func withoutNotableSpreadsTheDisagreementSaysSoAndPointsToTheTable() throws {
        var (result, questionnaire) = try MergedTeam.result()
        result.spreads = result.spreads?.filter { !$0.isNotable }
        let text = TextReport().render(result, questionnaire: questionnaire)
        #expect(
            Self.flat(Self.part(of: text, from: "DISAGREE", to: "WHAT HOLDS")).hasPrefix(
                "No ratings are notably apart; 1 capability spans"))
        #expect(text.contains("HOW THE RESPONDENTS RATED (1)"))
    }

    // MARK: The table of spreads

    @Test func theTableOfSpreadsGivesTheCountsTheRangeAndWhoSaidWhat() throws {
        let team = try MergedTeam.result()
        #expect(
            Self.text(team).contains(
                """
                  Capability  Not  Partially  Largely  Fully  N/A  Range
                  k2            1          0        0      3    0  not to fully
                      We track usage.
                      Ada Lovelace: fully; Ben Okafor: fully; Cleo Park: not; Dev Rao: fully
                  c3            2          0        2      0    0  not to largely

                """))
        #expect(
            Self.markdown(team).contains(
                "| `k3` We track retention. | 1 | 0 | 3 | 0 | 0 | not to largely | "
                    + "Ada Lovelace: largely; Ben Okafor: largely; Cleo Park: not; Dev Rao: largely |"))
        let html = Self.part(of: Self.html(team), from: "id=\"spreads\"", to: "</section>")
        #expect(html.contains("<caption id=\"spreads-table-caption\">\(Narrative.spreadsIntro)</caption>"))
        #expect(
            html.contains("<th scope=\"col\">Who said what</th>") && html.contains("<th scope=\"col\" class=\"num\">N/A</th>"))
        #expect(
            html.contains(
                "<tr><th scope=\"row\"><span class=\"cap-id\">k2</span> We track usage.</th><td class=\"num\">1</td>"
                    + "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">3</td><td class=\"num\">0</td>"
                    + "<td class=\"nowrap\">not to fully</td><td><ul class=\"said\"><li>Ada Lovelace: fully</li>"))
    }

    @Test func anonymizedTheTableLeavesOutWhoSaidWhatAndSaysSo() throws {
        let team = try MergedTeam.result(anonymized: true)
        for report in [Self.text(team), Self.markdown(team), Self.html(team)] {
            #expect(report.contains(Narrative.saidLeftOut))
            #expect(!report.contains("Who said what</") && !report.contains("| Who said what |"))
            #expect(!report.contains("Ada Lovelace") && report.contains("Respondent 1"))
        }
        #expect(!Self.text(try MergedTeam.result()).contains(Narrative.saidLeftOut))
    }

    // MARK: Small traps

    @Test func laterMovesShowEachGapWithItsStatement() throws {
        let hostile = try HTMLReportTests.hostile()
        #expect(
            Self.text(hostile).contains(
                "THEN\n  4. Reach LAER Experiment on Practices\n     - p2: P2.\n  5. Reach LAER Experiment on Selling culture\n"
                    + "     - s2: S2.\n"))
        #expect(Self.markdown(hostile).contains("4. Reach LAER Experiment on Practices\n   - `p2` P2.\n"))
    }

    @Test func toVerifySaysWhatItIsAndWhyItCanBeFewerThanTheUnanswered() throws {
        let blank = try Self.blank()
        let sentence =
            "These are the unanswered capabilities up to LAER Experiment: they count neither for nor against a phase "
            + "until they are answered. The 10 unanswered above LAER Experiment are not listed."
        #expect(Narrative(result: blank.0, questionnaire: blank.1).toVerifySentence == sentence)
        #expect(Self.flat(Self.part(of: Self.text(blank), from: "TO VERIFY (5)", to: "- k2")) == sentence)
        #expect(Self.markdown(blank).contains("## To verify (5)\n\n\(sentence)\n"))
        #expect(Self.html(blank).contains("<h2 id=\"to-verify\">To verify</h2>\n<p>\(sentence)</p>"))
        let (midJourney, questionnaire) = try HTMLReportTests.midJourney()
        #expect(
            Narrative(result: midJourney, questionnaire: questionnaire).toVerifySentence.hasSuffix("until they are answered."))
        #expect(Self.html(try MergedTeam.result()).contains("was answered. The 1 unanswered above LAER Effective is not listed."))
    }

    @Test func everyReportExplainsAnIndexAboveAnotherWithALowerPhaseBesideTheMarkers() throws {
        let contradictory = try SurveySummaryTests.result(SurveySummaryTests.contradictory)
        let explanation = try #require(Narrative(result: contradictory.0, questionnaire: contradictory.1).indexExplanation)
        let text = Self.text(contradictory)
        #expect(Self.flat(Self.part(of: text, from: "WHERE YOU STAND", to: "WHAT HOLDS")).contains(explanation))
        let markdown = Self.markdown(contradictory)
        #expect(
            Self.part(of: markdown, from: "## Where you stand", to: "## What").contains("\n\(Markdown.escape(explanation))\n"))
        let html = Self.html(contradictory)
        #expect(
            Self.part(of: html, from: ">Phase and index per marker</caption>", to: "<h3>").contains(
                "<p class=\"explanation\">\(HTML.escape(explanation))</p>"))
        let team = try MergedTeam.result()
        for report in [Self.text(team), Self.markdown(team), Self.html(team)] { #expect(!report.contains("but a lower phase")) }
    }

    @Test func aBlankAssessmentSaysSoAtTheTop() throws {
        let blank = try Self.blank()
        let sentence = try #require(Narrative(result: blank.0, questionnaire: blank.1).blankSentence)
        #expect(sentence.hasPrefix("Nothing is answered in this assessment"))
        let text = Self.text(blank)
        #expect(Self.flat(Self.part(of: text, from: "mini 1.0.0.", to: "You are at")) == sentence)
        #expect(Self.markdown(blank).contains("mini 1.0.0.\n\n> **\(sentence)**\n\n**You are at"))
        #expect(Self.html(blank).contains("<p class=\"blank\" role=\"note\">\(sentence)</p>\n<p class=\"headline\">"))
        let single = try ReportGoldenTests.result()
        for report in [Self.text(single), Self.markdown(single), Self.html(single)] {
            #expect(!report.contains("Nothing is answered"))
        }
    }
}
