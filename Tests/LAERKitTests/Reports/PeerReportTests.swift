import Foundation
import LAERTestSupport
import Testing

@testable import LAERFormats
@testable import LAERReports
@testable import LAERScoring
@testable import LAERValues

/// Percentiles counted by hand, the standing of scored assessments, and the peer section of every score format.
@Suite struct PeerReportTests {
    // MARK: Percentiles

    /// Twenty peer indices, sorted, with ties at 1.5 (2), 2.0 (3), 2.5 (4), 3.0 (2), 3.5 (2) and 4.0 (2).
    static let twenty: [Double] = [
        1.0, 1.5, 1.5, 2.0, 2.0, 2.0, 2.25, 2.5, 2.5, 2.5, 2.5, 2.75, 3.0, 3.0, 3.25, 3.5, 3.5, 3.75, 4.0, 4.0,
    ]

    /// Percentile = (strictly below + equal / 2) / 20 × 100, rounded half away from zero.
    ///
    /// - 0.5: 0 below, 0 equal: 0 / 20 = 0.
    /// - 1.0: 0 below, 1 equal: 0.5 / 20 = 2.5% → 3.
    /// - 1.5: 1 below, 2 equal: 2 / 20 = 10.
    /// - 2.0: 3 below, 3 equal: 4.5 / 20 = 22.5% → 23.
    /// - 2.25: 6 below, 1 equal: 6.5 / 20 = 32.5% → 33.
    /// - 2.5: 7 below, 4 equal: 9 / 20 = 45.
    /// - 2.6: 11 below, none equal: 11 / 20 = 55.
    /// - 3.0: 12 below, 2 equal: 13 / 20 = 65.
    /// - 3.1: 14 below: 14 / 20 = 70.
    /// - 3.75: 17 below, 1 equal: 17.5 / 20 = 87.5% → 88.
    /// - 4.0: 18 below, 2 equal: 19 / 20 = 95.
    /// - 4.5: 20 below: 100.
    @Test(arguments: [
        (0.5, 0), (1.0, 3), (1.5, 10), (2.0, 23), (2.25, 33), (2.5, 45), (2.6, 55), (3.0, 65), (3.1, 70), (3.75, 88),
        (4.0, 95), (4.5, 100),
    ])
    func percentileAmongTwentyPeersCountsTiesAsHalf(value: Double, expected: Int) {
        #expect(Self.twenty.count == 20)
        #expect(PeerStanding.percentile(of: value, among: Self.twenty) == expected)
        #expect(PeerStanding.percentile(of: value, among: Self.twenty.reversed()) == expected, "order does not matter")
    }

    /// A value a rounding error away from a peer's is level with it, as the scoring rules compare figures.
    @Test func valuesWithinRoundingAreEqual() {
        #expect(PeerStanding.percentile(of: 2.5 + 1e-12, among: Self.twenty) == 45)
        #expect(PeerStanding.percentile(of: 2.0 - 1e-12, among: Self.twenty) == 23)
    }

    /// One peer: below it 0, level with it 50 (half of one), above it 100.
    @Test func percentileAmongOnePeer() {
        #expect(PeerStanding.percentile(of: 1.5, among: [2.0]) == 0)
        #expect(PeerStanding.percentile(of: 2.0, among: [2.0]) == 50)
        #expect(PeerStanding.percentile(of: 2.5, among: [2.0]) == 100)
    }

    /// Twenty equal peers: level with all of them is 10 / 20 = 50; below or above is 0 or 100.
    @Test func percentileAmongEqualPeers() {
        let equal = Array(repeating: 2.75, count: 20)
        #expect(PeerStanding.percentile(of: 2.75, among: equal) == 50)
        #expect(PeerStanding.percentile(of: 2.7, among: equal) == 0)
        #expect(PeerStanding.percentile(of: 2.8, among: equal) == 100)
        #expect(PeerStanding.percentile(of: 2.0, among: []) == 0)
    }

    @Test(arguments: [
        (0, "0th"), (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (10, "10th"), (11, "11th"), (12, "12th"), (13, "13th"),
        (14, "14th"), (21, "21st"), (22, "22nd"), (23, "23rd"), (50, "50th"), (62, "62nd"), (91, "91st"), (100, "100th"),
        (101, "101st"), (111, "111th"), (112, "112th"),
    ])
    func ordinalsAreEnglish(number: Int, expected: String) {
        #expect(NumberFormat.ordinal(number) == expected)
    }

    // MARK: Standing of scored assessments

    /// Every capability of the mini questionnaire rated `rating`, KPIs' rated `kpis` (one item per phase and marker,
    /// so each attainment is that rating's value and each index 1 + 3 × the value).
    static func scored(_ rating: Rating, kpis: Rating? = nil) throws -> ScoreResult {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let ratings = Dictionary(
            uniqueKeysWithValues: questionnaire.capabilities.map { ($0.id, $0.marker == .kpis ? kpis ?? rating : rating) })
        let assessment = HTMLReportTests.assessment(ratings, respondent: Respondent(organization: "Org \(rating.rawValue)"))
        return Scorer(questionnaire: questionnaire).score(assessment, source: "\(rating.rawValue).json")
    }

    /// Peers at 1, 2, 3, 4 and 4 on every marker; the result at 4 on KPIs and 3 elsewhere, 3.2 overall.
    ///
    /// Overall 3.2: 3 below (1, 2, 3) of 5 = 60. KPIs 4: 3 below, 2 equal, 4 / 5 = 80. Others 3: 2 below, 1 equal,
    /// 2.5 / 5 = 50.
    @Test func standingOfScoredResults() throws {
        let peers = try [Rating.not, .partially, .largely, .fully, .fully].map { try Self.scored($0) }
        #expect(peers.map(\.overall.index) == [1, 2, 3, 4, 4])
        let result = try Self.scored(.largely, kpis: .fully)
        #expect(abs(result.overall.index - 3.2) < 1e-9)

        let standing = Comparisons.standing(of: result, among: peers)
        #expect(standing.count == 5)
        #expect(standing.overall == 60)
        #expect(standing.markers.map(\.id) == MarkerID.allCases)
        #expect(standing.markers.map(\.percentile) == [80, 50, 50, 50, 50])
        #expect(
            standing
                == PeerStanding(
                    count: 5, overall: 60,
                    markers: [
                        .init(.kpis, 80), .init(.practices, 50), .init(.compensation, 50), .init(.organization, 50),
                        .init(.culture, 50),
                    ]))

        let lowest = Comparisons.standing(of: peers[0], among: peers)
        #expect(lowest.overall == 10, "0 below, 1 equal: 0.5 / 5")
        #expect(lowest.markers.allSatisfy { $0.percentile == 10 })
    }

    // MARK: Reports

    /// The golden files' result (the mini fixture) placed among 20 peers, with ordinals of every kind.
    static func result() throws -> (ScoreResult, Questionnaire) {
        var (result, questionnaire) = try ReportGoldenTests.result()
        result.peers = PeerStanding(
            count: 20, overall: 72,
            markers: [
                .init(.kpis, 61), .init(.practices, 42), .init(.compensation, 13), .init(.organization, 3), .init(.culture, 100),
            ])
        return (result, questionnaire)
    }

    @Test func text() throws {
        let (result, questionnaire) = try Self.result()
        let report = TextReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(report, named: "score-mini-peers.txt")
        #expect(report.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(report.contains("AMONG 20 PEERS"))
        let words = report.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Your overall index, 2.40, is at the 72nd percentile of the 20 organizations assessed."))
        for ordinal in ["61st", "42nd", "13th", "3rd", "100th"] { #expect(report.contains("\(ordinal) percentile")) }
        let stand = try #require(report.range(of: "WHERE YOU STAND"))
        let peers = try #require(report.range(of: "AMONG 20 PEERS"))
        let holding = try #require(report.range(of: "WHAT HOLDS YOU BACK"))
        #expect(stand.upperBound < peers.lowerBound && peers.upperBound < holding.lowerBound)
    }

    @Test func markdown() throws {
        let (result, questionnaire) = try Self.result()
        let report = MarkdownReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(report, named: "score-mini-peers.md")
        #expect(report.contains("## Among 20 peers\n"))
        #expect(report.contains("| Organizational structure | 2.00 | 3rd percentile |"))
    }

    @Test func html() throws {
        let (result, questionnaire) = try Self.result()
        let html = HTMLReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(html, named: "score-mini-peers.html")
        #expect(html.contains("<section aria-labelledby=\"peers\">\n<h2 id=\"peers\">Among 20 peers</h2>"))
        #expect(html.contains("<caption id=\"peers-table-caption\">Percentile among 20 peers</caption>"))
        #expect(html.contains("role=\"img\" aria-labelledby=\"peer-chart-title peer-chart-desc\""))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">Selling culture</th><td class=\"num\">3.33</td><td class=\"num\">100th percentile</td></tr>"
            ))
        #expect(html.components(separatedBy: "<section").count == html.components(separatedBy: "</section>").count)
        let charts = try #require(html.range(of: "id=\"charts\""))
        let peers = try #require(html.range(of: "id=\"peers\""))
        let gaps = try #require(html.range(of: "id=\"all-gaps\""))
        #expect(charts.upperBound < peers.lowerBound && peers.upperBound < gaps.lowerBound)
    }

    /// Marker names in the peer section are escaped like everywhere else.
    @Test func htmlEscapesMarkerNames() throws {
        var (result, questionnaire) = try Self.result()
        questionnaire.markers[0].name = "<KPIs & \"more\">"
        result.peers?.count = 1
        let html = HTMLReport().render(result, questionnaire: questionnaire)
        #expect(!html.contains("<KPIs"))
        #expect(html.contains("&lt;KPIs &amp; &quot;more&quot;&gt;"))
        #expect(html.contains("<h2 id=\"peers\">Among 1 peer</h2>"))
        #expect(html.contains("of the 1 organization assessed."))
    }

    @Test func json() throws {
        let (result, questionnaire) = try Self.result()
        let text = JSONReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(text, named: "score-mini-peers.json")
        let document = try #require(try JSONParser.parse(text).objectValue)
        let peers = try #require(document["peers"]?.objectValue)
        #expect(peers["count"] == .number(20))
        #expect(peers["overall"] == .object(JSONObject(["percentile": .number(72)])))
        #expect(peers["markers"]?.arrayValue?.count == 5)
        #expect(ReportGoldenTests.keysAreSorted(.object(document)))
    }

    /// JSON Lines and the pretty report parse to the same value, and the line is the compact report byte for byte.
    @Test func jsonLinesAgreeWithThePrettyReport() throws {
        var (result, questionnaire) = try Self.result()
        let writer = JSONLineWriter(questionnaire: questionnaire)
        for variant in 0..<3 {
            if variant == 1 {
                result.respondents = 3
                result.disagree(on: ["k2"])
            }
            if variant == 2 { result.peers?.markers = [] }
            let line = writer.bytes(result)
            let pretty = JSONReport(pretty: true).renderBytes(result, questionnaire: questionnaire)
            #expect(try JSONParser.parse(line) == JSONParser.parse(pretty))
            #expect(line == JSONReport(pretty: false).renderBytes(result, questionnaire: questionnaire))
            #expect(ReportGoldenTests.keysAreSorted(try JSONParser.parse(line)))
        }
    }

    /// Without a standing, no format says a word about peers.
    @Test func withoutPeersNothingIsAdded() throws {
        let (result, questionnaire) = try ReportGoldenTests.result()
        #expect(result.peers == nil)
        for format in ReportFormat.allCases {
            let report = format.scoreReport().render(result, questionnaire: questionnaire)
            #expect(!report.lowercased().contains("peer"), "\(format) mentions peers")
            #expect(!report.contains("percentile"), "\(format) mentions percentiles")
        }
        let line = String(decoding: JSONLineWriter(questionnaire: questionnaire).bytes(result), as: UTF8.self)
        #expect(!line.contains("peers"))
    }

    @Test func csv() throws {
        let (result, questionnaire) = try Self.result()
        let text = CSVReport().render(result, questionnaire: questionnaire)
        try assertSnapshot(text, named: "score-mini-peers.csv")
        let rows = try CSVReader.parse(text)
        #expect(rows.count == 2)
        #expect(rows[0].fields == CSVReport.header(questionnaire, withPeers: true))
        let peerColumns = CSVReport.fixedColumns.count..<CSVReport.fixedColumns.count + 7
        #expect(
            Array(rows[0].fields[peerColumns]) == [
                "peers", "peersOverallPercentile", "kpisPercentile", "practicesPercentile", "compensationPercentile",
                "organizationPercentile", "culturePercentile",
            ])
        #expect(Array(rows[1].fields[peerColumns]) == ["20", "72", "61", "42", "13", "3", "100"])
        #expect(Array(rows[1].fields.prefix(CSVReport.fixedColumns.count)) == CSVReport.fixedCells(result))
    }

    /// A stream's header is fixed before its first row: the peer columns come only when asked for, and a
    /// result without a standing leaves them empty.
    @Test func csvStreamTakesThePeerColumnsOnlyWhenAsked() throws {
        let (result, questionnaire) = try Self.result()
        var plain = result
        plain.peers = nil
        #expect(CSVReport.header(questionnaire, withPeers: false) == CSVReport.header(questionnaire))
        #expect(
            CSVReport.row(plain, questionnaire: questionnaire, withPeers: false)
                == CSVReport.row(plain, questionnaire: questionnaire))

        let without = ReportFormat.csv.scoreStream(catalog: QuestionnaireCatalog([questionnaire]))
        #expect(without.header == CSVReport.writer.bytes([CSVReport.header(questionnaire)]))
        #expect(without.render(result) == CSVReport.writer.bytes([CSVReport.row(result, questionnaire: questionnaire)]))

        let with = ReportFormat.csv.scoreStream(catalog: QuestionnaireCatalog([questionnaire]), withPeers: true)
        let header = try CSVReader.parse(with.header)[0].fields
        #expect(header == CSVReport.fixedColumns + CSVReport.peerColumns + CSVReport.evidenceColumns(questionnaire))
        let rows = try CSVReader.parse(with.render(result) + with.render(plain))
        #expect(rows.allSatisfy { $0.fields.count == header.count })
        let peerColumns = CSVReport.fixedColumns.count..<CSVReport.fixedColumns.count + 7
        #expect(rows[1].fields[peerColumns].allSatisfy { $0.isEmpty })
        #expect(Array(rows[0].fields[peerColumns]) == ["20", "72", "61", "42", "13", "3", "100"])
    }
}
