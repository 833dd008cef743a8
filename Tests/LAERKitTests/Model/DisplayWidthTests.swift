import Testing

@testable import LAERTerminal
@testable import LAERValues

@Suite struct DisplayWidthTests {
    /// Characters of every kind with the columns a terminal gives them.
    static let characters: [(Character, Int)] = [
        ("a", 1), (" ", 1), ("~", 1),
        ("\u{07}", 0), ("\u{1B}", 0), ("\r\n", 0), ("\u{7F}", 0), ("\u{85}", 0), ("\u{9F}", 0),
        ("\u{A0}", 1), ("é", 1), ("e\u{301}", 1), ("\u{301}", 0), ("\u{20DD}", 0),
        ("\u{200B}", 0), ("\u{200D}", 0), ("\u{200F}", 0), ("\u{2060}", 0), ("\u{FE0F}", 0), ("\u{E0100}", 0),
        ("\u{1100}", 2), ("\u{115F}", 2), ("\u{1160}", 1), ("中", 2), ("한", 2), ("\u{1100}\u{1161}\u{11A8}", 2),
        ("\u{2E80}", 2), ("、", 2), ("\u{303F}", 1), ("\u{3040}", 2), ("\u{A4CF}", 2), ("\u{A4D0}", 1),
        ("\u{D7A3}", 2), ("\u{D7A4}", 1), ("\u{F900}", 2), ("\u{FE30}", 2), ("\u{FE4F}", 2), ("\u{FE50}", 1),
        ("Ａ", 2), ("\u{FF60}", 2), ("ｱ", 1), ("￥", 2), ("\u{FFE6}", 2), ("\u{FFE7}", 1),
        ("𠀀", 2), ("\u{3FFFD}", 2), ("\u{1F300}", 2), ("\u{1F64F}", 2), ("\u{1F900}", 2), ("\u{1F9FF}", 2),
        ("👍", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("🚀", 2), ("✅", 2), ("⌚", 2),
        ("❤", 1), ("❤️", 2), ("☺", 1), ("1️⃣", 2),
        ("─", 1), ("│", 1), ("░", 1), ("█", 1), ("…", 1), ("✓", 1), ("▸", 1),
    ]

    @Test(arguments: characters.indices)
    func countsTheColumnsOfACharacter(_ index: Int) {
        let (character, width) = Self.characters[index]
        let scalars = character.unicodeScalars.map { String($0.value, radix: 16) }
        #expect(character.displayWidth == width, "U+\(scalars)")
    }

    @Test func aStringIsTheSumOfItsCharacters() {
        // Line feeds, themselves 0 columns, keep combining marks from joining the character before.
        let all = Self.characters.map { String($0.0) }.joined(separator: "\n")
        #expect(all.displayWidth == Self.characters.reduce(0) { $0 + $1.1 })
        // The ASCII fast path counts the printable bytes only.
        #expect("".displayWidth == 0)
        #expect("Hello, world!".displayWidth == 13)
        #expect("a\tb\u{7F}c\r\n\u{1B}".displayWidth == 3)
        #expect("Cafe\u{301} 中文 👍🏽".displayWidth == 12)
    }

    @Test func aStringThatFitsIsNotClipped() {
        #expect("abc".clipped(toWidth: 3) == "abc")
        #expect("abc".clipped(toWidth: 10) == "abc")
        #expect("".clipped(toWidth: 0) == "")
        #expect("中文".clipped(toWidth: 4) == "中文")
    }

    @Test func aClippedStringEndsInAnEllipsisWithinTheWidth() {
        #expect("abcdef".clipped(toWidth: 4) == "abc…")
        #expect("abcdef".clipped(toWidth: 1) == "…")
        #expect("abcdef".clipped(toWidth: 0) == "")
        #expect("abcdef".clipped(toWidth: -3) == "")
        // A wide character that would cross the edge is left out whole.
        #expect("中文字".clipped(toWidth: 5) == "中文…")
        #expect("中文字".clipped(toWidth: 4) == "中…")
        #expect("e\u{301}e\u{301}e\u{301}".clipped(toWidth: 2) == "e\u{301}…")
        #expect("👍🏽👍🏽".clipped(toWidth: 3) == "👍🏽…")
    }

    @Test func clippingKeepsTheLongestPrefixThatFits() {
        let samples = ["abcdefgh", "a中b文c字", "👍🏽x🇫🇷ye\u{301}z", "ｱｲｳ한국어"]
        for sample in samples {
            for width in 0...(sample.displayWidth + 1) {
                let clipped = sample.clipped(toWidth: width)
                #expect(clipped.displayWidth <= width, "\(sample) in \(width)")
                guard clipped != sample, width > 0 else { continue }
                let prefix = String(clipped.dropLast())
                #expect(clipped.last == "…" && sample.hasPrefix(prefix), "\(sample) in \(width)")
                // One more character would not have fitted beside the ellipsis.
                let next = sample.dropFirst(prefix.count).first?.displayWidth ?? 0
                #expect(prefix.displayWidth + next + 1 > width, "\(sample) in \(width)")
            }
        }
    }

    /// The screen's measure (in the terminal layer, beside the sequences it skips) counts the same columns.
    @Test func aStyledLineIsMeasuredInColumnsWithoutItsEscapes() {
        #expect(ANSI.visibleWidth("\u{1B}[1m中文\u{1B}[0m ok") == 7)
        #expect(ANSI.visibleWidth("\u{1B}[38;5;208m👍🏽\u{1B}[0me\u{301}") == 3)
        #expect(ANSI.visibleWidth("─░█ \u{1B}[2Kx") == 5)
    }

    @Test func paddingCountsColumnsNotCharacters() {
        #expect("Ada".padded(toWidth: 5) == "Ada  ")
        #expect("東京".padded(toWidth: 5) == "東京 ")
        #expect("é".padded(toWidth: 2) == "é ")
        #expect("東京都".padded(toWidth: 5) == "東京都")
    }
}
