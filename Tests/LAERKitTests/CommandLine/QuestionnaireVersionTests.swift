import Foundation
import LAERQuestionnaires
import LAERTestSupport
import Testing

@testable import LAERBatch
@testable import LAERCommandLine
@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERReports
@testable import LAERValues

/// The contract's version rules end to end: answers are scored with the version they were made
/// with when it is present, otherwise with the newest of the same major (a retired capability a
/// warning); the same version lacking a capability, or another major, is bad input.
@Suite struct QuestionnaireVersionTests {
    static let package = TestFiles.packageDirectory.path
    static let examples = TestFiles.examples
    static let oneDotZeroExamples = ["northwind-experiment", "contoso-effective", "fabrikam-efficient"]

    static func oneDotZero() throws -> Questionnaire {
        try #require(try QuestionnaireLoader.builtIn(version: "1.0.0")).0
    }

    /// A capability 1.0.0 has and the newest retired, and one only the newest has.
    static func retiredAndNew() throws -> (retired: String, new: String) {
        let old = try oneDotZero()
        let newest = try QuestionnaireLoader.builtIn()
        let retired = try #require(old.capabilities.first { !newest.hasCapability($0.id) }).id
        let new = try #require(newest.capabilities.first { !old.hasCapability($0.id) }).id
        return (retired, new)
    }

    /// A minimal answer file of `version` answering `answers` (id: rating).
    static func answers(version: String, _ answers: [String: String], organization: String = "Acme") -> String {
        let members = answers.sorted { $0.key < $1.key }.map { "\"\($0.key)\": {\"rating\": \"\($0.value)\"}" }
        return """
            {"schema": "laer-answers/1", "questionnaire": {"id": "laer-efficient", "version": "\(version)"},
             "respondent": {"name": "Ada", "organization": "\(organization)"}, "assessedOn": "2026-11-02",
             "answers": {\(members.joined(separator: ", "))}}
            """
    }

    @Test(arguments: oneDotZeroExamples)
    func theExamplesMadeWithOneDotZeroAreScoredWithItAndKeepTheirResultsByteForByte(_ name: String) throws {
        // The goldens are what laer printed before 1.1.0 existed.
        let run = CommandRun(["score", "\(Self.examples)/\(name).json", "--format", "json"])
        #expect(run.exitCode == .success)
        #expect(run.errorOutput == "")
        try assertSnapshot(run.output.replacingOccurrences(of: Self.package + "/", with: ""), named: "score-example-\(name).json")
    }

    @Test func aBatchOfBothVersionsScoresEachFileWithItsOwnOnTheFastPathAndTheFullOne() throws {
        let (retired, new) = try Self.retiredAndNew()
        let scratch = try Scratch()
        try scratch.write("a-old.json", Self.answers(version: "1.0.0", [retired: "fully"]))
        try scratch.write("b-new.json", Self.answers(version: "1.1.0", [new: "largely"]))
        // Pretty-printed like the examples: the fast path; odd spacing sends a file to the full path.
        try FileManager.default.copyItem(
            atPath: "\(Self.examples)/northwind-experiment.json", toPath: scratch.path + "/c-example.json")
        // Its identity after its answers, all of them capabilities the newest version has too.
        let shared = try #require(
            try Self.oneDotZero().capabilities.first { try! QuestionnaireLoader.builtIn().hasCapability($0.id) })
        try scratch.write(
            "d-late-identity.json",
            #"{"schema": "laer-answers/1", "answers": {"\#(shared.id)": {"rating": "fully"}}, "assessedOn": "2026-11-02", "questionnaire": {"id": "laer-efficient", "version": "1.0.0"}}"#
        )
        let run = CommandRun(["score", scratch.path, "--format", "json"])
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        let lines = run.output.split(separator: "\n").map { try? JSONParser.parse(String($0)) }
        let versions = lines.map { $0?.objectValue?["questionnaire"]?.objectValue?["version"]?.stringValue }
        #expect(versions == ["1.0.0", "1.1.0", "1.0.0", "1.0.0"])
        let ratings = lines.map { $0?.objectValue?["ratings"]?.objectValue?.members.map(\.key) }
        #expect(ratings[0] == [retired])
        #expect(ratings[1] == [new])
        #expect(!run.errorOutput.contains("warning"))
    }

    @Test func theFastPathReadsEachFileWithItsOwnVersionsReader() throws {
        let catalog = QuestionnaireCatalog(try QuestionnaireLoader.builtInHistory())
        let pipeline = AssessmentPipeline(catalog: catalog)
        let old = try #require(catalog.position(id: "laer-efficient", version: "1.0.0"))
        #expect(old != 0)
        func version(_ bytes: [UInt8]) -> Int? { pipeline.fastRead(bytes, keepingNotes: true)?.version }
        let example = Array(try Data(contentsOf: URL(fileURLWithPath: "\(Self.examples)/northwind-experiment.json")))
        #expect(version(example) == old)
        #expect(version(Array(try Data(contentsOf: URL(fileURLWithPath: "\(Self.examples)/tailspin-effective.json")))) == 0)
        // Where the look-up cannot find the identity, the newest reader reads it and hands it on.
        let shared = try #require(try Self.oneDotZero().capabilities.first { catalog.newest.hasCapability($0.id) })
        let late =
            #"{"schema": "laer-answers/1", "answers": {"\#(shared.id)": {"rating": "fully"}}, "assessedOn": "2026-11-02", "questionnaire": {"id": "laer-efficient", "version": "1.0.0"}}"#
        #expect(version(Array(late.utf8)) == old)
    }

    @Test func aCSVOfBothVersionsHasTheFirstInputsColumnsAndSaysWhatTheOthersLose() throws {
        let (retired, new) = try Self.retiredAndNew()
        let scratch = try Scratch()
        try scratch.write("a-old.json", Self.answers(version: "1.0.0", [retired: "fully"]))
        try scratch.write("b-new.json", Self.answers(version: "1.1.0", [new: "largely"]))
        let run = CommandRun(["score", scratch.path, "--format", "csv"])
        #expect(run.exitCode == .success)
        let header = run.output.split(separator: "\n")[0].split(separator: ",").map(String.init)
        #expect(header.contains(retired) && !header.contains(new))
        let newest = try QuestionnaireLoader.builtIn()
        let lacking = newest.capabilities.count { !(try! Self.oneDotZero()).hasCapability($0.id) }
        #expect(
            run.errorOutput.contains(
                "warning: 1 result was scored with laer-efficient 1.1.0, but the CSV's capability columns are those of 1.0.0 (the first input's version): their ratings and notes of the \(lacking) capabilities that 1.0.0 lacks are left out"
            ), "\(run.errorOutput)")
    }

    @Test func theCSVsColumnsFollowTheFirstInputsVersionAsItsColumnMapNamesIt() throws {
        let (retired, _) = try Self.retiredAndNew()
        let scratch = try Scratch()
        // A survey tool's question header, mapped to a capability only 1.0.0 has.
        try scratch.write("a.csv", "respondent,organization,assessedOn,Q1\r\nAda,Acme,2026-11-02,fully\r\n")
        try scratch.write("b.csv", "respondent,organization,assessedOn,Q1\r\nBo,Beta,2026-11-02,partially\r\n")
        let run = CommandRun(["score", scratch.path, "--format", "csv", "--columns", "\(retired)=Q1"])
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        let rows = try CSVReader.parse(run.output, separator: .comma).map(\.fields)
        let column = try #require(rows[0].firstIndex(of: retired))
        #expect(rows.dropFirst().map { $0[column] } == ["fully", "partially"])
    }

    @Test func aVersionThatIsNotHereIsScoredWithTheNewestOfItsMajorAndARetiredAnswerIsAWarning() throws {
        let (retired, new) = try Self.retiredAndNew()
        let run = CommandRun(
            ["score", "-", "--format", "json"], stdin: Self.answers(version: "1.0.7", [retired: "fully", new: "partially"]))
        #expect(run.exitCode == .success)
        let result = try JSONParser.parse(run.output).objectValue
        // The result names the version that scored it.
        #expect(result?["questionnaire"]?.objectValue?["version"]?.stringValue == "1.1.0")
        #expect(result?["ratings"]?.objectValue?.members.map(\.key) == [new])
        #expect(
            run.errorOutput
                == "<stdin>: answers.\(retired): warning: \"\(retired)\" is not in version 1.1.0 of laer-efficient, which scores these answers of version 1.0.7; its answer is left out (give version 1.0.7 with --questionnaire to score it)\n"
        )
    }

    @Test func theSameVersionLackingACapabilityAnotherMajorAndAnUnknownNewerVersionAreBadInput() throws {
        let (retired, _) = try Self.retiredAndNew()
        let same = CommandRun(["score", "-"], stdin: Self.answers(version: "1.1.0", [retired: "fully"]))
        #expect(same.exitCode == .dataError)
        #expect(same.errorOutput.contains("\"\(retired)\" is not a capability of questionnaire laer-efficient 1.1.0"))
        let major = CommandRun(["score", "-"], stdin: Self.answers(version: "2.0.0", [:]))
        #expect(major.exitCode == .dataError)
        #expect(major.errorOutput.contains("a different major version cannot be scored"))
        let newer = CommandRun(["score", "-"], stdin: Self.answers(version: "1.4.0", ["kpis-9-from-the-future": "fully"]))
        #expect(newer.exitCode == .dataError)
        #expect(newer.errorOutput.contains("made with version 1.4.0, which is neither built in nor given"))
    }

    @Test func sheetsAndWideExportsOfOneDotZeroAreReadWithIt() throws {
        let (retired, _) = try Self.retiredAndNew()
        let scratch = try Scratch()
        // A sheet needs only its id and rating columns; its questionnaire row names the version.
        try scratch.write(
            "sheet.csv", "id,rating\r\nquestionnaire,laer-efficient 1.0.0\r\nassessedOn,2026-11-02\r\n\(retired),fully\r\n")
        let wide = "respondent,organization,assessedOn,\(retired)\r\nAda,Acme,2026-11-02,fully\r\n"
        try scratch.write("wide.csv", wide)
        for name in ["sheet.csv", "wide.csv"] {
            let run = CommandRun(["score", scratch.path + "/" + name, "--format", "json"])
            let version = try? JSONParser.parse(run.output).objectValue?["questionnaire"]?.objectValue?["version"]
            #expect(version == .string("1.0.0"), "\(name): \(run.errorOutput)")
            let validate = CommandRun(["validate", scratch.path + "/" + name])
            #expect(validate.output.contains("for laer-efficient 1.0.0"), "\(name): \(validate.errorOutput)")
        }
    }

    @Test func validateChecksEachAnswerFileWithItsVersion() throws {
        let run = CommandRun(["validate", Self.examples])
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        for name in Self.oneDotZeroExamples {
            #expect(run.output.contains("\(name).json: valid answer file for laer-efficient 1.0.0"))
        }
        #expect(run.errorOutput == "")
    }

    @Test func aDiffAcrossTheTwoVersionsListsTheirOwnCapabilitiesAsAddedAndRetiredNeverAsMoves() throws {
        let (retired, new) = try Self.retiredAndNew()
        let scratch = try Scratch()
        let old = try Self.oneDotZero()
        let shared = try #require(old.capabilities.first { try! QuestionnaireLoader.builtIn().hasCapability($0.id) }).id
        try scratch.write("q3.json", Self.answers(version: "1.0.0", [retired: "fully", shared: "not"]))
        try scratch.write("q4.json", Self.answers(version: "1.1.0", [new: "fully", shared: "largely"]))
        let run = CommandRun(["diff", scratch.path + "/q3.json", scratch.path + "/q4.json", "--format", "json"])
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        let diff = try #require(try JSONParser.parse(run.output).objectValue)
        #expect(diff["improved"] == .array([.string(shared)]))
        #expect(diff["regressed"] == .array([]))
        #expect(diff["from"]?.objectValue?["questionnaire"]?.objectValue?["version"] == .string("1.0.0"))
        #expect(diff["to"]?.objectValue?["questionnaire"]?.objectValue?["version"] == .string("1.1.0"))
        let added = diff["addedCapabilities"]?.arrayValue ?? []
        let retiredList = diff["retiredCapabilities"]?.arrayValue ?? []
        #expect(added.count == (try QuestionnaireChanges(from: old, to: QuestionnaireLoader.builtIn())).added.count)
        #expect(retiredList.count == (try QuestionnaireChanges(from: old, to: QuestionnaireLoader.builtIn())).retired.count)
    }

    @Test func aSurveyGoesOnWithTheVersionItsFileWasStartedWithAndANewOneStartsWithTheNewest() throws {
        let catalog = QuestionnaireCatalog(try QuestionnaireLoader.builtInHistory())
        let scratch = try Scratch()
        try scratch.write("old.json", Self.answers(version: "1.0.0", [try Self.retiredAndNew().retired: "largely"]))
        let resumed = try AnswerStore.open(path: scratch.path + "/old.json", catalog: catalog, today: "2026-11-02")
        #expect(resumed.questionnaire.version.description == "1.0.0")
        #expect(resumed.assessment.answers.count == 1)
        resumed.close()
        let fresh = try AnswerStore.open(path: scratch.path + "/new.json", catalog: catalog, today: "2026-11-02")
        #expect(fresh.questionnaire == catalog.newest)
        fresh.close()
    }

    @Test func aReassessmentFromOneDotZeroOffersOnlyWhatTheNewestStillAsks() throws {
        let (retired, _) = try Self.retiredAndNew()
        let old = try Self.oneDotZero()
        let newest = try QuestionnaireLoader.builtIn()
        let shared = try #require(old.capabilities.first { newest.hasCapability($0.id) }).id
        let scratch = try Scratch()
        try scratch.write("last.json", Self.answers(version: "1.0.0", [retired: "fully", shared: "largely"]))
        let run = CommandRun(
            ["survey", scratch.path + "/this.json", "--from", scratch.path + "/last.json", "--plain"], stdin: "")
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        #expect(
            run.errorOutput.contains(
                "last.json: made with laer-efficient 1.0.0; its answers to 1 capability that 1.1.0 no longer asks (\(retired)) are not offered as defaults"
            ), "\(run.errorOutput)")
    }

    @Test func theHistoryListsEveryVersionAndWhatChangedBetweenThem() throws {
        let text = CommandRun(["questionnaire", "--history"])
        #expect(text.exitCode == .success)
        let old = try Self.oneDotZero()
        let changes = QuestionnaireChanges(from: old, to: try QuestionnaireLoader.builtIn())
        #expect(text.output.contains("From 1.0.0 to 1.1.0".uppercased()))
        #expect(text.output.contains(QuestionnaireHistoryRenderer.counts(changes)))
        let json = try JSONParser.parse(CommandRun(["questionnaire", "--history", "--format", "json"]).output).objectValue
        let between = try #require(json?["changes"]?.arrayValue?.first?.objectValue)
        #expect(between["retired"]?.arrayValue?.compactMap(\.stringValue) == changes.retired.map(\.id))
        #expect(between["added"]?.arrayValue?.compactMap(\.stringValue) == changes.added.map(\.id))
        #expect(json?["versions"]?.arrayValue?.count == BuiltInQuestionnaire.history.count)
    }

    /// The mini questionnaire's next version, changed by hand: its first capability retired, the
    /// next reworded, the one after reweighted, and one added.
    static func miniOneDotOne() throws -> Questionnaire {
        var next = try TestFiles.miniQuestionnaire()
        next.version = SemanticVersion(major: 1, minor: 1, patch: 0)
        next.capabilities.removeFirst()
        next.capabilities[0].statement += " Now said better."
        next.capabilities[1].weight = next.capabilities[1].weight == 3 ? 2 : 3
        var added = next.capabilities[2]
        added.id = "k9-added"
        added.statement = "An added capability."
        next.capabilities.append(added)
        return next
    }

    @Test func theHistoryOfTheMiniQuestionnaireMatchesItsGoldenFiles() throws {
        let history = [try TestFiles.miniQuestionnaire(), try Self.miniOneDotOne()]
        let renderer = QuestionnaireHistoryRenderer()
        try assertSnapshot(renderer.text(history), named: "history-mini.txt")
        try assertSnapshot(renderer.markdown(history), named: "history-mini.md")
        try assertSnapshot(renderer.json(history), named: "history-mini.json")
    }

    @Test func questionnaireChangesAreTheSetDifferencesAndTheRewordedAndReweightedOnesComputedByHand() throws {
        let mini = try TestFiles.miniQuestionnaire()
        let next = try Self.miniOneDotOne()
        let changes = QuestionnaireChanges(from: mini, to: next)
        #expect(changes.retired.map(\.id) == [mini.capabilities[0].id])
        #expect(changes.added.map(\.id) == ["k9-added"])
        #expect(changes.reworded == [next.capabilities[0].id])
        #expect(
            changes.reweighted == [
                .init(capability: next.capabilities[1].id, from: mini.capabilities[2].weight, to: next.capabilities[1].weight)
            ])
        #expect(QuestionnaireChanges.between([next, mini]) == [changes])
    }

    @Test func aReleaseIsShownAsItIsAndOneThatIsNotThereIsUsage() throws {
        let old = CommandRun(["questionnaire", "--release", "1.0.0", "--format", "json"])
        #expect(old.exitCode == .success)
        #expect(old.output == String(decoding: BuiltInQuestionnaire.history[0].bytes, as: UTF8.self))
        let missing = CommandRun(["questionnaire", "--release", "9.9.9"])
        #expect(missing.exitCode == .usage)
        #expect(missing.errorOutput.contains("there is no built-in version 9.9.9; the built-in versions are 1.1.0, 1.0.0"))
        let both = CommandRun(["questionnaire", "--release", "1.0.0", "--history"])
        #expect(both.exitCode == .usage)
    }

    typealias Scratch = ScratchDirectory
}
