import Foundation
import Testing

@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERReports
@testable import LAERSurvey
@testable import LAERValues

/// The HTML form's document: its policy names exactly its own script and style sheet, its data
/// block reads back as the questionnaire and never ends early, and no text becomes markup.
/// (What it does in a browser is Tests/Browser/form_test.py, run by BrowserTests.)
@Suite struct AnswerFormTests {
    static func mini() throws -> Questionnaire {
        try QuestionnaireLoader.load(
            InputFile(displayName: "mini-questionnaire.json", bytes: Array(TestFiles.fixtureText("mini-questionnaire.json").utf8))
        )
    }

    static func previous(for questionnaire: Questionnaire) throws -> Assessment {
        let file = InputFile(displayName: "answers-mini.json", bytes: Array(try TestFiles.fixtureText("answers-mini.json").utf8))
        return try AnswerLoader.load(file, questionnaire: questionnaire)
    }

    /// The text between the first `open` after `start` and the `</…>` that follows it.
    static func element(_ tag: String, opening: String, in page: String) throws -> String {
        let start = try #require(page.range(of: opening))
        let end = try #require(page.range(of: "</\(tag)>", range: start.upperBound..<page.endIndex))
        return String(page[start.upperBound..<end.lowerBound])
    }

    static func policy(of page: String) throws -> [String] {
        let content = try element(
            "meta", opening: "<meta http-equiv=\"Content-Security-Policy\" content=\"", in: page + "</meta>")
        return String(content.prefix { $0 != "\"" }).components(separatedBy: "; ")
    }

    @Test func thePolicyAllowsOnlyTheHashesOfItsOwnScriptAndStyleSheet() throws {
        let page = AnswerForm.document(for: try Self.mini())
        let script = try Self.element("script", opening: "<script>", in: page)
        let style = try Self.element("style", opening: "<style>", in: page)
        let policy = try Self.policy(of: page)
        #expect(policy.contains("default-src 'none'"))
        #expect(policy.contains("script-src 'sha256-\(SHA256.base64Digest(Array(script.utf8)))'"))
        #expect(policy.contains("style-src 'sha256-\(SHA256.base64Digest(Array(style.utf8)))'"))
        #expect(policy.contains("base-uri 'none'") && policy.contains("form-action 'none'"))
        #expect(!page.contains("http://") && !page.contains("https://"), "nothing names the network")
        #expect(!page.contains(" style=\""), "an inline style attribute would need 'unsafe-inline'")
        #expect(!page.contains(#/ on[a-z]+=/#), "no inline event handler")
    }

    @Test func theDataBlockReadsBackAsTheQuestionnaireAndItsStart() throws {
        let questionnaire = try Self.mini()
        let previous = try Self.previous(for: questionnaire)
        let prefill = AnswerForm.Prefill(
            respondent: Respondent(name: "Ada"), period: "2027-Q1", previous: previous, previousFile: "answers-mini.json")
        let page = AnswerForm.document(for: questionnaire, prefill: prefill)
        let block = try Self.element("script", opening: "<script type=\"application/json\" id=\"laer-form-data\">", in: page)
        let data = try #require(try JSONParser.parse(block).objectValue)
        #expect(data["schema"] == .string("laer-answers/1"))
        #expect(data["questionnaire"]?.objectValue?["version"] == .string("1.0.0"))
        let capabilities = try #require(data["capabilities"]?.arrayValue)
        #expect(capabilities.map { $0.objectValue?["id"]?.stringValue } == questionnaire.capabilities.map(\.id))
        #expect(capabilities.map { $0.objectValue?["key"]?.stringValue } == questionnaire.capabilities.indices.map { "c\($0)" })
        #expect(data["respondent"]?.objectValue?["name"] == .string("Ada"))
        #expect(data["period"] == .string("2027-Q1"))
        let offered = try #require(data["previous"]?.objectValue)
        #expect(offered["file"] == .string("answers-mini.json"))
        let answers = try #require(offered["answers"]?.objectValue)
        #expect(answers.members.map(\.key) == questionnaire.capabilities.map(\.id).filter { previous.answers[$0] != nil })
        #expect(answers["k2"]?.objectValue?["note"] == .string(#"Usage dashboard, "weekly"."#))
        #expect(answers["s4"]?.objectValue?["rating"] == .string("largely"), "ratings as the file format spells them")
        #expect(offered["placements"]?.objectValue?["compensation"] == .string("laer-experiment"))
        #expect(offered["roadSigns"]?.objectValue?["adoption-funded"] == .bool(false))
        // Each marker's placement and capabilities by the keys the markup uses.
        let kpis = try #require(data["markers"]?.arrayValue?.first?.objectValue)
        #expect(kpis["placement"] == .string("p0"))
        #expect(kpis["label"] == .string("Where you stand on KPIs"), "the review's words are the survey's")
        #expect(data["roadSigns"]?.arrayValue?.first?.objectValue?["label"] == .string(questionnaire.roadSigns[0].statement))
        #expect(data["ratings"]?.objectValue?.members.map(\.key) == Rating.allCases.map(\.rawValue))
        #expect(data["ratings"]?.objectValue?["na"] == .string("N/A"))
        #expect(kpis["capabilities"] == .array([.string("c0"), .string("c1"), .string("c2")]))
        for key in ["c0", "c14", "p0", "p4", "s0", "s1", "m0", "m4"] { #expect(page.contains("id=\"\(key)\""), "\(key)") }
    }

    @Test func theFormKeyFollowsWhatTheFormStartsWith() throws {
        let questionnaire = try Self.mini()
        func key(_ prefill: AnswerForm.Prefill) throws -> JSONValue? {
            let page = AnswerForm.document(for: questionnaire, prefill: prefill)
            let block = try Self.element("script", opening: "id=\"laer-form-data\">", in: page)
            return try JSONParser.parse(block).objectValue?["form"]
        }
        let blank = try key(AnswerForm.Prefill())
        #expect(blank == (try key(AnswerForm.Prefill())), "the same form keeps its answers under the same key")
        #expect(blank != (try key(AnswerForm.Prefill(respondent: Respondent(name: "Ada")))))
        #expect(blank != (try key(AnswerForm.Prefill(period: "2027-Q1"))))
        #expect(blank?.stringValue?.count == 16)
    }

    static let hostile = [
        "</script><script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "<!-- <script>", "</SCRIPT >",
        "a\u{2028}b\u{2029}c", "&amp; &lt;", "' onmouseover='alert(3)",
    ]

    @Test(arguments: hostile)
    func aHostileTextIsTextInTheMarkupAndInTheData(text: String) throws {
        var questionnaire = try Self.mini()
        questionnaire.title = text
        questionnaire.markers[0].name = text
        questionnaire.markers[0].profiles[.laerExperiment] = text
        questionnaire.capabilities[0].statement = text
        questionnaire.capabilities[0].help = text
        questionnaire.roadSigns[0].statement = text
        let page = AnswerForm.document(
            for: questionnaire, prefill: AnswerForm.Prefill(respondent: Respondent(name: text, organization: text), period: text))
        #expect(page.components(separatedBy: "<script").count == 3, "only the data block and the script")
        #expect(page.lowercased().components(separatedBy: "</script").count == 3, "no text ends a script element")
        #expect(!page.contains("\u{2028}") && !page.contains("\u{2029}"))
        let block = try Self.element("script", opening: "id=\"laer-form-data\">", in: page)
        let markup = page.replacingOccurrences(of: block, with: "")
        #expect(
            !markup.contains("<img") && !markup.contains("<!--") && !markup.contains("' onmouseover"),
            "no text opens a tag or closes an attribute")
        #expect(!block.contains("<") && !block.contains(">") && !block.contains("&"))
        let data = try #require(try JSONParser.parse(block).objectValue)
        #expect(data["questionnaire"]?.objectValue?["title"] == .string(text), "the data means the text as it was")
        #expect(data["capabilities"]?.arrayValue?.first?.objectValue?["label"] == .string(text))
        #expect(data["markers"]?.arrayValue?.first?.objectValue?["label"] == .string("Where you stand on \(text)"))
        #expect(page.contains("<title>\(HTML.escape(text)): answer form</title>"))
        #expect(page.contains("value=\"\(HTML.escape(text))\""))
    }

    @Test func scriptDataEscapesTheThreeCharactersThatMeanMarkupAndNothingElse() {
        let json = JSONWriter(pretty: false).bytes(from: .string("</script> & <!-- é \u{2028}"))
        #expect(HTML.scriptData(json) == #""\u003c/script\u003e \u0026 \u003c!-- é \u2028""#)
        #expect(HTML.scriptData(Array(#"{"a":[1,true,null]}"#.utf8)) == #"{"a":[1,true,null]}"#)
    }

    @Test func everyQuestionIsAFieldsetWithALegendAndEveryRatingALabel() throws {
        let questionnaire = try Self.mini()
        let page = AnswerForm.document(for: questionnaire)
        let questions = questionnaire.markers.count + questionnaire.capabilities.count + questionnaire.roadSigns.count
        #expect(page.components(separatedBy: "<fieldset").count - 1 == questions)
        #expect(page.components(separatedBy: "<legend>").count - 1 == questions)
        let radios = page.components(separatedBy: "<input type=\"radio\"").count - 1
        #expect(
            radios == questionnaire.markers.count * 4 + questionnaire.capabilities.count * 5 + questionnaire.roadSigns.count * 2)
        #expect(
            page.components(separatedBy: "<label class=\"rating\"><input type=\"radio\"").count - 1
                == questionnaire.capabilities.count * 5 + questionnaire.roadSigns.count * 2)
        #expect(page.components(separatedBy: "role=\"status\" aria-live=\"polite\"").count == 2)
    }

    @Test func theBuiltInQuestionnairesFormIsUnder250KB() throws {
        let page = AnswerForm.document(for: try QuestionnaireLoader.builtIn())
        #expect(page.utf8.count < 250_000, "\(page.utf8.count) bytes")
    }

    @Test func theFormOfTheMiniQuestionnaireMatchesItsGoldenFile() throws {
        let questionnaire = try Self.mini()
        let prefill = AnswerForm.Prefill(
            respondent: Respondent(name: "Zoë Müller", role: "CRO", organization: "Acme, Inc."), period: "2027-Q1",
            previous: try Self.previous(for: questionnaire), previousFile: "answers-mini.json")
        try assertSnapshot(AnswerForm.document(for: questionnaire, prefill: prefill), named: "template-form-mini.html")
    }
}
