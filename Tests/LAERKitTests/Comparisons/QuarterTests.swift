import Foundation
import LAERTestSupport
import Testing

@testable import LAERBatch
@testable import LAERCommandLine
@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERScoring
@testable import LAERSystem
@testable import LAERValues

/// Quarters built by hand on the mini questionnaire (one item per marker and phase; KPIs weighs
/// 2, 3 and 1, every other item 1), so that every figure can be checked on paper.
///
/// Q2 rates everything largely (2/3): each marker reaches LAER Experiment (2/3 ≥ 0.5) without
/// consolidating it (2/3 < 0.85), index 1 + 3 × 2/3 = 3.00, overall LAER Experiment at 3.00.
/// Q3 rates k2 fully and p2 not: KPIs consolidates LAER Experiment and reaches LAER Effective
/// (k3 2/3 ≥ 0.5), index 1 + 1 + 2/3 + 2/3 = 3.33; practices falls to Traditional Transactional,
/// index 1 + 0 + 2/3 + 2/3 = 2.33; overall Traditional Transactional at (3.33 + 2.33 + 3 × 3) / 5 = 2.93.
@Suite struct QuarterTests {
    typealias Scratch = BatchScoringTests.Scratch
    static let mini = BatchScoringTests.mini

    static func answers(
        organization: String?, period: String?, name: String? = nil, version: String = "1.0.0", assessedOn: String = "2026-06-30",
        _ ratings: [String: String], notes: [String: String] = [:]
    ) -> String {
        var respondent: [String] = []
        if let name { respondent.append("\"name\": \(BatchScoringTests.quoted(name))") }
        if let organization { respondent.append("\"organization\": \(BatchScoringTests.quoted(organization))") }
        let answers = ratings.sorted { $0.key < $1.key }.map { key, rating in
            let note = notes[key].map { ", \"note\": \(BatchScoringTests.quoted($0))" } ?? ""
            return "\"\(key)\": {\"rating\": \"\(rating)\"\(note)}"
        }.joined(separator: ", ")
        let periodMember = period.map { "\"period\": \"\($0)\", " } ?? ""
        return """
            {"schema": "laer-answers/1", "questionnaire": {"id": "mini", "version": "\(version)"},
             "respondent": {\(respondent.joined(separator: ", "))}, "assessedOn": "\(assessedOn)", \(periodMember)"answers": {\(answers)}}
            """
    }

    static func all(_ rating: String, except overrides: [String: String] = [:]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: BatchScoringTests.ids.map { ($0, overrides[$0] ?? rating) })
    }

    static let q2 = all("largely")
    static let q3 = all("largely", except: ["k2": "fully", "p2": "not"])

    /// Reads one side as `diff` does: one merge per organization, at its latest period.
    static func side(_ paths: [String], questionnaires: [String] = [mini]) throws -> [OrganizationMerge] {
        var arguments = ParsedArguments()
        arguments.repeatedValues["questionnaire"] = questionnaires
        let context = CommandContext(
            output: CapturedText(), errorOutput: CapturedText(), readStandardInput: { () throws(LoadError) -> [UInt8] in [] },
            environment: [:], outputIsTerminal: false, inputIsTerminal: false)
        var inputs = ComparisonInputs(catalog: try context.loadCatalog(arguments), context: context)
        inputs.latestPeriodOnly = true
        return try inputs.read(paths).merges
    }

    static func diff(_ old: String, _ new: String, questionnaires: [String] = [mini]) throws -> AssessmentDiff {
        let before = try #require(side([old], questionnaires: questionnaires).first)
        let after = try #require(side([new], questionnaires: questionnaires).first)
        return Comparisons.diff(before, after)
    }

    static func close(_ value: Double, _ expected: Double) -> Bool { abs(value - expected) < 1e-9 }

    /// Version 1.1.0 of the mini questionnaire, which retires s4 and adds s5 in its place; its path.
    static func writeMini11(in scratch: Scratch) throws -> String {
        let original = try String(contentsOfFile: Self.mini, encoding: .utf8)
        #expect(original.contains(#""id": "s4""#) && original.contains(#""version": "1.0.0""#))
        try scratch.write(
            "mini-1.1.json",
            original.replacingOccurrences(of: #""id": "s4""#, with: #""id": "s5""#).replacingOccurrences(
                of: #""version": "1.0.0""#, with: #""version": "1.1.0""#))
        return scratch.path + "/mini-1.1.json"
    }

    @Test func theCatalogPicksTheExactVersionElseTheNewestOfTheSameMajor() throws {
        let mini = try TestFiles.miniQuestionnaire()
        func version(_ text: String) -> Questionnaire {
            var copy = mini
            copy.version = SemanticVersion(text)!
            return copy
        }
        let catalog = QuestionnaireCatalog([version("1.0.0"), version("2.0.0"), version("1.2.0")])
        #expect(catalog.questionnaires.map(\.version.description) == ["2.0.0", "1.2.0", "1.0.0"], "newest first")
        #expect(catalog.position(id: "mini", version: "1.0.0") == 2)
        #expect(catalog.position(id: "mini", version: "1.1.0") == 1, "no 1.1.0: the newest 1.x")
        #expect(catalog.position(id: "mini", version: "2.3.0") == 0)
        #expect(catalog.position(id: "mini", version: "3.0.0") == nil)
        #expect(catalog.position(id: "other", version: "1.0.0") == nil)
        #expect(catalog.position(id: "mini", version: "1.0") == nil)
    }

    /// One period answered with two versions: the merge reads each respondent's ratings by
    /// capability id, never by position (s5 of 1.1.0 stands where s4 stood in 1.0.0).
    ///
    /// The 1.0.0 file comes first, so the merge is of 1.0.0; the 1.1.0 respondent's s5 (not) is
    /// left out, s4 is the 1.0.0 respondent's fully alone, and culture stays at index 4.
    @Test func aPeriodAnsweredWithTwoVersionsIsMergedByCapabilityNotByPosition() throws {
        let scratch = try Scratch()
        let mini11 = try Self.writeMini11(in: scratch)
        try scratch.write(
            "answers/a-old.json", Self.answers(organization: "Acme", period: "2026-Q3", name: "A", Self.all("fully")))
        let newer = Self.all("fully").filter { $0.key != "s4" }.merging(["s5": "not"]) { $1 }
        try scratch.write(
            "answers/b-new.json", Self.answers(organization: "Acme", period: "2026-Q3", name: "B", version: "1.1.0", newer))
        let run = CommandRun([
            "trend", scratch.path + "/answers", "--questionnaire", Self.mini, "--questionnaire", mini11, "-f", "json",
        ])
        #expect(run.exitCode == .success)
        let trend = try #require(JSONParser.parse(run.output).objectValue)
        let point = try #require(trend["points"]?.arrayValue?.first?.objectValue)
        #expect(point["respondents"] == .number(2))
        #expect(point["questionnaire"]?.objectValue?["version"] == .string("1.0.0"))
        let culture = point["markers"]?.arrayValue?.compactMap(\.objectValue).first { $0["id"] == .string("culture") }
        #expect(culture?["index"] == .number(4))
    }

    // MARK: Diff

    /// A gap whose capability is no longer answered (or now N/A) is to verify, not closed.
    @Test func aGapNoLongerAnsweredIsNotAGapClosed() throws {
        let scratch = try Scratch()
        try scratch.write("q2.json", Self.answers(organization: "Acme Corp", period: "2026-Q2", Self.q2))
        var q3 = Self.q3
        q3["p2"] = nil
        try scratch.write("q3.json", Self.answers(organization: "Acme Corp", period: "2026-Q3", q3))
        let diff = try Self.diff(scratch.path + "/q2.json", scratch.path + "/q3.json")
        #expect(diff.closedGaps == ["k2"])
        let changes = diff.changes.map { change in "\(change.capability) \(change.to?.rawValue ?? "-")" }
        #expect(changes.contains("p2 -"))
        q3["p2"] = "na"
        try scratch.write("q3.json", Self.answers(organization: "Acme Corp", period: "2026-Q3", q3))
        #expect(try Self.diff(scratch.path + "/q2.json", scratch.path + "/q3.json").closedGaps == ["k2"])
    }

    @Test func anImprovementAndARegressionInOneMarker() throws {
        let scratch = try Scratch()
        try scratch.write("q2.json", Self.answers(organization: "Acme Corp", period: "2026-Q2", Self.q2))
        try scratch.write(
            "q3.json",
            Self.answers(
                organization: "Acme Corp", period: "2026-Q3", Self.q3, notes: ["k2": "health score on every account"]))
        let diff = try Self.diff(scratch.path + "/q2.json", scratch.path + "/q3.json")
        #expect(diff.organization == "Acme Corp")
        #expect(diff.from.period == "2026-Q2")
        #expect(diff.to.period == "2026-Q3")
        #expect(diff.overallFrom == Standing(phase: .laerExperiment, index: 3))
        #expect(diff.overallTo.phase == .traditionalTransactional)
        let expected: Double = (10.0 / 3 + 7.0 / 3 + 9) / 5
        #expect(Self.close(diff.overallTo.index, expected))
        let kpis = try #require(diff.markers.first { $0.id == .kpis })
        #expect(kpis.from.phase == .laerExperiment)
        #expect(kpis.to.phase == .laerEffective)
        #expect(Self.close(kpis.indexDelta, 1.0 / 3))
        let practices = try #require(diff.markers.first { $0.id == .practices })
        #expect(practices.to.phase == .traditionalTransactional)
        #expect(Self.close(practices.indexDelta, -2.0 / 3))
        #expect(diff.markers.filter { $0.from != $0.to }.map(\.id) == [.kpis, .practices])
        #expect(diff.improved == ["k2"])
        #expect(diff.regressed == ["p2"])
        let changes = diff.changes.map { change -> String in
            "\(change.capability) \(change.from?.rawValue ?? "-") \(change.to?.rawValue ?? "-")"
        }
        #expect(changes == ["k2 largely fully", "p2 largely not"])
        // Both sides planned for LAER Experiment: k2 closed; p2 was a gap already.
        #expect(diff.now.target == .laerExperiment)
        #expect(diff.closedGaps == ["k2"])
        #expect(diff.openedGaps == [])
        #expect(diff.notes == [AssessmentDiff.NoteChange(capability: "k2", from: nil, to: "health score on every account")])
        #expect(diff.hasRegression)
        #expect(!diff.isUnchanged)
    }

    @Test func anUnchangedAssessmentIsNothingMoved() throws {
        let scratch = try Scratch()
        try scratch.write("q2.json", Self.answers(organization: "Acme Corp", period: "2026-Q2", Self.q2))
        let diff = try Self.diff(scratch.path + "/q2.json", scratch.path + "/q2.json")
        #expect(diff.isUnchanged)
        #expect(!diff.hasRegression)
        #expect(diff.changes.isEmpty)
        #expect(diff.closedGaps.isEmpty)
        #expect(diff.openedGaps.isEmpty)
        #expect(diff.notes.isEmpty)
        #expect(diff.markers.allSatisfy { $0.indexDelta == 0 })
    }

    @Test func roadSignsGainedAndLost() throws {
        let scratch = try Scratch()
        let signs = { (admits: Bool, funded: Bool) in
            #""roadSigns": {"sales-admits": \#(admits), "adoption-funded": \#(funded)}, "answers""#
        }
        try scratch.write(
            "a.json",
            Self.answers(organization: "Acme", period: "2026-Q2", Self.q2).replacingOccurrences(
                of: #""answers""#, with: signs(true, false)))
        try scratch.write(
            "b.json",
            Self.answers(organization: "Acme", period: "2026-Q3", Self.q2).replacingOccurrences(
                of: #""answers""#, with: signs(false, true)))
        let diff = try Self.diff(scratch.path + "/a.json", scratch.path + "/b.json")
        #expect(diff.roadSignsGained == ["adoption-funded"])
        #expect(diff.roadSignsLost == ["sales-admits"])
        #expect(!diff.hasRegression, "road signs are not markers")
    }

    @Test func capabilitiesOfOneVersionOnlyAreAddedOrRetiredNeverRegressions() throws {
        let scratch = try Scratch()
        let mini11 = try Self.writeMini11(in: scratch)
        try scratch.write("old.json", Self.answers(organization: "Acme", period: "2026-Q2", Self.all("fully")))
        try scratch.write(
            "new.json",
            Self.answers(
                organization: "Acme", period: "2026-Q3", version: "1.1.0",
                Self.all("fully").filter { $0.key != "s4" }.merging(["s5": "not"]) { $1 }))
        let diff = try Self.diff(scratch.path + "/old.json", scratch.path + "/new.json", questionnaires: [Self.mini, mini11])
        #expect(diff.from.questionnaireVersion == "1.0.0")
        #expect(diff.to.questionnaireVersion == "1.1.0")
        #expect(diff.addedCapabilities.map(\.id) == ["s5"])
        #expect(diff.retiredCapabilities.map(\.id) == ["s4"])
        #expect(diff.improved.isEmpty)
        #expect(diff.regressed.isEmpty)
        #expect(diff.changes.isEmpty)
        // s5 rated not drops culture below LAER Efficient: a marker regression, though no capability regressed.
        #expect(diff.markers.first { $0.id == .culture }?.to.phase == .laerEffective)
        #expect(!diff.closedGaps.contains("s4") && !diff.openedGaps.contains("s5"))

        // Without 1.0.0 the old answers are read with 1.1.0: s4 is a warning naming it, not an error.
        let run = CommandRun([
            "diff", scratch.path + "/old.json", scratch.path + "/new.json", "--questionnaire", mini11, "-f", "json",
        ])
        #expect(run.exitCode == .success)
        #expect(run.errorOutput.contains("answers.s4: warning: \"s4\" is not in version 1.1.0 of mini"))
        // Given twice, both versions are used.
        let both = CommandRun([
            "diff", scratch.path + "/old.json", scratch.path + "/new.json", "--questionnaire", Self.mini, "--questionnaire",
            mini11,
        ])
        #expect(both.exitCode == .success)
        #expect(both.errorOutput == "")
    }

    @Test func theSameVersionLackingACapabilityStaysBadInput() throws {
        let scratch = try Scratch()
        try scratch.write(
            "a.json", Self.answers(organization: "Acme", period: "2026-Q2", Self.q2.merging(["zz9": "fully"]) { $1 }))
        let run = CommandRun(["diff", scratch.path + "/a.json", scratch.path + "/a.json", "--questionnaire", Self.mini])
        #expect(run.exitCode == .dataError)
        #expect(run.errorOutput.contains("answers.zz9: \"zz9\" is not a capability of questionnaire mini 1.0.0"))
        let newer = Self.answers(
            organization: "Acme", period: "2026-Q2", version: "1.4.0", Self.q2.merging(["zz9": "fully"]) { $1 })
        try scratch.write("b.json", newer)
        let unknownVersion = CommandRun(["trend", scratch.path + "/b.json", "--questionnaire", Self.mini])
        #expect(unknownVersion.exitCode == .dataError)
        #expect(
            unknownVersion.errorOutput.contains(
                "version 1.4.0, which is neither built in nor given: pass it with --questionnaire FILE"))
    }

    @Test func organizationsAreMatchedWhateverTheirCaseSpacesAndFullStop() throws {
        let scratch = try Scratch()
        try scratch.write("q2.json", Self.answers(organization: "Acme Corp.", period: "2026-Q2", Self.q2))
        try scratch.write("q3.json", Self.answers(organization: "  ACME   CORP ", period: "2026-Q3", Self.q3))
        try scratch.write("beta.json", Self.answers(organization: "Beta Ltd", period: "2026-Q3", Self.q3))
        let same = CommandRun(["diff", scratch.path + "/q2.json", scratch.path + "/q3.json", "--questionnaire", Self.mini])
        #expect(same.exitCode == .success)
        let other = CommandRun(["diff", scratch.path + "/q2.json", scratch.path + "/beta.json", "--questionnaire", Self.mini])
        #expect(other.exitCode == .dataError)
        #expect(other.output == "")
        #expect(other.errorOutput.contains("\"Acme Corp.\""))
        #expect(other.errorOutput.contains("\"Beta Ltd\""))
        #expect(other.errorOutput.contains("--allow-different-organizations"))
        let allowed = CommandRun([
            "diff", scratch.path + "/q2.json", scratch.path + "/beta.json", "--questionnaire", Self.mini,
            "--allow-different-organizations",
        ])
        #expect(allowed.exitCode == .success)
        #expect(OrganizationName.key("  ACME   CORP. ") == "acme corp")
        #expect(OrganizationName.key("Acme Corp.") == OrganizationName.key("acme corp"))
        #expect(OrganizationName.key("Acme Corp") != OrganizationName.key("Acme Corporation"))
        // The key of a key is itself: no spelling folds to a name that folds further.
        for name in ["Acme Corp. .", "Acme Corp..", "acme corp. ", "...", ". .", "Acme", "a\n\u{35D}b", "ΑΣ. Β", " . x"] {
            let key = OrganizationName.key(name)
            #expect(OrganizationName.key(key) == key, "\(name)")
        }
        #expect(OrganizationName.key("Acme Corp. .") == "acme corp")
        #expect(OrganizationName.key("...") == "...", "a name of full stops is not no name")
        #expect(OrganizationName.key("a\n\u{35D}b") == "a \u{35D}b", "a combining mark after a line break")
    }

    @Test func failOnRegressionExitsOneAfterWritingTheReport() throws {
        let scratch = try Scratch()
        try scratch.write("q2.json", Self.answers(organization: "Acme", period: "2026-Q2", Self.q2))
        try scratch.write("q3.json", Self.answers(organization: "Acme", period: "2026-Q3", Self.q3))
        try scratch.write("q4.json", Self.answers(organization: "Acme", period: "2026-Q4", Self.all("fully")))
        let paths = ["q2.json", "q3.json", "q4.json"].map { scratch.path + "/" + $0 }
        let regressed = CommandRun(["diff", paths[0], paths[1], "--questionnaire", Self.mini, "--fail-on-regression"])
        #expect(regressed.exitCode == .checkFailed)
        #expect(!regressed.output.isEmpty)
        let withoutGate = CommandRun(["diff", paths[0], paths[1], "--questionnaire", Self.mini])
        #expect(withoutGate.exitCode == .success)
        let improved = CommandRun(["diff", paths[1], paths[2], "--questionnaire", Self.mini, "--fail-on-regression"])
        #expect(improved.exitCode == .success)
        let unchanged = CommandRun(["diff", paths[1], paths[1], "--questionnaire", Self.mini, "--fail-on-regression"])
        #expect(unchanged.exitCode == .success)
    }

    @Test func twoDirectoriesGiveOneDiffPerOrganizationAndListTheRest() throws {
        let scratch = try Scratch()
        try scratch.write("q2/acme-ada.json", Self.answers(organization: "Acme", period: "2026-Q2", name: "Ada", Self.q2))
        try scratch.write("q2/acme-bo.json", Self.answers(organization: "acme", period: "2026-Q2", name: "Bo", Self.q2))
        try scratch.write("q2/gone.json", Self.answers(organization: "Gone Inc", period: "2026-Q2", Self.q2))
        try scratch.write("q3/acme.json", Self.answers(organization: "ACME", period: "2026-Q3", Self.q3))
        try scratch.write("q3/fresh.json", Self.answers(organization: "Fresh", period: "2026-Q3", Self.q3))
        let run = CommandRun(["diff", scratch.path + "/q2", scratch.path + "/q3", "--questionnaire", Self.mini, "-f", "json"])
        #expect(run.exitCode == .success)
        #expect(run.errorOutput.contains("only in \(scratch.path)/q2: \"Gone Inc\""))
        #expect(run.errorOutput.contains("only in \(scratch.path)/q3: \"Fresh\""))
        let merges = try Self.side([scratch.path + "/q2"])
        #expect(merges.map(\.respondents) == [2, 1])
        #expect(merges[0].organization == "Acme", "equally frequent spellings: the first seen")
    }

    /// An organization on one side only is named in the Markdown report as text, never as markup,
    /// and the path beside it shows its control characters escaped.
    @Test func anOrganizationOnOneSideOnlyIsNoMarkupInTheReport() throws {
        let scratch = try Scratch()
        let hostile = "[Evil](javascript:alert(1)) <img src=x onerror=alert(1)>"
        let old = "old\u{1B}[2J"
        try scratch.write(old + "/acme.json", Self.answers(organization: "Acme", period: "2026-Q2", Self.q2))
        try scratch.write(old + "/evil.json", Self.answers(organization: hostile, period: "2026-Q2", Self.q2))
        try scratch.write("new/acme.json", Self.answers(organization: "Acme", period: "2026-Q3", Self.q3))
        let sides = [scratch.path + "/" + old, scratch.path + "/new"]
        let markdown = CommandRun(["diff"] + sides + ["--questionnaire", Self.mini, "--format", "markdown"])
        #expect(markdown.exitCode == .success)
        #expect(markdown.output.contains(#"\[Evil\](javascript:alert(1)) \<img src=x onerror=alert(1)\>"#))
        #expect(!markdown.output.contains("[Evil]"))
        #expect(!markdown.output.replacingOccurrences(of: "\\<", with: "").contains("<"), "every < escaped")
        #expect(!markdown.output.contains("\u{1B}"))
        let json = CommandRun(["diff"] + sides + ["--questionnaire", Self.mini, "--format", "json"])
        #expect(json.exitCode == .success)
        #expect(!json.errorOutput.contains("\u{1B}"))
        #expect(json.errorOutput.contains(#"only in \#(scratch.path)/old\u{1B}[2J: "\#(hostile)""#))
    }

    /// Several diffs on standard output, as a consultant pipes them: the text reports one after
    /// another with the organizations of one side only after them, and the CSV rows under one header.
    @Test func severalDiffsFollowEachOtherAsTheirFormatFramesThem() throws {
        let scratch = try Scratch()
        try scratch.write("q2/acme.json", Self.answers(organization: "Acme", period: "2026-Q2", Self.q2))
        try scratch.write("q2/beta.json", Self.answers(organization: "Beta", period: "2026-Q2", Self.all("partially")))
        try scratch.write("q2/gone.json", Self.answers(organization: "Gone Inc", period: "2026-Q2", Self.q2))
        try scratch.write("q3/acme.json", Self.answers(organization: "ACME", period: "2026-Q3", Self.q3))
        try scratch.write("q3/beta.json", Self.answers(organization: "Beta", period: "2026-Q3", Self.all("partially")))
        try scratch.write("q3/fresh.json", Self.answers(organization: "Fresh", period: "2026-Q3", Self.q3))
        for (format, name) in [("txt", "text"), ("csv", "csv"), ("md", "markdown")] {
            let run = CommandRun([
                "diff", scratch.path + "/q2", scratch.path + "/q3", "--questionnaire", Self.mini, "--format", name,
            ])
            #expect(run.exitCode == .success)
            try assertSnapshot(
                run.output.replacingOccurrences(of: scratch.path, with: "DIR"), named: "diff-directories-mini.\(format)")
        }
    }

    @Test func aSideWithSeveralPeriodsIsComparedAtItsLatest() throws {
        let scratch = try Scratch()
        try scratch.write("old/q1.json", Self.answers(organization: "Acme", period: "2026-Q1", Self.all("not")))
        try scratch.write("old/q2.json", Self.answers(organization: "Acme", period: "2026-Q2", Self.q2))
        try scratch.write("new/q3.json", Self.answers(organization: "Acme", period: "2026-Q3", Self.q2))
        let old = try Self.side([scratch.path + "/old"])
        #expect(old.map(\.period) == ["2026-Q2"])
        let new = try #require(Self.side([scratch.path + "/new"]).first)
        #expect(Comparisons.diff(old[0], new).changes.isEmpty)
    }

    // MARK: trend

    /// Two organizations, one with a quarter missing and a quarter answered twice.
    ///
    /// Acme: Q1 all not (index 1), no Q2, Q3 two respondents (all largely and all fully: every
    /// item 5/6, so every marker reaches LAER Experiment (5/6 ≥ 0.5) without consolidating it
    /// (5/6 < 0.85), index 1 + 3 × 5/6 = 3.5). Beta: one point, its period the quarter of its date.
    @Test func aTrendOfTwoOrganizationsWithAMissingPeriodAndAPeriodAnsweredTwice() throws {
        let scratch = try Scratch()
        try scratch.write("acme-q3-b.json", Self.answers(organization: "ACME", period: "2026-Q3", name: "B", Self.all("fully")))
        try scratch.write("acme-q1.json", Self.answers(organization: "Acme", period: "2026-Q1", Self.all("not")))
        try scratch.write("acme-q3-a.json", Self.answers(organization: "Acme", period: "2026-Q3", name: "A", Self.all("largely")))
        try scratch.write("beta.json", Self.answers(organization: "Beta", period: nil, assessedOn: "2026-05-02", Self.q2))
        let run = CommandRun(["trend", scratch.path, "--questionnaire", Self.mini, "-f", "json"])
        #expect(run.exitCode == .success)
        #expect(run.errorOutput == "")
        let trends = try BatchScoringTests.jsonLines(run.output)
        #expect(trends.map { $0["organization"] } == [.string("Acme"), .string("Beta")])
        #expect(trends.allSatisfy { $0["schema"] == .string("laer-trend/1") })
        let acme = try #require(trends[0]["points"]?.arrayValue).compactMap(\.objectValue)
        #expect(acme.map { $0["period"] } == [.string("2026-Q1"), .string("2026-Q3")])
        #expect(acme.map { $0["respondents"] } == [.number(1), .number(2)])
        let indices = acme.compactMap { $0["overall"]?.objectValue?["index"] }
        #expect(indices == [.number(1), .number(3.5)])
        #expect(acme[1]["overall"]?.objectValue?["phase"] == .string("laer-experiment"))
        let beta = try #require(trends[1]["points"]?.arrayValue).compactMap(\.objectValue)
        #expect(beta.map { $0["period"] } == [.string("2026-Q2")])
        #expect(beta.first?["assessedOn"] == .string("2026-05-02"))

        let text = CommandRun(["trend", scratch.path, "--questionnaire", Self.mini])
        #expect(text.output.contains("No assessment in 2026-Q2."))
        #expect(text.output.contains("2026-Q3: 2 respondents."))
        #expect(text.output.contains("a trend needs two periods"))
    }

    /// The trend chart's bands start where a phase can start: 1, then 1 + 0.5, 1 + 0.85 + 0.5, 1 + 2 × 0.85 + 0.5.
    @Test func eachPhaseStartsAtTheLowestIndexItsThresholdsAllow() {
        let scoring = ScoringThresholds.default
        let floors = PhaseID.allCases.map(scoring.lowestIndex)
        #expect(zip(floors, [1, 1.5, 2.35, 3.2]).allSatisfy { Self.close($0, $1) })
        let strict = ScoringThresholds(reach: 0.6, consolidate: 0.9)
        #expect(Self.close(strict.lowestIndex(of: .laerEfficient), 1 + 1.8 + 0.6))
    }

    // MARK: score --by organization

    @Test func mergingKeepsPeriodsApartAndFoldsNames() throws {
        let scratch = try Scratch()
        try scratch.write("1.json", Self.answers(organization: "Acme Corp", period: "2026-Q2", name: "A", Self.all("not")))
        try scratch.write("2.json", Self.answers(organization: "ACME CORP.", period: "2026-Q3", name: "B", Self.all("fully")))
        try scratch.write("3.json", Self.answers(organization: "acme corp", period: "2026-Q3", name: "C", Self.all("fully")))
        try scratch.write("4.json", Self.answers(organization: "Acme  Corp", period: "2026-Q2", name: "D", Self.all("not")))
        let run = CommandRun(["score", scratch.path, "--questionnaire", Self.mini, "--by", "organization", "-f", "json"])
        #expect(run.exitCode == .success)
        let results = try BatchScoringTests.jsonLines(run.output)
        #expect(results.map { $0["period"] } == [.string("2026-Q2"), .string("2026-Q3")])
        #expect(results.map { $0["respondents"] } == [.number(2), .number(2)])
        #expect(results.map { $0["overall"]?.objectValue?["index"] } == [.number(1), .number(4)], "Q2 and Q3 never averaged")
        #expect(results[0]["respondent"]?.objectValue?["organization"] == .string("Acme Corp"))
        #expect(run.errorOutput == "4 inputs, 2 results (merged by organization and period)\n")
    }

    @Test func withoutAPeriodTheQuarterOfTheDateIsThePeriod() throws {
        #expect(Quarter(date: "2026-02-28")?.label == "2026-Q1")
        #expect(Quarter(date: "2026-12-01")?.label == "2026-Q4")
        #expect(Quarter(date: "2026-12-01")?.ordinal == Quarter(period: "2026-Q4")?.ordinal)
        #expect(Quarter(date: "2026-13-01") == nil)
        #expect(Quarter(date: "") == nil)
        #expect(Quarter(date: "0999-01-05")?.label == "0999-Q1", "four digits, as a period is read")
        #expect(Quarter(period: "0999-Q1")?.ordinal == Quarter(date: "0999-01-05")?.ordinal)
        #expect(Quarter(ordinal: 4 * 7 + 3).label == "0007-Q4")
        for signed in ["+999-01-05", "-999-01-05", "2026-+1-05", "2026-01-+5", " 2026-01-05", "2026-01-05 ", "２０２６-01-05"] {
            #expect(Quarter(date: signed) == nil, "\(signed)")
            #expect(!CalendarDate.isISODate(signed), "\(signed)")
        }
        #expect(CalendarDate.isISODate("2024-02-29") && !CalendarDate.isISODate("2025-02-29"))
        var assessment = Assessment(questionnaireID: "mini", questionnaireVersion: "1.0.0", assessedOn: "2026-08-01")
        #expect(assessment.comparisonPeriod == "2026-Q3")
        assessment.period = " 2026-H2 "
        #expect(assessment.comparisonPeriod == "2026-H2")
    }

    // MARK: score --peers

    /// Twenty peers, five each rating everything not, partially, largely and fully.
    ///
    /// Their indices are 1, 2, 3 and 4 (partially gives 1/3 at each phase, below the 0.5 to
    /// reach one, so 1 + 3 × 1/3).
    /// A result rating everything largely (index 3) has 10 peers below and 5 equal:
    /// (10 + 5 / 2) / 20 = 62.5%, rounded to 63, overall and for every marker.
    @Test func aPeerGroupOfTwentyPlacesTheResultByHandComputedPercentiles() throws {
        let scratch = try Scratch()
        for (group, rating) in ["not", "partially", "largely", "fully"].enumerated() {
            for member in 0..<5 {
                try scratch.write(
                    "peers/\(group)-\(member).json",
                    Self.answers(organization: "Peer \(group)-\(member)", period: "2026-Q3", Self.all(rating)))
            }
        }
        // An older period of a peer does not count: each peer at its latest period.
        try scratch.write(
            "peers/old.json", Self.answers(organization: "Peer 0-0", period: "2026-Q1", Self.all("fully")))
        try scratch.write("acme.json", Self.answers(organization: "Acme", period: "2026-Q3", Self.all("largely")))
        let run = CommandRun([
            "score", scratch.path + "/acme.json", "--peers", scratch.path + "/peers", "--questionnaire", Self.mini, "-f", "json",
        ])
        #expect(run.exitCode == .success)
        let result = try #require(JSONParser.parse(run.output).objectValue)
        let peers = try #require(result["peers"]?.objectValue)
        #expect(peers["count"] == .number(20))
        #expect(peers["overall"]?.objectValue?["percentile"] == .number(63))
        let markers = try #require(peers["markers"]?.arrayValue)
        #expect(markers.count == 5)
        #expect(markers.allSatisfy { $0.objectValue?["percentile"] == .number(63) })
        let text = CommandRun([
            "score", scratch.path + "/acme.json", "--peers", scratch.path + "/peers", "--questionnaire", Self.mini,
        ])
        #expect(text.output.contains("63rd percentile"))
    }

    @Test func aPeerGroupUnderFiveIsRefusedBecauseItWouldIdentifyThem() throws {
        let scratch = try Scratch()
        for member in 0..<4 {
            try scratch.write("peers/\(member).json", Self.answers(organization: "Peer \(member)", period: "2026-Q3", Self.q2))
        }
        // Two respondents of one peer are one organization.
        try scratch.write("peers/again.json", Self.answers(organization: "PEER 3.", period: "2026-Q3", Self.q2))
        try scratch.write("acme.json", Self.answers(organization: "Acme", period: "2026-Q3", Self.q2))
        let run = CommandRun([
            "score", scratch.path + "/acme.json", "--peers", scratch.path + "/peers", "--questionnaire", Self.mini,
        ])
        #expect(run.exitCode == .dataError)
        #expect(run.output == "")
        #expect(run.errorOutput.contains("has 4 organizations"))
        #expect(run.errorOutput.contains("at least 5"))
        let missing = CommandRun([
            "score", scratch.path + "/acme.json", "--peers", scratch.path + "/nowhere", "--questionnaire", Self.mini,
        ])
        #expect(missing.exitCode == .noInput)
    }
}
