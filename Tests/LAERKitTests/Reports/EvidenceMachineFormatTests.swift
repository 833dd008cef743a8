import LAERTestSupport
import Testing

@testable import LAERFormats
@testable import LAERReports
@testable import LAERScoring
@testable import LAERValues

/// The evidence in the machine-readable reports of `score`: ratings, notes, spreads and warnings
/// in JSON (the pretty report and JSON Lines alike), and the per-capability columns of CSV.
@Suite struct EvidenceMachineFormatTests {
    /// A result as the pretty report and as a line of JSON Lines, parsed.
    static func documents(_ result: ScoreResult, _ questionnaire: Questionnaire) throws -> [JSONObject] {
        let pretty = JSONReport().render(result, questionnaire: questionnaire)
        let line = JSONLineWriter(questionnaire: questionnaire).bytes(result)
        return [try #require(try JSONParser.parse(pretty).objectValue), try #require(try JSONParser.parse(line).objectValue)]
    }

    /// A CSV report's one row, by column name.
    static func cells(_ result: ScoreResult, _ questionnaire: Questionnaire) throws -> [String: String] {
        let rows = try CSVReader.parse(CSVReport().render(result, questionnaire: questionnaire))
        #expect(rows.count == 2 && rows[0].fields.count == rows[1].fields.count)
        return Dictionary(zip(rows[0].fields, rows[1].fields), uniquingKeysWith: { first, _ in first })
    }

    static func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    @Test func aSingleResultGivesEveryAnsweredRatingAndItsNoteWithoutAuthor() throws {
        let (result, questionnaire) = try ReportGoldenTests.result()
        for document in try Self.documents(result, questionnaire) {
            #expect(
                document["ratings"]
                    == (try Self.json(
                        #"{"c2":"largely","c3":"na","k2":"fully","k3":"largely","k4":"not","o2":"fully","o3":"not","p2":"fully","p3":"partially","s2":"fully","s3":"largely","s4":"largely"}"#
                    )))
            #expect(document["notes"] == (try Self.json(#"[{"capability":"k2","note":"Usage dashboard, \"weekly\"."}]"#)))
            #expect(document["spreads"] == nil && document["disagreement"] == nil && document["warnings"] == nil)
        }
    }

    @Test func aMergedResultGivesAuthorsAndSpreadsWidestFirst() throws {
        var (result, questionnaire) = try MergedTeam.result()
        result.spreads?[1].notApplicable = 2
        for document in try Self.documents(result, questionnaire) {
            #expect(document["disagreement"] == (try Self.json(#"["k2","c3","k3"]"#)))
            #expect(
                document["notes"]
                    == (try Self.json(
                        #"[{"author":"Ada Lovelace","capability":"k2","note":"Weekly usage dashboard"},{"author":"Cleo Park","capability":"k2","note":"Only for the top 20 accounts"},{"author":"Ben Okafor","capability":"c3","note":"Adoption bonus since Q3"}]"#
                    )))
            #expect(document["ratings"]?.objectValue?["k2"] == .string("largely"))
            #expect(document["ratings"]?.objectValue?["s4"] == nil)
            let spreads = try #require(document["spreads"]?.arrayValue)
            #expect(spreads.count == 3)
            #expect(
                spreads.first
                    == (try Self.json(
                        #"{"capability":"k2","counts":{"fully":3,"largely":0,"na":0,"not":1,"partially":0},"deviation":1.299,"highest":"fully","lowest":"not","notable":true,"said":[{"author":"Ada Lovelace","rating":"fully"},{"author":"Ben Okafor","rating":"fully"},{"author":"Cleo Park","rating":"not"},{"author":"Dev Rao","rating":"fully"}]}"#
                    )))
            let c3 = try #require(spreads[1].objectValue)
            #expect(c3["capability"] == .string("c3") && c3["lowest"] == .string("not") && c3["highest"] == .string("largely"))
            #expect(c3["counts"] == (try Self.json(#"{"fully":0,"largely":2,"na":2,"not":2,"partially":0}"#)))
            #expect(c3["deviation"] == .number(1) && c3["notable"] == .bool(true))
            let k3 = try #require(spreads[2].objectValue)
            #expect(k3["capability"] == .string("k3") && k3["deviation"] == .number(0.866) && k3["notable"] == .bool(false))
        }
    }

    /// Under `--anonymize` a spread says nothing of who said what, and the notes carry pseudonyms.
    @Test func anAnonymizedMergeNamesNobody() throws {
        let (result, questionnaire) = try MergedTeam.result(anonymized: true)
        for document in try Self.documents(result, questionnaire) {
            let spreads = try #require(document["spreads"]?.arrayValue)
            #expect(spreads.count == 3)
            #expect(spreads.allSatisfy { $0.objectValue?["said"] == .array([]) })
            #expect(
                document["notes"]?.arrayValue?.map { $0.objectValue?["author"] }
                    == ["Respondent 1", "Respondent 3", "Respondent 2"].map(JSONValue.string))
        }
        let cells = try Self.cells(result, questionnaire)
        #expect(cells["k2 note"] == "Respondent 1: Weekly usage dashboard | Respondent 3: Only for the top 20 accounts")
        let texts = [
            JSONReport().render(result, questionnaire: questionnaire), CSVReport().render(result, questionnaire: questionnaire),
        ]
        for text in texts {
            #expect(MergedTeam.names.allSatisfy { !text.contains($0) })
        }
    }

    /// A blank assessment says so in JSON; one with only N/A answers is not blank.
    @Test func aBlankAssessmentWarnsAndNoOtherDoes() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        var assessment = MergedTeam.assessments()[0]
        assessment.answers = [:]
        let blank = Scorer(questionnaire: questionnaire).score(assessment, source: "blank.json")
        for document in try Self.documents(blank, questionnaire) {
            #expect(document["warnings"] == .array([.string(ScoreResult.blankWarning)]))
            #expect(document["ratings"] == .object(JSONObject()) && document["notes"] == .array([]))
        }
        assessment.answers = ["k2": Answer(.na)]
        let onlyNA = Scorer(questionnaire: questionnaire).score(assessment, source: "na.json")
        let expected = try Self.json(#"{"k2":"na"}"#)
        for document in try Self.documents(onlyNA, questionnaire) {
            #expect(document["warnings"] == nil && document["ratings"] == expected)
        }
    }

    /// Quotes, line breaks, control characters and the separators JavaScript reads as line ends
    /// come back unchanged, escaped, and never as raw bytes.
    @Test func aNoteIsEscapedInJSON() throws {
        var (result, questionnaire) = try MergedTeam.result()
        let note = "She said \"no\",\nthen\ttabbed\u{7}\u{1F} \\ back\u{2028}\u{2029}"
        result.notes[0].note = note
        result.notes[1].author = "\"Cleo\"\r\n"
        let line = JSONLineWriter(questionnaire: questionnaire).bytes(result)
        #expect(!line.dropLast().contains { $0 < 0x20 }, "a raw control byte")
        let text = String(decoding: line, as: UTF8.self)
        #expect(
            text.contains(#"She said \"no\",\nthen\ttabbed\u0007\u001F \\ back\u2028\u2029"#))
        for document in try Self.documents(result, questionnaire) {
            let notes = try #require(document["notes"]?.arrayValue)
            #expect(notes[0].objectValue?["note"] == .string(note))
            #expect(notes[1].objectValue?["author"] == .string("\"Cleo\"\r\n"))
        }
    }

    @Test func csvGivesEachCapabilityItsRatingAndNotesAfterTheOtherColumns() throws {
        let (single, questionnaire) = try ReportGoldenTests.result()
        let ids = questionnaire.capabilities.map(\.id)
        let header = CSVReport.header(questionnaire)
        #expect(Array(header.prefix(CSVReport.fixedColumns.count)) == CSVReport.fixedColumns)
        #expect(Array(header.dropFirst(CSVReport.fixedColumns.count)) == ["disagreement"] + ids.flatMap { [$0, "\($0) note"] })
        #expect(
            CSVReport.header(questionnaire, withPeers: true)
                == CSVReport.fixedColumns + CSVReport.peerColumns + CSVReport.evidenceColumns(questionnaire))

        let cells = try Self.cells(single, questionnaire)
        #expect(cells["k2"] == "fully" && cells["k2 note"] == #"Usage dashboard, "weekly"."#)
        #expect(cells["c3"] == "na" && cells["p4"] == "" && cells["k3 note"] == "")
        #expect(cells["disagreement"] == "")
        let rated = ids.filter { !(cells[$0] ?? "").isEmpty }
        #expect(rated == single.ratings.map(\.capability))

        let (merged, _) = try MergedTeam.result()
        let team = try Self.cells(merged, questionnaire)
        #expect(team["disagreement"] == "k2 c3 k3")
        #expect(team["k2"] == "largely" && team["c3"] == "partially" && team["s4"] == "")
        #expect(team["k2 note"] == "Ada Lovelace: Weekly usage dashboard | Cleo Park: Only for the top 20 accounts")
        #expect(team["c3 note"] == "Ben Okafor: Adoption bonus since Q3")
    }

    /// Ratings and notes out of questionnaire order land in the same cells as in order.
    @Test func csvCellsDoNotDependOnTheOrderOfRatingsAndNotes() throws {
        let (result, questionnaire) = try MergedTeam.result()
        var reversedRatings = result
        reversedRatings.ratings.reverse()
        #expect(try Self.cells(reversedRatings, questionnaire) == (try Self.cells(result, questionnaire)))
        var reversedNotes = result
        reversedNotes.notes.reverse()
        let cells = try Self.cells(reversedNotes, questionnaire)
        #expect(cells["k2 note"] == "Cleo Park: Only for the top 20 accounts | Ada Lovelace: Weekly usage dashboard")
        #expect(cells["c3 note"] == "Ben Okafor: Adoption bonus since Q3" && cells["k2"] == "largely")
    }

    /// Notes and their authors are user text: a spreadsheet shows them, never runs them.
    @Test func csvNotesNeverRunAsFormulas() throws {
        var (single, questionnaire) = try ReportGoldenTests.result()
        single.notes = [EvidenceNote(capability: "k2", note: "=HYPERLINK(\"http://x\",\"see\")")]
        let cells = try Self.cells(single, questionnaire)
        #expect(cells["k2 note"] == "'=HYPERLINK(\"http://x\",\"see\")")

        var (merged, _) = try MergedTeam.result()
        merged.notes[0].author = "@SUM(A1)"
        merged.notes[2].note = "-1 per quarter"
        merged.notes[2].author = nil
        let team = try Self.cells(merged, questionnaire)
        #expect(team["k2 note"] == "'@SUM(A1): Weekly usage dashboard | Cleo Park: Only for the top 20 accounts")
        #expect(team["c3 note"] == "'-1 per quarter")
    }
}
