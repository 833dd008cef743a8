import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERScoring
@testable import LAERValues

@Suite struct AssessmentEncoderTests {
    static func roundTrip(_ assessment: Assessment, _ questionnaire: Questionnaire) throws -> (Assessment?, [Problem]) {
        let bytes = AssessmentEncoder.encode(assessment, questionnaire: questionnaire)
        #expect(bytes.last == 0x0A)
        return AssessmentDecoder.decode(try JSONParser.parse(bytes), questionnaire: questionnaire)
    }

    static func full(_ questionnaire: Questionnaire) -> Assessment {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-25")
        assessment.respondent = Respondent(name: "Zoë Müller", role: "CRO", organization: "Acme, Inc.")
        assessment.period = "2026-Q4"
        for (index, capability) in questionnaire.capabilities.enumerated() {
            let rating = Rating.allCases[index % Rating.allCases.count]
            assessment.answers[capability.id] = Answer(rating, note: index % 3 == 0 ? "note \(index)" : nil)
        }
        for (index, marker) in questionnaire.markers.enumerated() {
            assessment.placements[marker.id] = PhaseID.allCases[index % PhaseID.allCases.count]
        }
        for (index, sign) in questionnaire.roadSigns.enumerated() { assessment.roadSigns[sign.id] = index % 2 == 0 }
        return assessment
    }

    @Test func aFullAssessmentReadsBackTheSame() throws {
        for questionnaire in [try TestFiles.miniQuestionnaire(), try QuestionnaireLoader.builtIn()] {
            let assessment = Self.full(questionnaire)
            let (read, problems) = try Self.roundTrip(assessment, questionnaire)
            #expect(problems == [])
            #expect(read == assessment)
        }
    }

    @Test func aHalfDoneAssessmentReadsBackAndScores() throws {
        let questionnaire = try QuestionnaireLoader.builtIn()
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        assessment.respondent.role = "VP Customer Success"
        for capability in questionnaire.capabilities.prefix(questionnaire.capabilities.count / 2) {
            assessment.answers[capability.id] = Answer(.largely)
        }
        assessment.placements[.kpis] = .laerExperiment
        let (read, problems) = try Self.roundTrip(assessment, questionnaire)
        #expect(problems == [])
        #expect(read == assessment)
        let result = Scorer(questionnaire: questionnaire).score(try #require(read), source: "half.json")
        #expect(!result.toVerify.isEmpty)
        #expect(result.toVerify.allSatisfy { assessment.answers[$0] == nil })
        #expect(result.markers.count == questionnaire.markers.count)
    }

    @Test func anEmptyAssessmentIsTheSmallestFile() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        let text = String(decoding: AssessmentEncoder.encode(assessment, questionnaire: questionnaire), as: UTF8.self)
        #expect(
            text == """
                {
                  "schema": "laer-answers/1",
                  "questionnaire": {
                    "id": "mini",
                    "version": "1.0.0"
                  },
                  "assessedOn": "2026-11-30",
                  "placements": {},
                  "answers": {},
                  "roadSigns": {}
                }

                """)
        let (read, problems) = try Self.roundTrip(assessment, questionnaire)
        #expect(problems == [])
        #expect(read == assessment)
    }

    @Test func keysFollowTheTemplateAndTheQuestionnaire() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        assessment.respondent = Respondent(organization: "Acme")
        assessment.period = "2026-Q4"
        assessment.answers = ["s4": Answer(.fully), "k2": Answer(.na, note: "n/a here"), "o3": Answer(.not)]
        assessment.placements = [.culture: .laerEfficient, .kpis: .traditionalTransactional]
        assessment.roadSigns = ["adoption-funded": true]
        let document = try JSONParser.parse(AssessmentEncoder.encode(assessment, questionnaire: questionnaire))
        let root = try #require(document.objectValue)
        #expect(
            root.keys == ["schema", "questionnaire", "respondent", "assessedOn", "period", "placements", "answers", "roadSigns"])
        #expect(root["respondent"]?.objectValue?.keys == ["organization"])
        #expect(root["placements"]?.objectValue?.keys == ["kpis", "culture"])
        #expect(root["answers"]?.objectValue?.keys == ["k2", "o3", "s4"])
        #expect(
            root["answers"]?.objectValue?["k2"] == .object(JSONObject(["rating": .string("na"), "note": .string("n/a here")])))
        #expect(root["answers"]?.objectValue?["o3"] == .object(JSONObject(["rating": .string("not")])))
        #expect(root["roadSigns"] == .object(JSONObject(["adoption-funded": .bool(true)])))
    }

    @Test(arguments: [
        "She said \"no\", then 'yes'.",
        "line one\nline two\r\nline three\ttabbed",
        "Zoë, Ærø, 東京, 🚀, back\\slash, U+2028 here:\u{2028}end",
        "control \u{01} and \u{1F}",
    ])
    func notesWithAwkwardTextReadBackTheSame(_ note: String) throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        // As a reader keeps text: a note keeps its lines, a name is one line; control characters escaped.
        assessment.answers["k2"] = Answer(.partially, note: SafeText.multiline(note))
        assessment.respondent.name = SafeText.line(note)
        let (read, problems) = try Self.roundTrip(assessment, questionnaire)
        #expect(problems == [])
        #expect(read == assessment)
    }

    @Test func blankTextIsLeftOut() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-30")
        assessment.respondent.name = "  "
        assessment.period = ""
        assessment.answers["k2"] = Answer(.fully, note: "\n")
        let root = try #require(
            try JSONParser.parse(AssessmentEncoder.encode(assessment, questionnaire: questionnaire)).objectValue)
        #expect(root["respondent"] == nil)
        #expect(root["period"] == nil)
        #expect(root["answers"]?.objectValue?["k2"] == .object(JSONObject(["rating": .string("fully")])))
    }
}
