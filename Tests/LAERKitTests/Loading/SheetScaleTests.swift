import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERValues

@Suite struct PhaseSpellingTests {
    @Test(arguments: [
        ("laer-effective", PhaseID.laerEffective),
        (" LAER-Effective ", .laerEffective),
        ("3", .laerEffective),
        (" 1 ", .traditionalTransactional),
        ("4", .laerEfficient),
        ("LAER Effective", .laerEffective),
        ("traditional transactional", .traditionalTransactional),
        ("Traditional", .traditionalTransactional),
        ("transactional", .traditionalTransactional),
        ("EXPERIMENT", .laerExperiment),
        ("effective", .laerEffective),
        ("efficient", .laerEfficient),
    ])
    func readsEverySpelling(text: String, phase: PhaseID) {
        #expect(PhaseID(spelling: text) == phase)
    }

    @Test(arguments: ["", "0", "5", "laer", "effectiv", "laer effective efficient", "2.0"])
    func refusesAnythingElse(text: String) {
        #expect(PhaseID(spelling: text) == nil)
    }

    @Test func listsTheShortNamesInOrder() {
        #expect(PhaseID.spellingsHint == "traditional, experiment, effective or efficient")
    }

    @Test func keepsTheQuestionnairesOwnPhaseNames() throws {
        var questionnaire = try TestFiles.miniQuestionnaire()
        questionnaire.phases[2].name = "Wirksam"
        #expect(try AnswerRules.phase("wirksam", in: questionnaire).get() == .laerEffective)
        #expect(try AnswerRules.phase("effective", in: questionnaire).get() == .laerEffective)
    }
}

@Suite struct SheetScaleTests {
    /// A sheet with the given capability ratings, in questionnaire order, and a date.
    static func sheet(_ ratings: [String], placements: [String: String] = [:]) throws -> (
        assessment: Assessment?, problems: [Problem]
    ) {
        let questionnaire = try TestFiles.miniQuestionnaire()
        var lines = ["id,rating", "assessedOn,2026-11-25"]
        lines += placements.sorted { $0.key < $1.key }.map { "placement.\($0.key),\($0.value)" }
        lines += zip(questionnaire.capabilities, ratings).map { "\($0.id),\($1)" }
        let file = InputFile(displayName: "answers.csv", bytes: Array(lines.joined(separator: "\n").utf8))
        return AnswerSheet.read(file, questionnaire: questionnaire)
    }

    static let shifted =
        "the ratings run 1–4 and never 0; laer reads 0–3 (0 not, 1 partially, 2 largely, 3 fully), so every rating may be one too high. If you meant 1–4, subtract one from each"

    @Test func takesPhasesByNameOnPlacementRows() throws {
        let result = try Self.sheet(
            [], placements: ["kpis": "effective", "practices": "Traditional", "culture": "4", "compensation": "LAER Experiment"])
        #expect(result.problems == [])
        #expect(
            result.assessment?.placements == [
                .kpis: .laerEffective, .practices: .traditionalTransactional, .culture: .laerEfficient,
                .compensation: .laerExperiment,
            ])
    }

    @Test func warnsOfRatingsThatRunOneToFour() throws {
        let result = try Self.sheet(["1", "2", "3", "4", "2"])
        #expect(result.problems.warnings == [Problem(at: .document, Self.shifted, severity: .warning)])
        // The 4 itself stays an error.
        #expect(result.problems.errors.map(\.place) == [.cell(row: 6, column: "rating")])
    }

    @Test(arguments: [
        ["1", "2", "3", "4"],  // fewer than `minimumForShiftedScale` digits
        ["0", "2", "3", "4", "2"],  // a 0: the scale is 0–3 with a slip
        ["1", "2", "3", "3", "2", "1"],  // no 4: nothing says 1–4
        ["F", "L", "P", "4", "N", "F"],  // words, and a single digit
    ])
    func doesNotWarnWithoutThePattern(ratings: [String]) throws {
        #expect(try Self.sheet(ratings).problems.warnings == [])
    }

    @Test func countsOnlyDigitsTowardsThePattern() {
        var tally = DigitRatingTally()
        for cell in ["1", "2", "12", "4.0", " 3", "F", "4"] { tally.count(cell) }
        #expect(tally.counts == [0, 1, 1, 0, 1])
        #expect(DigitRatingTally.minimumForShiftedScale == 5)
    }

    @Test func warnsOfAWideExportWhoseRatingsRunOneToFour() throws {
        let text = "Date,k2,k3,k4\n2026-11-25,1,2,3\n2026-11-25,4,2,1\n"
        let result = WideCSV.read(
            InputFile(displayName: "export.csv", bytes: Array(text.utf8)), questionnaire: try TestFiles.miniQuestionnaire())
        #expect(result.fileProblems.warnings.contains(Problem(at: .document, Self.shifted, severity: .warning)))
        #expect(result.rows.map { $0.assessment == nil } == [false, true])
    }

    @Test func ignoresTheHelpColumnWhenReading() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let text = "id,rating,note,help\nassessedOn,2026-11-25,,\nk2,F,kept,\"=not read, not kept\"\n"
        let result = AnswerSheet.read(
            InputFile(displayName: "answers.csv", bytes: Array(text.utf8)), questionnaire: questionnaire)
        #expect(result.problems == [])
        #expect(result.assessment?.answers == ["k2": Answer(.fully, note: "kept")])
    }

    @Test func guardsHelpAgainstFormulas() throws {
        var questionnaire = try TestFiles.miniQuestionnaire()
        questionnaire.capabilities[0].help = "=HYPERLINK(\"http://x\")"
        let rows = try CSVReader.parse(AnswerSheet.template(for: questionnaire))
        let help = try #require(rows[0].fields.firstIndex(of: "help"))
        #expect(rows.first { $0.fields[0] == "k2" }?.fields[help] == "'=HYPERLINK(\"http://x\")")
    }
}

@Suite struct AnswerLoaderEncodingTests {
    static func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> [UInt8] {
        let units = text.utf16.flatMap { unit -> [UInt8] in
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            return bigEndian ? [high, low] : [low, high]
        }
        return (mark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []) + units
    }

    @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
    func tellsJSONFromCSVInUTF16(bigEndian: Bool, mark: Bool) {
        #expect(AnswerLoader.format(of: Self.utf16(" \n{\"schema\": 1}", bigEndian: bigEndian, mark: mark)) == .json)
        #expect(AnswerLoader.format(of: Self.utf16("[1]", bigEndian: bigEndian, mark: mark)) == .json)
        #expect(AnswerLoader.format(of: Self.utf16("id,rating\n", bigEndian: bigEndian, mark: mark)) == .csv)
        // A character whose low byte is '{' is not a brace.
        #expect(AnswerLoader.format(of: Self.utf16("\u{017B}x", bigEndian: bigEndian, mark: mark)) == .csv)
    }

    @Test func tellsUTF8AsBefore() {
        #expect(AnswerLoader.format(of: UTF8Bytes.byteOrderMark + Array("\r\n\t {".utf8)) == .json)
        #expect(AnswerLoader.format(of: Array("id,rating".utf8)) == .csv)
        #expect(AnswerLoader.format(of: []) == .json)
    }

    @Test func refusesAJSONAnswerFileInUTF16() throws {
        let file = InputFile(
            displayName: "answers.json",
            bytes: Self.utf16(try TestFiles.fixtureText("answers-mini.json"), bigEndian: false, mark: true))
        let read = AnswerLoader.read(file, questionnaire: try TestFiles.miniQuestionnaire())
        #expect(read.assessment == nil)
        #expect(
            read.problems == [
                Problem(
                    "",
                    "this JSON answer file is written in UTF-16 (little-endian); laer reads answer files in UTF-8 only: save it again as UTF-8 (in an editor, \"Save with encoding\" → UTF-8)"
                )
            ])
        #expect(
            AnswerLoader.readAll(file, questionnaire: try TestFiles.miniQuestionnaire()).entries.map(\.problems) == [
                read.problems
            ])
    }

    static let guess =
        "the file is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\" on Windows). If any letter looks wrong, re-save it as \"CSV UTF-8\""

    @Test func putsTheEncodingWarningOnTheSheetsEntryAndOnTheExportsFile() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let sheet = InputFile(
            displayName: "a.csv", bytes: Array("id;rating;note\nassessedOn;2026-11-25;\nk2;F;caf".utf8) + [0xE9])
        let readSheet = AnswerLoader.readAll(sheet, questionnaire: questionnaire)
        // One entry and no file problems: `score` takes its one-file path and prints the warning.
        #expect(readSheet.fileProblems == [])
        #expect(readSheet.entries.map(\.problems) == [[Problem(at: .document, Self.guess, severity: .warning)]])
        #expect(readSheet.entries.first?.assessment?.answers["k2"]?.note == "café")
        #expect(AnswerSheet.read(sheet, questionnaire: questionnaire).problems == readSheet.entries[0].problems)

        let export = InputFile(displayName: "b.csv", bytes: Array("Date;Name;k2\n2026-11-25;Zo".utf8) + [0xEB, 0x3B, 0x46])
        let readExport = AnswerLoader.readAll(export, questionnaire: questionnaire)
        #expect(readExport.fileProblems.first == Problem(at: .document, Self.guess, severity: .warning))
        #expect(readExport.entries.first?.assessment?.respondent.name == "Zoë")
        #expect(WideCSV.read(export, questionnaire: questionnaire).fileProblems == readExport.fileProblems)
    }

    @Test func reportsAnUndecidableEncodingAsTheFilesError() throws {
        let file = InputFile(displayName: "a.csv", bytes: Array("id,rating\nk2,".utf8) + [0x9D])
        let read = AnswerLoader.readAll(file, questionnaire: try TestFiles.miniQuestionnaire())
        #expect(read.entries.map(\.assessment) == [nil])
        #expect(read.entries.first?.problems.first?.place == .text(line: 2, column: 4))
        #expect(read.entries.first?.problems.first?.message.contains("CSV UTF-8 (comma delimited)") == true)
    }
}
