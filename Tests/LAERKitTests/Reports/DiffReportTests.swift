import Foundation
import LAERTestSupport
import Testing

@testable import LAERFormats
@testable import LAERReports
@testable import LAERScoring
@testable import LAERTerminal
@testable import LAERValues

/// The reports of `laer diff` in every format, from merges of the mini questionnaire built by hand.
@Suite struct DiffReportTests {
    static let organization = "Acme, Inc."

    static func assessment(
        _ ratings: [String: Rating], notes: [String: String] = [:], period: String, assessedOn: String,
        organization: String = organization, roadSigns: [String: Bool], version: String = "1.0.0"
    ) -> Assessment {
        var answers = ratings.mapValues { Answer($0) }
        for (id, note) in notes { answers[id, default: Answer(.na)].note = note }
        return Assessment(
            questionnaireID: "mini", questionnaireVersion: version, respondent: Respondent(organization: organization),
            assessedOn: assessedOn, period: period, answers: answers, roadSigns: roadSigns)
    }

    static func merge(_ assessments: [Assessment], _ questionnaire: Questionnaire, source: String) -> OrganizationMerge {
        var merge = OrganizationMerge(
            key: OrganizationName.key(assessments.first?.respondent.organization), period: assessments.first?.period,
            questionnaire: questionnaire)
        for (index, assessment) in assessments.enumerated() { merge.add(assessment, source: "\(source)-\(index + 1).json") }
        return merge
    }

    /// 2026-Q3: KPIs at LAER Experiment (index 2), Practices and Culture at LAER Effective (3), Compensation
    /// (1 + 2/3) and the organization (1 + 4/3) at LAER Experiment; overall 12/5 = 2.4.
    static let q3: [String: Rating] = [
        "k2": .largely, "k3": .partially, "k4": .not, "p2": .fully, "p3": .largely, "p4": .partially, "c2": .largely,
        "c3": .na, "o2": .fully, "o3": .partially, "s2": .fully, "s3": .largely, "s4": .partially,
    ]

    /// 2026-Q4: KPIs up to LAER Effective (1 + 5/3), Practices down to LAER Experiment (2: p3 not, p4 N/A),
    /// Compensation up to 3 in index but not in phase; overall 13/5 = 2.6.
    static let q4: [String: Rating] = [
        "k2": .fully, "k3": .largely, "p2": .fully, "p3": .not, "p4": .na, "c2": .fully, "c3": .partially, "c4": .largely,
        "o2": .fully, "o3": .partially, "s2": .fully, "s3": .largely, "s4": .partially,
    ]

    /// The diff of the golden files: improvements, a regression in one marker, every kind of other
    /// change, gaps closed and opened, a road sign gained and one lost, notes changed.
    static func mixed(organization: String = organization, note: String = "Reorg\nnext year.") throws -> (
        AssessmentDiff, Questionnaire
    ) {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let old = assessment(
            q3, notes: ["k2": "Weekly dashboard.", "p3": "Two teams."], period: "2026-Q3", assessedOn: "2026-08-20",
            organization: organization, roadSigns: ["sales-admits": true, "adoption-funded": false])
        let new = assessment(
            q4, notes: ["k2": "Daily dashboard, \"live\".", "o3": note], period: "2026-Q4", assessedOn: "2026-11-25",
            organization: organization, roadSigns: ["sales-admits": false, "adoption-funded": true])
        let diff = Comparisons.diff(
            merge([old], questionnaire, source: "q3"), merge([new], questionnaire, source: "q4"))
        return (diff, questionnaire)
    }

    static func unchanged() throws -> (AssessmentDiff, Questionnaire) {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let old = assessment(q3, period: "2026-Q3", assessedOn: "2026-08-20", roadSigns: ["sales-admits": true])
        var new = old
        new.period = "2026-Q4"
        new.assessedOn = "2026-11-25"
        let diff = Comparisons.diff(merge([old], questionnaire, source: "q3"), merge([new], questionnaire, source: "q4"))
        return (diff, questionnaire)
    }

    static func render(_ format: ReportFormat, _ diff: AssessmentDiff, _ questionnaire: Questionnaire) -> String {
        format.diffReport().render(diff, questionnaire: questionnaire)
    }

    // MARK: Golden files

    @Test func text() throws {
        let (diff, questionnaire) = try Self.mixed()
        let report = Self.render(.text, diff, questionnaire)
        try assertSnapshot(report, named: "diff-mini.txt")
        #expect(report.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(!report.contains("\u{1B}["))
        #expect(report.contains("Practices") && report.contains("regressed"))
        #expect(report.contains("Practices: LAER Effective → LAER Experiment"))
        #expect(report.contains("KPIs: LAER Experiment → LAER Effective"))
        #expect(report.contains("p3 (largely → not): P3."))
        #expect(report.contains("k4 no longer answered (not → unanswered)"))
        #expect(report.contains("c4 newly answered (unanswered → largely)"))
        #expect(report.contains("p4 marked N/A (partially → N/A)"))
        #expect(report.contains("c3 no longer N/A (N/A → partially)"))
        let colored = DiffTextReport(style: ANSIStyle(colorEnabled: true)).render(diff, questionnaire: questionnaire)
        #expect(colored.contains("\u{1B}[1m"))
    }

    @Test func markdown() throws {
        let (diff, questionnaire) = try Self.mixed()
        let report = Self.render(.markdown, diff, questionnaire)
        try assertSnapshot(report, named: "diff-mini.md")
        #expect(report.contains("| Practices | 3. LAER Effective → 2. LAER Experiment | 3.00 → 2.00 | −1.00 ↓ | **regressed** |"))
    }

    @Test func json() throws {
        let (diff, questionnaire) = try Self.mixed()
        let text = Self.render(.json, diff, questionnaire)
        try assertSnapshot(text, named: "diff-mini.json")
        let document = try #require(try JSONParser.parse(text).objectValue)
        #expect(
            document.keys == [
                "schema", "organization", "from", "to", "overall", "markers", "improved", "regressed", "changes", "closedGaps",
                "openedGaps", "roadSigns", "addedCapabilities", "retiredCapabilities", "notes", "nextMoves",
            ])
        #expect(document["schema"]?.stringValue == "laer-diff/1")
        #expect(document["organization"]?.stringValue == Self.organization)
        let from = try #require(document["from"]?.objectValue)
        #expect(from.keys == ["period", "assessedOn", "questionnaire", "respondents"])
        #expect(from["period"]?.stringValue == "2026-Q3")
        #expect(from["questionnaire"]?.objectValue?.keys == ["id", "version"])

        let overall = try #require(document["overall"]?.objectValue)
        #expect(overall.keys == ["from", "to", "indexDelta"])
        #expect(overall["from"]?.objectValue?.keys == ["phase", "index"])
        #expect(try Self.number(overall["from"]?.objectValue?["index"]) == 12.0 / 5)
        #expect(try Self.number(overall["to"]?.objectValue?["index"]) == 13.0 / 5)
        #expect(abs(try Self.number(overall["indexDelta"]) - 0.2) < 1e-9)
        #expect(overall["to"]?.objectValue?["phase"]?.stringValue == "laer-experiment")

        let markers = try #require(document["markers"]?.arrayValue).compactMap(\.objectValue)
        #expect(markers.map { $0["id"]?.stringValue } == ["kpis", "practices", "compensation", "organization", "culture"])
        let expected: [(from: Double, to: Double, fromPhase: String, toPhase: String)] = [
            (2, 1 + 5.0 / 3, "laer-experiment", "laer-effective"), (3, 2, "laer-effective", "laer-experiment"),
            (1 + 2.0 / 3, 3, "laer-experiment", "laer-experiment"),
            (1 + 4.0 / 3, 1 + 4.0 / 3, "laer-experiment", "laer-experiment"),
            (3, 3, "laer-effective", "laer-effective"),
        ]
        for (marker, figures) in zip(markers, expected) {
            #expect(abs(try Self.number(marker["from"]?.objectValue?["index"]) - figures.from) < 1e-9)
            #expect(abs(try Self.number(marker["to"]?.objectValue?["index"]) - figures.to) < 1e-9)
            #expect(abs(try Self.number(marker["indexDelta"]) - (figures.to - figures.from)) < 1e-9)
            #expect(marker["from"]?.objectValue?["phase"]?.stringValue == figures.fromPhase)
            #expect(marker["to"]?.objectValue?["phase"]?.stringValue == figures.toPhase)
        }
        #expect(text.contains(#""indexDelta": 0\#n"#), "an unchanged marker's delta is 0")

        #expect(Self.strings(document["improved"]) == ["k2", "k3", "c2"])
        #expect(Self.strings(document["regressed"]) == ["p3"])
        let changes = try #require(document["changes"]?.arrayValue).compactMap(\.objectValue)
        #expect(changes.map { $0["capability"]?.stringValue } == ["k2", "k3", "k4", "p3", "p4", "c2", "c3", "c4"])
        #expect(changes[2]["to"] == .null && changes[2]["from"]?.stringValue == "not")
        #expect(changes[4]["to"]?.stringValue == "na" && changes[7]["from"] == .null)
        #expect(Self.strings(document["closedGaps"]) == ["k2", "c2"])
        #expect(Self.strings(document["openedGaps"]) == ["c3"])
        #expect(Self.strings(document["roadSigns"]?.objectValue?["gained"]) == ["adoption-funded"])
        #expect(Self.strings(document["roadSigns"]?.objectValue?["lost"]) == ["sales-admits"])
        #expect(Self.strings(document["addedCapabilities"]) == [] && Self.strings(document["retiredCapabilities"]) == [])
        let notes = try #require(document["notes"]?.arrayValue).compactMap(\.objectValue)
        #expect(notes.map { $0["capability"]?.stringValue } == ["k2", "p3", "o3"])
        #expect(notes[1]["to"] == .null && notes[2]["from"] == .null)
    }

    @Test func csv() throws {
        let (diff, questionnaire) = try Self.mixed()
        let text = Self.render(.csv, diff, questionnaire)
        try assertSnapshot(text, named: "diff-mini.csv")
        let rows = try CSVReader.parse(text)
        #expect(rows.count == 2)
        #expect(rows[0].fields == DiffCSVReport.header)
        let cells = Dictionary(uniqueKeysWithValues: zip(rows[0].fields, rows[1].fields))
        #expect(cells["overallFromIndex"] == "2.400" && cells["overallToIndex"] == "2.600")
        #expect(cells["overallIndexDelta"] == "0.200")
        #expect(cells["practicesIndexDelta"] == "-1.000" && cells["cultureIndexDelta"] == "0.000")
        #expect(cells["improved"] == "3" && cells["regressed"] == "1" && cells["closedGaps"] == "2")
        #expect(cells["openedGaps"] == "1" && cells["regression"] == "yes")
    }

    @Test func html() throws {
        let (diff, questionnaire) = try Self.mixed()
        let page = Self.render(.html, diff, questionnaire)
        try assertSnapshot(page, named: "diff-mini.html")
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"))
        #expect(page.contains("role=\"img\"") && page.contains("<title id=\"dumbbell-title\">"))
        #expect(page.contains("<desc id=\"dumbbell-desc\">"))
        let chart = try #require(page.range(of: "</svg>"))
        let table = try #require(page.range(of: "<caption id=\"markers-table-caption\">Phase and index per marker"))
        #expect(chart.upperBound <= table.lowerBound, "the chart's data follows it as a table")
        #expect(page.contains("<span class=\"badge-regressed\">regressed</span>"))
        #expect(page.contains("<h2 id=\"regression\">Regressed</h2>"))
    }

    // MARK: Nothing moved

    @Test func unchangedShowsOnlyThatNothingMoved() throws {
        let (diff, questionnaire) = try Self.unchanged()
        #expect(diff.isUnchanged)
        let text = Self.render(.text, diff, questionnaire)
        try assertSnapshot(text, named: "diff-mini-unchanged.txt")
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.contains("Nothing moved between 2026-Q3 and 2026-Q4"))
        #expect(text.contains("Still at LAER Experiment (index 2.40 of 4)."))

        let markdown = Self.render(.markdown, diff, questionnaire)
        #expect(markdown.contains("Nothing moved between 2026-Q3 and 2026-Q4") && !markdown.contains("##"))
        #expect(markdown.split(separator: "\n").count == 3)

        let html = Self.render(.html, diff, questionnaire)
        #expect(html.contains("Nothing moved between 2026-Q3 and 2026-Q4"))
        #expect(!html.contains("<section") && !html.contains("<svg") && !html.contains("<table"))

        let json = try #require(try JSONParser.parse(Self.render(.json, diff, questionnaire)).objectValue)
        #expect(json["nextMoves"] == nil)
        #expect(try Self.number(json["overall"]?.objectValue?["indexDelta"]) == 0)
        for marker in try #require(json["markers"]?.arrayValue) {
            #expect(try Self.number(marker.objectValue?["indexDelta"]) == 0)
        }
        for key in ["improved", "regressed", "changes", "closedGaps", "openedGaps", "addedCapabilities", "retiredCapabilities"] {
            #expect(json[key]?.arrayValue?.isEmpty == true, "\(key) is empty")
        }

        let rows = try CSVReader.parse(Self.render(.csv, diff, questionnaire))
        let cells = Dictionary(uniqueKeysWithValues: zip(rows[0].fields, rows[1].fields))
        #expect(cells["overallIndexDelta"] == "0.000" && cells["regression"] == "no" && cells["improved"] == "0")
    }

    // MARK: Two questionnaire versions

    /// 1.1.0 retires `s4` and adds `o5`: they are listed apart, never as improvements or regressions.
    @Test func capabilitiesOfOneVersionAreAddedOrRetired() throws {
        let older = try TestFiles.miniQuestionnaire()
        var newer = older
        newer.version = SemanticVersion(major: 1, minor: 1, patch: 0)
        var added = try #require(older.capability("o4"))
        added.id = "o5"
        added.statement = "We staff a value office."
        newer.capabilities = older.capabilities.filter { $0.id != "s4" } + [added]

        var before = Self.q3
        before["s4"] = .not
        let old = Self.assessment(before, period: "2026-Q3", assessedOn: "2026-08-20", roadSigns: [:])
        var after = before
        after["s4"] = nil
        after["o5"] = .fully
        var new = Self.assessment(after, period: "2026-Q4", assessedOn: "2026-11-25", roadSigns: [:], version: "1.1.0")
        let second = new
        new.respondent.organization = "ACME, Inc"
        let diff = Comparisons.diff(
            Self.merge([old], older, source: "q3"), Self.merge([new, second], newer, source: "q4"))

        #expect(diff.addedCapabilities.map(\.id) == ["o5"])
        #expect(diff.retiredCapabilities.map(\.id) == ["s4"])
        #expect(!diff.changes.contains { ["o5", "s4"].contains($0.capability) })
        for format in ReportFormat.allCases where format != .csv {
            let report = Self.render(format, diff, newer)
            #expect(report.contains("o5"), "\(format) lists the added capability")
            #expect(report.contains("s4"), "\(format) lists the retired capability")
        }
        let text = Self.render(.text, diff, newer)
        #expect(text.contains("ADDED IN QUESTIONNAIRE 1.1.0 (1)\n  - o5: We staff a value office."))
        #expect(text.contains("RETIRED IN QUESTIONNAIRE 1.1.0 (1)\n  - s4: S4."))
        #expect(
            DiffNarrative(diff: diff, questionnaire: newer).contextLine
                == "Assessed 2026-08-20 → 2026-11-25 · questionnaire mini 1.0.0 → 1.1.0 · respondents 1 → 2.")
        #expect(!text.contains("CAPABILITIES REGRESSED") && !text.contains("CAPABILITIES IMPROVED"))
        let json = try #require(try JSONParser.parse(Self.render(.json, diff, newer)).objectValue)
        #expect(json["to"]?.objectValue?["questionnaire"]?.objectValue?["version"]?.stringValue == "1.1.0")
        #expect(try Self.number(json["to"]?.objectValue?["respondents"]) == 2)
        #expect(Self.strings(json["regressed"]) == [] && Self.strings(json["improved"]) == [])
    }

    // MARK: Notes and hostile text

    @Test func aChangedNoteIsShownFromAndTo() throws {
        let (diff, questionnaire) = try Self.mixed()
        #expect(diff.notes.map(\.capability) == ["k2", "p3", "o3"])
        let text = Self.render(.text, diff, questionnaire)
        #expect(text.contains("k2: “Weekly dashboard.” → “Daily dashboard, \"live\".”"))
        #expect(text.contains("p3: “Two teams.” → no note"))
        #expect(text.contains("o3: no note → “Reorg next year.”"), "a line break in a note stays on one line")
    }

    @Test func hostileTextIsEscaped() throws {
        let (diff, questionnaire) = try Self.mixed(
            organization: "=cmd|' /C calc'!A0 <script>alert(1)</script>", note: "<b>bold</b>\n# not a heading | =1+1")
        let html = Self.render(.html, diff, questionnaire)
        #expect(!html.contains("<script>") && !html.contains("<b>bold</b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("&lt;b&gt;bold&lt;/b&gt;"))

        let markdown = Self.render(.markdown, diff, questionnaire)
        #expect(!markdown.contains("<script>") && !markdown.contains("<b>"))
        #expect(markdown.contains(#"\<script\>alert(1)\</script\>"#))
        #expect(markdown.contains(##"“\<b\>bold\</b\> \# not a heading \| =1+1”"##), "the note stays in its table cell")
        #expect(!markdown.contains("\n# not"))

        let rows = try CSVReader.parse(Self.render(.csv, diff, questionnaire))
        #expect(rows[1].fields[0] == "'=cmd|' /C calc'!A0 <script>alert(1)</script>")

        let json = try #require(try JSONParser.parse(Self.render(.json, diff, questionnaire)).objectValue)
        #expect(json["organization"]?.stringValue == "=cmd|' /C calc'!A0 <script>alert(1)</script>")
    }

    // MARK: Streams

    @Test func streamsAreJSONLinesRowsOrReportsBetweenSeparators() throws {
        let (diff, questionnaire) = try Self.mixed()
        let (same, _) = try Self.unchanged()
        func write(_ format: ReportFormat) -> String {
            let stream = format.diffStream(questionnaire: questionnaire)
            let body = [diff, same].map(stream.render).joined(separator: stream.separator)
            return String(decoding: stream.header + body, as: UTF8.self)
        }
        let lines = write(.json).split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            #expect(try JSONParser.parse(String(line)).objectValue?["schema"]?.stringValue == "laer-diff/1")
        }
        #expect(String(lines[0]) + "\n" == DiffJSONReport(pretty: false).render(diff, questionnaire: questionnaire))
        let rows = try CSVReader.parse(write(.csv))
        #expect(rows.count == 3 && rows[0].fields == DiffCSVReport.header)
        #expect(rows[1].fields.last == "yes" && rows[2].fields.last == "no")
        let text = write(.text)
        #expect(
            text == Self.render(.text, diff, questionnaire) + ReportFormat.text.separator
                + Self.render(.text, same, questionnaire))
    }

    // MARK: Helpers

    static func number(_ value: JSONValue?) throws -> Double {
        guard case .number(let number)? = value else { throw DiffTestError.notANumber }
        return number
    }

    static func strings(_ value: JSONValue?) -> [String]? {
        value?.arrayValue?.compactMap(\.stringValue)
    }
}

enum DiffTestError: Error {
    case notANumber
}
