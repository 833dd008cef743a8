import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERReports
@testable import LAERValues

@Suite struct AssessmentDecoderTests {
    func read(_ text: String) throws -> (assessment: Assessment?, problems: [String]) {
        let result = AssessmentDecoder.decode(try JSONParser.parse(text), questionnaire: try TestFiles.miniQuestionnaire())
        return (result.assessment, result.problems.map(\.description))
    }

    func problems(replacing replacements: [(String, String)]) throws -> [String] {
        try read(TestFiles.fixtureText("answers-mini.json", replacing: replacements)).problems
    }

    @Test func readsEveryPartOfAnAnswerFile() throws {
        let (assessment, problems) = try read(TestFiles.fixtureText("answers-mini.json"))
        #expect(problems == [])
        let expected = Assessment(
            questionnaireID: "mini", questionnaireVersion: "1.2.0",
            respondent: Respondent(name: "Zoë Müller", role: "CRO", organization: "Acme, Inc."),
            assessedOn: "2026-11-25", period: "2026-Q4",
            answers: [
                "k2": Answer(.fully, note: "Usage dashboard, \"weekly\"."), "k3": Answer(.largely), "k4": Answer(.not),
                "p2": Answer(.fully), "p3": Answer(.partially), "c2": Answer(.largely), "c3": Answer(.na), "o2": Answer(.fully),
                "o3": Answer(.not), "s2": Answer(.fully), "s3": Answer(.largely), "s4": Answer(.largely),
            ],
            placements: [.kpis: .laerEfficient, .compensation: .laerExperiment],
            roadSigns: ["sales-admits": true, "adoption-funded": false])
        #expect(assessment == expected)
    }

    @Test(arguments: [
        (
            [(#""k3": {"rating": "largely"}"#, #""k33": {"rating": "largely"}"#)],
            // The fixture's answers name version 1.2.0, newer than the questionnaire: the message says which to pass.
            #"answers.k33: "k33" is not in version 1.0.0 of mini; these answers were made with version 1.2.0, which is neither built in nor given: pass it with --questionnaire FILE"#
        ),
        (
            [(#""k3": {"rating": "largely"}"#, #""kpis-9": {"rating": "largely"}"#)],
            // The fixture's answers name version 1.2.0, newer than the questionnaire: the message says which to pass.
            #"answers.kpis-9: "kpis-9" is not in version 1.0.0 of mini; these answers were made with version 1.2.0, which is neither built in nor given: pass it with --questionnaire FILE"#
        ),
        (
            [(#""k3": {"rating": "largely"}"#, #""k3": {"rating": "largley"}"#)],
            #"answers.k3.rating: "largley" is not a rating; use not, partially, largely, fully or na (or N, P, L, F, 0–3) (did you mean "largely"?)"#
        ),
        (
            [(#""o2": "F""#, #""o2": "4""#)],
            #"answers.o2.rating: "4" is not a rating; use not, partially, largely, fully or na (or N, P, L, F, 0–3)"#
        ),
        (
            [(#""id": "mini""#, #""id": "other""#)],
            #"questionnaire: these answers are for questionnaire "other", not "mini"; pass the right one with --questionnaire FILE"#
        ),
        (
            [(#""version": "1.2.0""#, #""version": "2.0.0""#)],
            "questionnaire: these answers are for version 2.0.0 of mini, but the questionnaire is 1.0.0; a different major version cannot be scored: use the matching questionnaire with --questionnaire FILE"
        ),
        (
            [(#""assessedOn": "2026-11-25""#, #""assessedOn": "25/11/2026""#)],
            #"assessedOn: "25/11/2026" is not a date; write it as YYYY-MM-DD, such as 2026-11-25"#
        ),
        (
            [(#""assessedOn": "2026-11-25""#, #""assessedOn": "2026-02-30""#)],
            #"assessedOn: "2026-02-30" is not a date; write it as YYYY-MM-DD, such as 2026-11-25"#
        ),
        (
            [(#""assessedOn": "2026-11-25","#, "")],
            "assessedOn: missing; add the date of the assessment, YYYY-MM-DD"
        ),
        (
            [(#""kpis": "laer-efficient""#, #""kpi": "laer-efficient""#)],
            #"placements.kpi: "kpi" is not a marker; expected one of kpis, practices, compensation, organization, culture (did you mean "kpis"?)"#
        ),
        (
            [(#""kpis": "laer-efficient""#, #""kpis": "effectiv""#)],
            #"placements.kpis: "effectiv" is not a phase; answer with traditional, experiment, effective or efficient (or the phase's number 1–4) (did you mean "effective"?)"#
        ),
        (
            [(#""adoption-funded": false"#, #""adoption-fund": false"#)],
            #"roadSigns.adoption-fund: "adoption-fund" is not a road sign; expected one of sales-admits, adoption-funded (did you mean "adoption-funded"?)"#
        ),
        (
            [(#""adoption-funded": false"#, #""adoption-funded": "no""#)],
            "roadSigns.adoption-funded: expected true or false, found a string"
        ),
        (
            [(#""schema": "laer-answers/1""#, #""schema": "laer-answers/2""#)],
            #"schema: "laer-answers/2" is a version of the answer format this laer does not read; it reads laer-answers/1: upgrade laer"#
        ),
        (
            [(#""k4": {"rating": "not"}"#, #""k4": 0"#)],
            #"answers.k4: expected {"rating": …, "note": …}, found a number"#
        ),
    ])
    func reportsEachBadAnswerWithItsPlaceAndTheClosestValidValue(replacements: [(String, String)], expected: String) throws {
        #expect(try problems(replacing: replacements) == [expected])
    }

    @Test func reportsSeveralProblemsAtOnceAndYieldsNoAssessment() throws {
        let (assessment, problems) = try read(
            TestFiles.fixtureText(
                "answers-mini.json",
                replacing: [
                    (#""assessedOn": "2026-11-25""#, #""assessedOn": "soon""#),
                    (#""k3": {"rating": "largely"}"#, #""k9": {"rating": "largely"}"#),
                    (#""s4": {"rating": "2"}"#, #""s4": {"rating": "twice"}"#),
                ]))
        #expect(assessment == nil)
        #expect(problems.count == 3)
    }

    @Test func emptyValuesAsATemplateLeavesThemAreUnanswered() throws {
        let text = AnswerTemplate.json(for: try TestFiles.miniQuestionnaire(), today: "2026-01-05")
        let (assessment, problems) = try read(text)
        #expect(problems == [])
        #expect(assessment == Assessment(questionnaireID: "mini", questionnaireVersion: "1.0.0", assessedOn: "2026-01-05"))
    }
}
