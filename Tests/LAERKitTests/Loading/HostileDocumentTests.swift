import Foundation
import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERValues

/// Hostile and damaged inputs, from the reproducers F05–F07, F13, F14, F17 and F18.
///
/// Every bound of `InputLimits` is met with a message that names it, and no input is read in
/// more than linear time. Large inputs are generated here.
@Suite struct HostileDocumentTests {
    static func mini() throws -> Questionnaire { try TestFiles.miniQuestionnaire() }

    static func answers(_ replacements: [(String, String)] = []) throws -> InputFile {
        InputFile(
            displayName: "a.json", bytes: Array(try TestFiles.fixtureText("answers-mini.json", replacing: replacements).utf8))
    }

    static func read(_ file: InputFile) throws -> [String] {
        AnswerLoader.read(file, questionnaire: try mini()).problems.map(\.description)
    }

    /// The JSON syntax error of `text`, or nil when it parses.
    static func syntaxError(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    static func csvError(_ text: String) -> CSVSyntaxError? {
        do {
            _ = try CSVReader.parse(text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: JSON bounds (F05, F06)

    // Bug caught: no limit on member names (a 1 MB key reaches the suggestion search).
    @Test func aMemberNameLongerThanTheLimitIsASyntaxErrorAtItsQuote() throws {
        let long = String(repeating: "k", count: InputLimits.keyBytes + 1)
        let error = try #require(Self.syntaxError("{\n  \"\(long)\": 1}"))
        #expect(error.line == 2 && error.column == 3)
        #expect(error.message.contains("longer than 1,024 bytes"))
        #expect(Self.syntaxError("{\"\(String(long.dropLast()))\": 1}") == nil)
    }

    // Bug caught: strings unbounded, or the limit checked only on the fast path without escapes.
    @Test func aStringLongerThanTheLimitIsASyntaxError() throws {
        let long = String(repeating: "x", count: InputLimits.textBytes + 1)
        #expect(Self.syntaxError("[\"\(long)\"]")?.message.contains("longer than 262,144 bytes") == true)
        #expect(Self.syntaxError("[\"\\n\(long)\"]")?.message.contains("longer than 262,144 bytes") == true)
        #expect(Self.syntaxError("[\"\(long.dropLast())\"]") == nil)
    }

    // Bug caught: the old depth of 256, or no depth limit (the parser recurses per level).
    @Test func nestingDeeperThanTheLimitIsRefused() {
        let deep = InputLimits.nesting + 1
        let message = Self.syntaxError(String(repeating: "[", count: deep) + String(repeating: "]", count: deep))?.message
        #expect(message?.contains("deeper than 64 levels") == true)
        let allowed = InputLimits.nesting
        #expect(Self.syntaxError(String(repeating: "[", count: allowed) + String(repeating: "]", count: allowed)) == nil)
    }

    // Bug caught: values not counted, so a 50 MB array of zeros becomes a tree many times its size.
    @Test func moreValuesThanTheLimitIsASyntaxError() {
        let values = "[" + [String](repeating: "0", count: InputLimits.jsonValues).joined(separator: ",") + "]"
        #expect(Self.syntaxError(values)?.message.contains("more than 1,000,000 values") == true)
    }

    // Bug caught: the out-of-range number echoed whole (F17 b: a 100 KB message line).
    @Test func aHugeNumberIsShownShortened() throws {
        let message = try #require(Self.syntaxError("[" + String(repeating: "9", count: 100_000) + "]")).message
        #expect(message.contains("out of range"))
        #expect(message.contains("(100,000 bytes)"))
        #expect(message.utf8.count < 300)
    }

    // Bug caught: 'fa' at the end reported as "unexpected character 'f'" (F17 d).
    @Test func aTruncatedLiteralSaysItIsCutShort() throws {
        let error = try #require(Self.syntaxError("{\"a\": fa"))
        #expect(error.message.contains("'fa' is cut short; expected true or false"))
        #expect(error.column == 7)
        #expect(Self.syntaxError("[nul")?.message.contains("expected null") == true)
        #expect(
            Self.syntaxError("[fals,1]")?.description
                == "line 1, column 2: 'fals' is not a value; expected false, or text in double quotes")
    }

    // MARK: CSV bounds

    // Bug caught: no field limit in either the plain or the quoted field loop.
    @Test func aCSVFieldLongerThanTheLimitIsASyntaxError() throws {
        let long = String(repeating: "x", count: InputLimits.textBytes + 1)
        let plain = try #require(Self.csvError("id,rating\n\(long),1\n"))
        #expect((plain.line, plain.column) == (2, 1))
        #expect(plain.message.contains("longer than 262,144 bytes"))
        #expect(Self.csvError("id,rating\n\"\(long)\",1\n")?.message.contains("longer than 262,144 bytes") == true)
        #expect(Self.csvError("id,rating\n\(long.dropLast()),1\n") == nil)
    }

    // Bug caught: no column limit (10^6 columns become 10^6 warnings, F17 c).
    @Test func aRowWithMoreColumnsThanTheLimitIsASyntaxError() throws {
        let wide = [String](repeating: "c", count: InputLimits.columns + 1).joined(separator: ",")
        let error = try #require(Self.csvError("a\n" + wide + "\n"))
        #expect((error.line, error.column) == (2, 1))
        #expect(error.message.contains("more than 20,000 fields"))
        #expect(Self.csvError(String(wide.dropLast(2))) == nil)
    }

    // MARK: The "did you mean" search (F06)

    // Bug caught: a word of any length searched (a 1 MB id took 35 s and 380 MB).
    @Test func noSuggestionIsSearchedForAWordLongerThanAnyID() {
        let long = "kpis" + String(repeating: "s", count: InputLimits.suggestedWordLength)
        #expect(Suggestion.closest(to: long, among: ["kpis", "kpiss"]) == nil)
        #expect(Suggestion.closest(to: String(long.prefix(InputLimits.suggestedWordLength)), among: ["kpis"]) == "kpis")
    }

    // Bug caught: the cut-off returning a distance above the limit, or giving up on one within it.
    @Test func theBoundedDistanceGivesUpOnlyBeyondItsLimit() {
        let pairs = [("kitten", "sitting"), ("form", "from"), ("", "abc"), ("abcdef", "azcdef"), ("flaw", "lawn")]
        for (a, b) in pairs {
            let full = Suggestion.editDistance(a, b)
            #expect(Suggestion.distance(Array(a), Array(b), atMost: full) == full, "\(a) \(b)")
            #expect(Suggestion.distance(Array(a), Array(b), atMost: full - 1) == nil, "\(a) \(b)")
        }
        // The nearest wins over an earlier one within reach.
        #expect(
            Suggestion.closest(to: "kpis-1-basleine", among: ["x", "kpis-1-baselime", "kpis-1-baseline"]) == "kpis-1-baseline")
    }

    // MARK: Problems listed per input (F06)

    // Bug caught: every problem listed (64,000 lines), or the count of the rest wrong.
    @Test func atMostTheListedProblemsThenOneLineCountingTheRest() throws {
        let extra = (0..<64_000).map { "\"zz-unknown-\($0)\": {\"rating\": \"fully\"}" }.joined(separator: ",")
        let problems = try Self.read(Self.answers([("\"answers\": {", "\"answers\": {" + extra + ",")]))
        #expect(problems.count == InputLimits.listedProblems + 1)
        #expect(problems[0].hasPrefix("answers.zz-unknown-0: \"zz-unknown-0\" is not in version 1.0.0 of mini"))
        #expect(
            problems.last
                == "… and 63,950 more errors like these, not listed (laer lists 50 per input); fix the ones above and run again")
    }

    @Test func aFewProblemsAreListedAsTheyAre() {
        let problems = (0...InputLimits.listedProblems).map { Problem("x", "p\($0)") }
        // One more than the limit: counting it would take as much room as listing it.
        #expect(problems.listed == problems)
        let warnings = problems + [Problem("y", "w", severity: .warning)]
        #expect(warnings.listed.count == InputLimits.listedProblems + 1)
        #expect(warnings.listed.last?.message.hasPrefix("… and 1 more error and 1 more warning like these") == true)
        #expect(warnings.listed.last?.severity == .error)
    }

    // Bug caught: one warning per unknown column (F17 c).
    @Test func unknownColumnsGiveOneWarningNamingTheFirstFew() throws {
        let questionnaire = try Self.mini()
        let names = (0..<1_000).map { "extra\($0)" }
        let header = ["respondent", "assessedOn", "k2"] + names
        let row = ["Ann", "2026-11-25", "fully"] + names.map { _ in "1" }
        let file = InputFile(
            displayName: "w.csv", bytes: Array(([header, row].map { $0.joined(separator: ",") }.joined(separator: "\n")).utf8))
        let read = WideCSV.read(file, questionnaire: questionnaire)
        let unknown = read.fileProblems.filter { $0.message.contains("unknown column") }
        #expect(unknown.count == 1)
        #expect(
            unknown.first?.description
                == "row 1: warning: 1,000 unknown columns are ignored: \"extra0\", \"extra1\", \"extra2\", \"extra3\", \"extra4\" and 995 more; name them as 'laer template --format wide-csv' does, or map them with --columns"
        )
    }

    // MARK: Questionnaires (F07, F18 e)

    /// The mini questionnaire with `count` capabilities of its first one's shape.
    static func questionnaire(
        capabilities count: Int, id: (Int) -> String = { "c\($0)" }, dependsOn: (Int) -> [String] = { _ in [] }
    ) throws -> InputFile {
        var document = try #require(try JSONParser.parse(TestFiles.fixtureText("mini-questionnaire.json")).objectValue)
        let index = try #require(document.members.firstIndex { $0.key == "capabilities" })
        let template = try #require(document.members[index].value.arrayValue?.first?.objectValue)
        let markers = MarkerID.allCases
        let phases = PhaseID.assessed
        document.members[index].value = .array(
            (0..<count).map { position in
                var capability = template
                for member in capability.members.indices {
                    switch capability.members[member].key {
                    case "id": capability.members[member].value = .string(id(position))
                    case "marker": capability.members[member].value = .string(markers[position % 5].rawValue)
                    case "phase": capability.members[member].value = .string(phases[(position / 5) % 3].rawValue)
                    default: break
                    }
                }
                capability.members.removeAll { $0.key == "dependsOn" }
                capability.members.append(JSONMember("dependsOn", .array(dependsOn(position).map(JSONValue.string))))
                return .object(capability)
            })
        return InputFile(
            displayName: "q.json", bytes: JSONWriter(pretty: false, sortedKeys: false).bytes(from: .object(document)))
    }

    // Bug caught: no limit on capabilities (30,000 took 103 s).
    @Test func moreCapabilitiesThanTheLimitIsOneErrorNamingIt() throws {
        let file = try Self.questionnaire(capabilities: InputLimits.capabilities + 1)
        #expect(throws: LoadError.self) { try QuestionnaireLoader.load(file) }
        let problems = QuestionnaireLoader.check(try JSONParser.parse(file.bytes)).problems.map(\.description)
        #expect(
            problems == [
                "capabilities: 2,001 capabilities, more than the 2,000 a questionnaire may have (the built-in one has 64, and a few hundred are already a day's interview); none were read: split it into smaller questionnaires"
            ])
    }

    // Bug caught: the limit off by one; the capabilities indexed again on each append (F07) would
    // show here only as time, so this checks that the largest allowed one is read whole and indexed.
    @Test func aQuestionnaireOfTheLimitLoads() throws {
        let questionnaire = try QuestionnaireLoader.load(try Self.questionnaire(capabilities: InputLimits.capabilities))
        #expect(questionnaire.capabilities.count == InputLimits.capabilities)
        #expect(questionnaire.position(of: "c1999") == 1999)
    }

    // Bug caught: the cycle search recursing once per dependency (a worker thread's stack is
    // small), or the whole cycle of 2,000 ids written into the message.
    @Test func aCycleThroughEveryCapabilityIsFoundAndShownShort() throws {
        let count = InputLimits.capabilities
        let file = try Self.questionnaire(capabilities: count, dependsOn: { ["c\(($0 + 1) % count)"] })
        let problems = QuestionnaireLoader.check(try JSONParser.parse(file.bytes)).problems.errors.map(\.description)
        #expect(
            problems == [
                "capabilities[0].dependsOn: dependencies form a cycle (c0 → c1 → c2 → c3 → … 1,995 more … → c1999 → c0); remove one of them"
            ])
    }

    // Bug caught: ids of any length, which every report and sheet then shows.
    @Test func anIDLongerThanTheLimitIsAnError() throws {
        let long = String(repeating: "k", count: InputLimits.identifierLength + 1)
        let file = try Self.questionnaire(capabilities: 15) { $0 == 3 ? long : "c\($0)" }
        let problems = QuestionnaireLoader.check(try JSONParser.parse(file.bytes)).problems.errors.map(\.description)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("capabilities[3].id: \"kkkk") == true)
        #expect(problems.first?.contains("\" (129 bytes) is 129 characters long; an id has at most 128") == true)
    }

    // Bug caught: road signs unbounded, each answer's sign then looked up among all of them.
    @Test func moreRoadSignsThanTheLimitIsAnError() throws {
        var document = try #require(try JSONParser.parse(TestFiles.fixtureText("mini-questionnaire.json")).objectValue)
        let index = try #require(document.members.firstIndex { $0.key == "roadSigns" })
        document.members[index].value = .array(
            (0...InputLimits.roadSigns).map { index -> JSONValue in
                .object(JSONObject([JSONMember("id", .string("s\(index)")), JSONMember("statement", .string("x"))]))
            })
        let problems = QuestionnaireLoader.check(.object(document)).problems.errors.map(\.description)
        #expect(
            problems == [
                "roadSigns: 201 road signs, more than the 200 a questionnaire may have (the built-in one has 5, each a question every respondent answers); none were read: keep the few that tell the most"
            ])
    }

    // Bug caught: every candidate named, so that a message lists thousands of ids.
    @Test func aLongListOfCandidatesIsCut() {
        let candidates = (0..<40).map { "sign\($0)" }
        #expect(
            Suggestion.expectedOneOf(candidates, for: "sgin39")
                == "expected one of sign0, sign1, sign2, sign3, sign4, sign5, sign6, sign7, sign8, sign9, sign10, sign11 or 28 more (did you mean \"sign39\"?)"
        )
    }

    // Bug caught: an empty markers array validating, reports then showing raw ids (F18 e).
    @Test func anEmptyMarkersArrayIsAnError() throws {
        let text = try TestFiles.fixtureText("mini-questionnaire.json")
        var document = try #require(try JSONParser.parse(text).objectValue)
        let index = try #require(document.members.firstIndex { $0.key == "markers" })
        document.members[index].value = .array([])
        let check = QuestionnaireLoader.check(.object(document))
        #expect(check.questionnaire == nil)
        #expect(check.problems.errors.map(\.description).first?.hasPrefix("markers: is empty; add the five markers") == true)
    }

    // MARK: Duplicates (F14)

    /// An answer file as the fast reader reads it, so that only an edit can make it refuse one.
    static let plain = #"""
        {"schema": "laer-answers/1", "questionnaire": {"id": "mini", "version": "1.0.0"}, "assessedOn": "2026-11-25",
        "answers": {"k2": "fully", "k3": {"rating": "largely"}},
        "placements": {"kpis": "laer-efficient"}, "roadSigns": {"sales-admits": true}}
        """#

    // Bug caught: the last of two placements or road signs silently winning, in either reader.
    @Test(arguments: [
        (#""kpis": "laer-efficient""#, #""kpis": "laer-efficient", "kpis": "laer-experiment""#, "placements.kpis"),
        (#""kpis": "laer-efficient""#, #""kpis": null, "kpis": "laer-experiment""#, "placements.kpis"),
        (#""sales-admits": true"#, #""sales-admits": true, "sales-admits": false"#, "roadSigns.sales-admits"),
        (#""k3": {"rating": "largely"}"#, #""k3": null, "k3": {"rating": "largely"}"#, "answers.k3"),
        (#""k3": {"rating": "largely"}"#, #""k3": {"rating": "largely"}, "k3": {"rating": ""}"#, "answers.k3"),
    ])
    func aDuplicateMemberIsAnErrorInBothReaders(old: String, new: String, path: String) throws {
        let reader = FastAnswerReader(questionnaire: try Self.mini())
        #expect(reader.read(Array(Self.plain.utf8)) != nil)
        let file = InputFile(displayName: "a.json", bytes: Array(Self.plain.replacingOccurrences(of: old, with: new).utf8))
        #expect(try Self.read(file).contains("\(path): appears more than once; keep one"))
        #expect(reader.read(file.bytes) == nil)
    }

    // Bug caught: the fast reader taking a note longer than the full path's limit.
    @Test func theFastReaderRefusesWhatTheParserRefuses() throws {
        let long = String(repeating: "x", count: InputLimits.textBytes + 1)
        let note = "\"k3\": {\"rating\": \"largely\", \"note\": \"\(long)\"}"
        let reader = FastAnswerReader(questionnaire: try Self.mini())
        #expect(reader.read(Array(Self.plain.replacingOccurrences(of: #""k3": {"rating": "largely"}"#, with: note).utf8)) == nil)
        #expect(
            reader.read(
                Array(
                    Self.plain.replacingOccurrences(of: #""k3": {"rating": "largely"}"#, with: note).replacingOccurrences(
                        of: long, with: String(long.dropLast())
                    ).utf8)) != nil)
        let file = try Self.answers([(#""k3": {"rating": "largely"}"#, note)])
        #expect(try Self.read(file).first?.contains("longer than 262,144 bytes") == true)
    }

    // MARK: Wide exports (F13)

    // Bug caught: a short row scored with its missing cells as unanswered.
    @Test func aWideRowWithFewerFieldsThanTheHeaderIsAnError() throws {
        let text = "respondent,assessedOn,k2,k3,k4\nAnn,2026-11-25,fully,not,largely\nBen,2026-11-26,fully\n"
        let read = WideCSV.read(InputFile(displayName: "w.csv", bytes: Array(text.utf8)), questionnaire: try Self.mini())
        #expect(read.rows.count == 2)
        #expect(read.rows[0].assessment != nil)
        #expect(read.rows[1].assessment == nil)
        #expect(
            read.rows[1].problems.map(\.description) == [
                "row 3: this row has 3 cells where the header has 5, so its cells from column k3 on are missing, as when a row is cut short; restore the row from the survey tool's export (an unanswered question is an empty cell between two separators)"
            ])
    }

    // MARK: Messages (F17)

    // Bug caught: a .json told by its content, so a leading NUL gets UTF-16 advice (F17 a).
    @Test func theAdviceFollowsTheFileKindByItsName() throws {
        let json = try Self.answers()
        let nul = InputFile(displayName: "a.json", bytes: [0] + json.bytes)
        #expect(
            try Self.read(nul) == [
                "line 1, column 1: a NUL byte, which text never has; the file is damaged or not a JSON document; fix the JSON at that place"
            ])
        let number = InputFile(displayName: "n.JSON", bytes: Array("42\n".utf8))
        #expect(try Self.read(number) == ["expected an answer file (a JSON object), found a number"])
        let twice = InputFile(displayName: "b.json", bytes: UTF8Bytes.byteOrderMark + UTF8Bytes.byteOrderMark + json.bytes)
        #expect(try Self.read(twice).first?.contains("an invisible byte order mark (U+FEFF) where a value belongs") == true)
        let empty = InputFile(displayName: "e.csv", bytes: [])
        #expect(try Self.read(empty) == ["the sheet is empty; start from the sheet 'laer template --format csv' writes"])
        // Without a known extension the content decides, as before.
        #expect(AnswerLoader.format(of: InputFile(displayName: "<stdin>", bytes: Array("id,rating".utf8))) == .csv)
    }

    static func sheet(_ body: String) throws -> [String] {
        let text = "id,rating,note\r\nquestionnaire,mini 1.2.0,\r\nassessedOn,2026-11-25,\r\n" + body
        return try Self.read(InputFile(displayName: "s.csv", bytes: Array(text.utf8)))
    }

    // Bug caught: a byte order mark inside a row read as part of the id (F17 e).
    @Test func aByteOrderMarkInsideASheetRowIsNamed() throws {
        let problems = try Self.sheet("\u{FEFF}k2,fully,\r\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("row 4, column id: this row starts with an invisible byte order mark (U+FEFF)") == true)
    }

    // Bug caught: a 200 KB id echoed whole in its "not a capability" message.
    @Test func aSheetIDLongerThanAnyIDIsNotEchoed() throws {
        let problems = try Self.sheet(String(repeating: "k", count: 200_000) + ",fully,\r\n")
        #expect(
            problems == [
                "row 4, column id: this id is 200,000 characters long, and no id is longer than 128; put back the id of its question from the template, or delete the row"
            ])
    }

    // Bug caught: a semicolon sheet whose text held a ';' only told "is not a rating" (F17 g).
    @Test func aSemicolonSheetSplitByAnUnquotedSemicolonSaysSo() throws {
        let text = "id;statement;rating\r\nquestionnaire;;mini 1.2.0\r\nassessedOn;;2026-11-25\r\nk2;We do; we say;fully\r\n"
        let problems = try Self.read(InputFile(displayName: "s.csv", bytes: Array(text.utf8)))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("row 4, column rating: \"we say\" is not a rating") == true)
        #expect(
            problems.first?.hasSuffix(
                "this row has 4 cells where the header has 3: a ';' inside a text that is not in double quotes splits it, so the rating column holds text. Put that text in double quotes, or save the sheet again from the spreadsheet"
            ) == true)
    }

    // Bug caught: a wrong-typed schema taken for a questionnaire's (F17 f).
    @Test func validateTellsAnAnswerFileWithAWrongSchemaByItsMembers() throws {
        let file = try Self.answers([(#""schema": "laer-answers/1""#, #""schema": 1"#)])
        let report = DocumentValidator.validate(file, questionnaire: try Self.mini())
        #expect(
            report.problems.map(\.description).first
                == "schema: expected \"schema\": \"laer-answers/1\" (a string), found a number")
    }

    // Bug caught: a JSON path built from a 1,000-byte key whole.
    @Test func aLongKeyIsShortenedInItsPath() throws {
        let key = String(repeating: "k", count: 1_000)
        let problems = try Self.read(Self.answers([(#""k3": {"rating": "largely"}"#, "\"\(key)\": {\"rating\": \"largely\"}")]))
        let problem = try #require(problems.first { $0.contains("kkkk") })
        #expect(problem.utf8.count < 400)
        #expect(problem.hasPrefix("answers[\"" + String(repeating: "k", count: 80) + "… (1,000 bytes)\"]: "))
    }
}

/// The hostile inputs of the reproducers through the built binary, where the exit code and the
/// whole of what is said are the point.
@Suite struct HostileDocumentBinaryTests {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("laer-hostile-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func example() throws -> String {
        try String(
            contentsOf: TestFiles.packageDirectory.appendingPathComponent("Questionnaires/Examples/northwind-experiment.json"),
            encoding: .utf8)
    }

    /// Writes `text` to a new file of the test directory and returns its path.
    static func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(UUID().uuidString + "-" + name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func validate(_ path: String) throws -> Subprocess.Result {
        try BinaryTests.run(["validate", path])
    }

    // Bug caught: the 1 MB key reaching the suggestion search (35 s, 380 MB) or echoed twice.
    @Test func aOneMegabyteKeyIsOneShortSyntaxError() throws {
        let text = try Self.example().replacingOccurrences(
            of: "\"answers\": {",
            with: "\"answers\": {\"" + String(repeating: "k", count: 1_000_000) + "\": {\"rating\": \"fully\"},")
        let result = try Self.validate(try Self.write("key1m.json", text))
        #expect(result.status == 65)
        #expect(result.errorOutput.contains("this member name is longer than 1,024 bytes, the most laer reads"))
        #expect(result.errorOutput.utf8.count < 1_000)
    }

    // Bug caught: every one of 64,000 unknown ids listed, each with a suggestion search (24 s).
    @Test func sixtyFourThousandUnknownIDsAreListedFiftyAndCounted() throws {
        let extra = (0..<64_000).map { "\"zz-unknown-\($0)\": {\"rating\": \"fully\"}," }.joined()
        let text = try Self.example().replacingOccurrences(of: "\"answers\": {", with: "\"answers\": {" + extra)
        let result = try Self.validate(try Self.write("ids64k.json", text))
        #expect(result.status == 65)
        let lines = result.errorOutput.split(separator: "\n")
        #expect(lines.count == InputLimits.listedProblems + 1)
        #expect(
            lines.last?.hasSuffix(
                ": … and 63,950 more errors like these, not listed (laer lists 50 per input); fix the ones above and run again")
                == true)
    }

    // Bug caught: a 1 MB id cell of a sheet searched for a suggestion (18 s).
    @Test func aSheetWithAOneMegabyteIDIsOneShortError() throws {
        let sheet = try BinaryTests.run(["template", "--format", "csv"]).output
        let result = try Self.validate(
            try Self.write("sheet.csv", sheet + String(repeating: "k", count: 1_000_000) + ",,,,fully,\r\n"))
        #expect(result.status == 65)
        #expect(result.errorOutput.contains("this field is longer than 262,144 bytes"))
        #expect(result.errorOutput.utf8.count < 1_000)
    }

    // Bug caught: a questionnaire of 3,000 capabilities read at all (quadratic: 15,000 took 15 s).
    @Test func aQuestionnaireOfThreeThousandCapabilitiesIsRefusedNamingTheLimit() throws {
        let file = try HostileDocumentTests.questionnaire(capabilities: 3_000)
        let result = try Self.validate(try Self.write("q3000.json", String(decoding: file.bytes, as: UTF8.self)))
        #expect(result.status == 65)
        #expect(
            result.errorOutput.hasSuffix(
                "q3000.json: capabilities: 3,000 capabilities, more than the 2,000 a questionnaire may have (the built-in one has 64, and a few hundred are already a day's interview); none were read: split it into smaller questionnaires\n"
            ))
    }

    // Bug caught: a short wide-export row scored with exit 0 (F13).
    @Test func aShortWideRowIsBadInput() throws {
        let header = try BinaryTests.run(["template", "--format", "wide-csv"]).output
        let columns = header.count { $0 == "," } + 1
        let full = "Ann,CRO,Acme,2026-11-25" + String(repeating: ",", count: columns - 4) + "\r\n"
        let path = try Self.write("wide.csv", header + full + "Ben,CRO,Acme,2026-11-26,,\r\n")
        let result = try BinaryTests.run(["score", path, "--format", "csv"])
        #expect(result.status == 65)
        #expect(result.errorOutput.contains("wide.csv: row 3: this row has 6 cells where the header has \(columns)"))
        #expect(result.output.contains("row 2"))
    }

    // Bug caught: the advice chosen by content, so that a .json gets a sheet's (F17 a).
    @Test func aDamagedJSONFileGetsJSONAdvice() throws {
        let result = try BinaryTests.run(["score", try Self.write("num.json", "42\n")])
        #expect(result.status == 65)
        #expect(result.errorOutput.hasSuffix("num.json: expected an answer file (a JSON object), found a number\n"))
        let empty = try BinaryTests.run(["score", try Self.write("empty.csv", "")])
        #expect(empty.status == 65)
        #expect(empty.errorOutput.contains("the sheet is empty"))
    }
}
