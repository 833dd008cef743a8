import Testing

@testable import LAERSurvey
@testable import LAERValues

@Suite struct TextFieldTests {
    /// A field holding `text` with the cursor `cursor` characters from its start.
    static func field(_ text: String, cursor: Int? = nil) -> TextField {
        var field = TextField(text)
        if let cursor {
            field.apply(.home)
            for _ in 0..<cursor { field.apply(.right) }
        }
        return field
    }

    /// Applies `edit` to `field`: `#expect` cannot expand a mutating call on its own.
    static func apply(_ edit: TextField.Edit, to field: inout TextField) -> Bool { field.apply(edit) }

    @Test func startsWithTheCursorAtTheEnd() {
        #expect(TextField() == Self.field("", cursor: 0))
        #expect(TextField().text == "")
        let field = TextField("héllo 中文")
        #expect(field.text == "héllo 中文")
        #expect(field.cursor == 8)
    }

    @Test func startsCleanedAndCutAsAnInsertWouldBe() {
        #expect(TextField("a\nb\tc\u{07}d").text == "a b cd")
        let long = TextField(String(repeating: "x", count: TextField.maximumLength + 10))
        #expect(long.text.count == TextField.maximumLength)
        #expect(long.cursor == TextField.maximumLength)
    }

    @Test func insertsAtTheCursor() {
        var field = Self.field("ac", cursor: 1)
        #expect(Self.apply(.insert("b"), to: &field))
        #expect(field.text == "abc")
        #expect(field.cursor == 2)
        #expect(Self.apply(.insert("xy"), to: &field))
        #expect(field.text == "abxyc")
        #expect(field.cursor == 4)
    }

    @Test func insertsLineEndsAndTabsAsSpacesAndDropsControls() {
        var field = TextField()
        field.apply(.insert("one\ntwo\r\nthree\rfour\tfive"))
        #expect(field.text == "one two three four five")
        field = TextField()
        field.apply(.insert("a\u{00}b\u{1B}[Ac\u{7F}d\u{9F}e"))
        #expect(field.text == "ab[Acde")
        #expect(field.cursor == 7)
    }

    /// A paste can carry anything: bidi controls and the line separators never get in either.
    @Test func aPasteCannotInsertBidiControlsOrSeparators() {
        var field = TextField()
        field.apply(.insert("Dana\u{202E}live\u{2066}x\u{2069}\u{200F}\u{61C}\u{2028}y\u{2029}z\u{85}w"))
        #expect(field.text == "Danalivex y z w")
        #expect(field.text.unicodeScalars.allSatisfy { !SafeText.isControl($0) })
    }

    @Test func anInsertOfNothingDoesNothing() {
        var field = Self.field("ab", cursor: 1)
        #expect(!Self.apply(.insert(""), to: &field))
        #expect(!Self.apply(.insert("\u{07}\u{7F}"), to: &field))
        #expect(field == Self.field("ab", cursor: 1))
    }

    @Test func anInsertBeyondTheLimitIsCut() {
        var field = TextField(String(repeating: "x", count: TextField.maximumLength - 1))
        #expect(!Self.apply(.insert("abc"), to: &field))
        #expect(field.text.count == TextField.maximumLength)
        #expect(field.text.hasSuffix("xa"))
        #expect(field.cursor == TextField.maximumLength)
        let full = field
        #expect(!Self.apply(.insert("y"), to: &field))
        field.apply(.home)
        #expect(!Self.apply(.insert("y"), to: &field))
        #expect(field.text == full.text)
    }

    /// Composed and decomposed accents, emoji with a modifier, a flag, a family and CJK: one step each.
    @Test func movesAndDeletesWholeCharacters() {
        let text = "e\u{301}é👍🏽🇫🇷👨‍👩‍👧中"
        var field = TextField(text)
        #expect(field.cursor == 6)
        for position in (0..<6).reversed() {
            #expect(Self.apply(.left, to: &field))
            #expect(field.cursor == position)
        }
        #expect(!Self.apply(.left, to: &field))
        var backward = TextField(text)
        var remaining = Array(text)
        while !remaining.isEmpty {
            #expect(Self.apply(.deleteBackward, to: &backward))
            remaining.removeLast()
            #expect(backward.text == String(remaining))
        }
        var forward = Self.field(text, cursor: 0)
        #expect(Self.apply(.deleteForward, to: &forward))
        #expect(forward.text == "é👍🏽🇫🇷👨‍👩‍👧中")
        #expect(forward.cursor == 0)
    }

    @Test func aCombiningMarkTypedAfterItsLetterJoinsIt() {
        var field = TextField("cafe")
        #expect(Self.apply(.insert("\u{301}"), to: &field))
        #expect(field.text == "café")
        #expect(field.text.count == 4)
        #expect(field.cursor == 4)
    }

    @Test func editsAtTheEdgeDoNothing() {
        let empty = TextField()
        for edit: TextField.Edit in [
            .deleteBackward, .deleteForward, .left, .right, .home, .end, .wordLeft, .wordRight, .deleteToStart,
            .deleteToEnd, .deleteWordBackward,
        ] {
            var field = empty
            #expect(!Self.apply(edit, to: &field), "\(edit)")
            #expect(field == empty)
        }
        var start = Self.field("ab", cursor: 0)
        for edit: TextField.Edit in [.left, .home, .wordLeft, .deleteBackward, .deleteToStart, .deleteWordBackward] {
            #expect(!Self.apply(edit, to: &start), "\(edit)")
        }
        var end = TextField("ab")
        for edit: TextField.Edit in [.right, .end, .wordRight, .deleteForward, .deleteToEnd] {
            #expect(!Self.apply(edit, to: &end), "\(edit)")
        }
        #expect(Self.apply(.end, to: &start))
        #expect(Self.apply(.home, to: &end))
    }

    @Test func wordMovesStopAtTheEdgesOfLettersAndDigits() {
        let text = "foo bar-baz  qux"
        var field = TextField(text)
        var stops: [Int] = []
        while field.apply(.wordLeft) { stops.append(field.cursor) }
        #expect(stops == [13, 8, 4, 0])
        stops = []
        while field.apply(.wordRight) { stops.append(field.cursor) }
        #expect(stops == [3, 7, 11, 16])
    }

    @Test func deletingAWordTakesTheSpacesAfterItToo() {
        var field = TextField("foo bar-baz  qux  ")
        #expect(Self.apply(.deleteWordBackward, to: &field))
        #expect(field.text == "foo bar-baz  ")
        #expect(Self.apply(.deleteWordBackward, to: &field))
        #expect(field.text == "foo ")
        #expect(Self.apply(.deleteWordBackward, to: &field))
        #expect(field.text == "")
        #expect(!Self.apply(.deleteWordBackward, to: &field))

        var inside = Self.field("foo bar", cursor: 5)
        #expect(Self.apply(.deleteWordBackward, to: &inside))
        #expect(inside.text == "foo ar")
        #expect(inside.cursor == 4)
    }

    @Test func deletesToEitherEnd() {
        var start = Self.field("hello world", cursor: 5)
        #expect(Self.apply(.deleteToStart, to: &start))
        #expect(start == Self.field(" world", cursor: 0))
        var end = Self.field("hello world", cursor: 5)
        #expect(Self.apply(.deleteToEnd, to: &end))
        #expect(end == Self.field("hello", cursor: 5))
        var forward = Self.field("hello", cursor: 1)
        #expect(Self.apply(.deleteForward, to: &forward))
        #expect(forward == Self.field("hllo", cursor: 1))
    }

    @Test func marksTheCursorInTheText() {
        #expect(TextField().text(withCursor: "|") == "|")
        #expect(Self.field("abc", cursor: 1).text(withCursor: "|") == "a|bc")
        #expect(Self.field("👍🏽中x", cursor: 2).text(withCursor: "|") == "👍🏽中|x")
        #expect(TextField("abc").text(withCursor: "|") == "abc|")
    }

    @Test func aShortTextIsShownWhole() {
        #expect(TextField("abc").window(width: 10, cursorMark: "▮") == "abc▮")
        #expect(TextField("abc").window(width: 4, cursorMark: "▮") == "abc▮")
        #expect(Self.field("abc", cursor: 0).window(width: 4, cursorMark: "▮") == "▮abc")
        #expect(TextField("中文").window(width: 5, cursorMark: "▮") == "中文▮")
    }

    @Test func aLongTextScrollsToKeepTheCursorInView() {
        let text = "abcdefghij"
        #expect(TextField(text).window(width: 6, cursorMark: "▮") == "…ghij▮")
        #expect(Self.field(text, cursor: 0).window(width: 6, cursorMark: "▮") == "▮abcd…")
        #expect(Self.field(text, cursor: 5).window(width: 7, cursorMark: "▮") == "abcde▮…")
        #expect(Self.field(text, cursor: 5).window(width: 6, cursorMark: "▮") == "…e▮fg…")
        #expect(Self.field(text, cursor: 7).window(width: 6, cursorMark: "▮") == "…g▮hij")
        #expect(Self.field(text, cursor: 5).window(width: 2, cursorMark: "▮") == "…▮")
        #expect(Self.field(text, cursor: 5).window(width: 1, cursorMark: "▮") == "▮")
        #expect(Self.field(text, cursor: 5).window(width: 0, cursorMark: "▮") == "")
    }

    @Test func wideCharactersAreNeverCutInHalf() {
        let text = "中文字幕ab"
        #expect(TextField(text).window(width: 6, cursorMark: "▮") == "…幕ab▮")
        #expect(Self.field(text, cursor: 0).window(width: 6, cursorMark: "▮") == "▮中文…")
        #expect(Self.field(text, cursor: 0).window(width: 5, cursorMark: "▮") == "▮中…")
    }

    /// For texts of every kind, every cursor and width: within the width, the cursor shown where it
    /// is, the text around it contiguous, and an ellipsis exactly where the text was cut.
    @Test func everyWindowShowsTheTextAroundTheCursor() {
        let texts = ["", "a", "abcdefghijklmnop", "中文字幕ab中文", "x👍🏽y🇫🇷ze\u{301}w", "a b c d e f g"]
        for text in texts {
            let characters = Array(text)
            for cursor in 0...characters.count {
                let field = Self.field(text, cursor: cursor)
                let before = String(characters[..<cursor])
                let after = String(characters[cursor...])
                for width in 1...(text.displayWidth + 3) {
                    let window = field.window(width: width, cursorMark: "▮")
                    let place = "\(text) at \(cursor) in \(width)"
                    #expect(window.displayWidth <= width, "\(place): \(window)")
                    let parts = window.split(separator: "▮", omittingEmptySubsequences: false)
                    guard parts.count == 2 else {
                        Issue.record("\(place): \(window) has not one cursor")
                        continue
                    }
                    let left = parts[0].hasPrefix("…") ? parts[0].dropFirst() : parts[0]
                    let right = parts[1].hasSuffix("…") ? parts[1].dropLast() : parts[1]
                    #expect(before.hasSuffix(left) && after.hasPrefix(right), "\(place): \(window)")
                    // Too narrow to mark every cut.
                    guard width >= 3 else { continue }
                    #expect((left.count < before.count) == parts[0].hasPrefix("…"), "\(place): \(window)")
                    #expect((right.count < after.count) == parts[1].hasSuffix("…"), "\(place): \(window)")
                    // No column left that the next hidden character would have filled.
                    let nextRight = after.dropFirst(right.count).first?.displayWidth ?? 0
                    let nextLeft = before.dropLast(left.count).last?.displayWidth ?? 0
                    let next = right.count < after.count ? nextRight : nextLeft
                    #expect(window.displayWidth + next > width || window == field.text(withCursor: "▮"), "\(place): \(window)")
                    if text.displayWidth + 1 <= width { #expect(window == field.text(withCursor: "▮")) }
                }
            }
        }
    }

    /// Seeded random edits: the cursor stays in the text, the text clean and within the limit, and
    /// `apply` says false exactly when nothing changed (an insert cut at the limit aside).
    @Test func randomEditsKeepTheFieldWhole() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let inserts = ["a", "Zz", " ", "\n", "\u{301}", "👍🏽", "中", "\u{07}", "", "x y"]
        let moves: [TextField.Edit] = [
            .deleteBackward, .deleteForward, .left, .right, .home, .end, .wordLeft, .wordRight, .deleteToStart,
            .deleteToEnd, .deleteWordBackward,
        ]
        var field = TextField()
        for _ in 0..<3_000 {
            let edit = random(3) == 0 ? moves[random(moves.count)] : .insert(inserts[random(inserts.count)])
            let old = field
            let changed = field.apply(edit)
            #expect(changed == (field != old), "\(edit) on \(old)")
            #expect((0...field.text.count).contains(field.cursor))
            #expect(!field.text.unicodeScalars.contains { $0.properties.generalCategory == .control })
        }
    }
}
