import LAERTestSupport
import Testing

@testable import LAERReports
@testable import LAERTerminal
@testable import LAERValues

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("kpiz", "kpis"), ("questionaire", "questionnaire"), ("--fromat", "--format"), ("Culture", "culture"),
        ("valid", "validate"), ("org", "organization"),
    ])
    func suggestsTheClosestCandidate(word: String, expected: String) {
        let candidates = [
            "kpis", "practices", "compensation", "organization", "culture", "questionnaire", "--format", "validate",
        ]
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }

    @Test func suggestsNothingForUnrelatedWords() {
        #expect(Suggestion.closest(to: "tcsh", among: ["bash", "zsh", "fish"]) == nil)
        #expect(Suggestion.closest(to: "xyz", among: []) == nil)
    }

    @Test func countsATranspositionAsOneEdit() {
        #expect(Suggestion.editDistance("form", "from") == 1)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }
}

@Suite struct TextWrapTests {
    @Test func wrapsAtSpacesAndKeepsLongWords() {
        #expect(TextWrap.lines("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextWrap.lines("a supercalifragilistic b", width: 5) == ["a", "supercalifragilistic", "b"])
        #expect(TextWrap.lines("a\n\nb", width: 10) == ["a", "", "b"])
    }

    @Test func indentsEveryLine() {
        #expect(
            TextWrap.indented(String(repeating: "word ", count: 10), width: 30, indent: 4, firstPrefix: "  - ")
                == "  - word word word word word\n    word word word word word")
    }
}

@Suite struct ColorModeTests {
    @Test func autoColoursOnlyATerminalWithoutNoColorOrDumbTerm() {
        #expect(ColorMode.auto.allowsColor(environment: [:], outputIsTerminal: true))
        #expect(!ColorMode.auto.allowsColor(environment: [:], outputIsTerminal: false))
        #expect(!ColorMode.auto.allowsColor(environment: ["NO_COLOR": "1"], outputIsTerminal: true))
        #expect(ColorMode.auto.allowsColor(environment: ["NO_COLOR": ""], outputIsTerminal: true))
        #expect(!ColorMode.auto.allowsColor(environment: ["TERM": "dumb"], outputIsTerminal: true))
        #expect(ColorMode.always.allowsColor(environment: ["NO_COLOR": "1"], outputIsTerminal: false))
        #expect(!ColorMode.never.allowsColor(environment: [:], outputIsTerminal: true))
    }

    @Test func styleIsPlainWithoutColour() {
        #expect(PlainText().bold("x") == "x")
        #expect(ANSIStyle(colorEnabled: true).bold("x") == "\u{1B}[1mx\u{1B}[0m")
    }
}
