import Testing

@testable import LAERValues

@Suite struct SafeTextTests {
    /// Every control character of the definition, one per class.
    static let controls: [Unicode.Scalar] = [
        "\u{0}", "\u{7}", "\u{8}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9B}", "\u{9F}", "\u{61C}", "\u{200E}",
        "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{2028}", "\u{2029}",
    ]

    @Test(arguments: controls) func everyControlCharacterIsEscapedOrFolded(_ scalar: Unicode.Scalar) {
        let text = "a" + String(Character(scalar)) + "b"
        for safe in [SafeText.line(text), SafeText.multiline(text), SafeText.visible(text), SafeText.typed(text)] {
            #expect(!safe.unicodeScalars.contains { SafeText.isControl($0) && $0 != "\n" }, "\(safe.debugDescription)")
        }
        #expect(!SafeText.isClean(text, keepingLineFeeds: true))
    }

    @Test func theNeighboursOfControlCharactersAreClean() {
        // Each shares a lead byte with a control character: the byte scan must look further.
        let text = "\u{A0}é\u{60C}\u{200D}\u{2010}\u{2027}\u{202F}\u{2065}\u{206A}’…"
        #expect(SafeText.isClean(text, keepingLineFeeds: false))
        #expect(SafeText.line(text) == text)
    }

    /// The byte scan and `isControl` spell the same set twice (bytes for speed, scalars for the
    /// rest): they agree on every scalar there is.
    @Test func theByteScanFindsExactlyTheControlCharacters() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var bytes = Array("ab".utf8)
            bytes.insert(contentsOf: String(Character(scalar)).utf8, at: 1)
            let clean = bytes.withUnsafeBufferPointer { SafeText.isClean($0, keepingLineFeeds: false) }
            if clean == SafeText.isControl(scalar) { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
    }

    /// Eight bytes are scanned at a time: a control character is found at any place of a word.
    @Test func aControlCharacterIsFoundAtEveryOffset() {
        for control in ["\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{202E}", "\n"] {
            for offset in 0...24 {
                let text = String(repeating: "a", count: offset) + control + String(repeating: "b", count: 24 - offset)
                #expect(!SafeText.isClean(text, keepingLineFeeds: false), "\(control.debugDescription) at \(offset)")
            }
        }
        #expect(SafeText.isClean(String(repeating: "plain ASCII ~ ", count: 9) + "\n", keepingLineFeeds: true))
    }

    @Test func theNotationIsSwiftsEscapes() {
        #expect(SafeText.line("a\u{1B}[31mb") == "a\\u{1B}[31mb")
        #expect(SafeText.line("x\u{202E}y\u{0}") == "x\\u{202E}y\\u{0}")
        #expect(SafeText.visible("a\nb\r\tc\u{85}") == "a\\nb\\r\\tc\\u{85}")
    }

    @Test func aSingleLineFieldFoldsEveryBreakToOneSpace() {
        #expect(SafeText.line("a\nb\r\nc\rd\u{B}e\u{C}f\u{85}g\u{2028}h\u{2029}i\tj") == "a b c d e f g h i j")
    }

    @Test func multiLineTextKeepsLineFeedsAndNormalisesTheRest() {
        #expect(SafeText.multiline("a\nb\r\nc\rd") == "a\nb\nc\nd")
        #expect(SafeText.multiline("a\tb\u{1B}c\u{2028}d") == "a b\\u{1B}c\\u{2028}d")
    }

    @Test func typedTextDropsControlsAndFoldsBreaks() {
        #expect(SafeText.typed("a\u{1B}[2J\r\nb\u{202E}c\td") == "a[2J bc d")
    }

    @Test func cleanTextIsReturnedAsItIs() {
        for text in ["", "Zoë Müller", "Acme, Inc.", "日本語の名前", "👍🏽 fine", "line one\nline two"] {
            let expectedLine = text.contains("\n") ? text.replacing("\n", with: " ") : text
            #expect(SafeText.line(text) == expectedLine)
            #expect(SafeText.multiline(text) == text)
        }
    }

    @Test func aLongQuotedValueIsShortenedWithItsLength() {
        let long = String(repeating: "x", count: 10_000)
        let quoted = SafeText.quoted(long)
        #expect(quoted == "\"" + String(repeating: "x", count: InputLimits.shownValueLength) + "…\" (10,000 bytes)")
        #expect(SafeText.quoted("short\n") == "\"short\\n\"")
        let exact = String(repeating: "y", count: InputLimits.shownValueLength)
        #expect(SafeText.quoted(exact) == "\"\(exact)\"")
    }

    @Test func aMessageLineIsBounded() {
        let line = SafeText.messageLine(String(repeating: "\u{1B}", count: 5_000))
        #expect(line.count == InputLimits.messageLength + 1)
        #expect(line.hasSuffix("…"))
        #expect(SafeText.messageLine("fine") == "fine")
    }

    @Test func problemsAndLoadErrorsAreOneVisibleLineEach() {
        let problem = Problem("respondent.name", "\"a\nb\u{1B}[2J\" is odd")
        #expect(problem.description == "respondent.name: \"a\\nb\\u{1B}[2J\" is odd")
        let error = LoadError.invalid(file: "evil\n\u{1B}.json", [problem, problem])
        #expect(error.description.split(separator: "\n").count == 2)
        #expect(error.description.hasPrefix("evil\\n\\u{1B}.json: respondent.name"))
        #expect(LoadError.isDirectory(path: "d\u{9B}2J").description == "d\\u{9B}2J: is a directory; name a file")
        let long = LoadError.syntax(file: "a.json", line: 1, column: 1, message: String(repeating: "m", count: 100_000))
        #expect(long.description.count <= InputLimits.messageLength + 1)
    }
}
