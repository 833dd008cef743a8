import LAERTestSupport
import Testing

@testable import LAERTerminal

extension TerminalTests {
    @Suite struct KeyDecoderTests {
        static let e: UInt8 = 0x1B

        static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

        /// Every key with one or more byte sequences a terminal sends for it.
        static let table: [([UInt8], [Key])] = [
            (bytes("a"), [.character("a")]),
            (bytes(" ~"), [.character(" "), .character("~")]),
            (bytes("é"), [.character("é")]),
            (bytes("€"), [.character("€")]),
            (bytes("𝄞"), [.character("𝄞")]),
            ([0x0D], [.enter]),
            ([0x0A], [.enter]),
            ([0x0D, 0x0A], [.enter]),
            ([0x0D, 0x0D], [.enter, .enter]),
            ([0x0A, 0x0A], [.enter, .enter]),
            ([0x7F], [.backspace]),
            ([0x08], [.backspace]),
            ([0x09], [.tab]),
            ([0x03], [.interrupt]),
            ([0x04], [.endOfFile]),
            ([0x0C], [.control(0x0C)]),
            ([0x00], [.control(0x00)]),
            ([0x1F], [.control(0x1F)]),
            ([e] + bytes("[A"), [.up]),
            ([e] + bytes("[B"), [.down]),
            ([e] + bytes("[C"), [.right]),
            ([e] + bytes("[D"), [.left]),
            ([e] + bytes("OA"), [.up]),
            ([e] + bytes("OB"), [.down]),
            ([e] + bytes("OC"), [.right]),
            ([e] + bytes("OD"), [.left]),
            ([e] + bytes("OH"), [.home]),
            ([e] + bytes("OF"), [.end]),
            ([e] + bytes("OM"), [.enter]),
            ([e] + bytes("[H"), [.home]),
            ([e] + bytes("[F"), [.end]),
            ([e] + bytes("[1~"), [.home]),
            ([e] + bytes("[7~"), [.home]),
            ([e] + bytes("[4~"), [.end]),
            ([e] + bytes("[8~"), [.end]),
            ([e] + bytes("[5~"), [.pageUp]),
            ([e] + bytes("[6~"), [.pageDown]),
            ([e] + bytes("[3~"), [.delete]),
            ([e] + bytes("[Z"), [.backTab]),
            ([e] + bytes("[1;5A"), [.up]),
            ([e] + bytes("[1;2D"), [.left]),
            ([e] + bytes("[3;5~"), [.delete]),
            ([e] + bytes("[5;3~"), [.pageUp]),
            // Unknown sequences are swallowed whole: F5, insert, F1 over SS3, a cursor report, SGR mouse, Alt-x.
            ([e] + bytes("[15~x"), [.character("x")]),
            ([e] + bytes("[2~x"), [.character("x")]),
            ([e] + bytes("OPx"), [.character("x")]),
            ([e] + bytes("[12;40Rx"), [.character("x")]),
            ([e] + bytes("[<0;10;5Mx"), [.character("x")]),
            ([e] + bytes("[?1;2cx"), [.character("x")]),
            ([e] + bytes("[1234567~x"), [.character("x")]),
            ([e] + bytes("xy"), [.character("y")]),
            // ESC before something that cannot follow it in a sequence is the Escape key.
            ([e, e] + bytes("[A"), [.escape, .up]),
            ([e, 0x0D], [.escape, .enter]),
            ([e] + bytes("é"), [.escape, .character("é")]),
            // A sequence broken by a control byte is dropped up to that byte.
            ([e] + bytes("[1") + [0x0D], [.enter]),
            // Invalid UTF-8 is dropped byte by byte, whatever follows is read.
            ([0x80, 0x41], [.character("A")]),
            ([0xC0, 0xAF, 0x41], [.character("A")]),
            ([0xC3, 0x41], [.character("A")]),
            ([0xE0, 0x80, 0x80, 0x41], [.character("A")]),
            ([0xED, 0xA0, 0x80, 0x41], [.character("A")]),
            ([0xF4, 0x90, 0x80, 0x80, 0x41], [.character("A")]),
            ([0xF5, 0x41], [.character("A")]),
            ([0xFF, 0xFE, 0x41], [.character("A")]),
            (bytes("añ") + [0x0D], [.character("a"), .character("ñ"), .enter]),
        ]

        @Test(arguments: table.indices)
        func decodesEveryKey(_ index: Int) {
            let (input, expected) = Self.table[index]
            var decoder = KeyDecoder()
            #expect(decoder.decode(input) == expected, "bytes \(input)")
            #expect(!decoder.hasPendingEscape)
            #expect(decoder.flushPending() == [])
        }

        /// Every split of every table entry, and of all entries in a row, decodes to the same keys.
        @Test func splitsAnywhereDecodeTheSame() {
            let all = Self.table.flatMap(\.0)
            for input in Self.table.map(\.0) + [all] {
                var whole = KeyDecoder()
                let reference = whole.decode(input)
                for cut in 0...input.count {
                    var decoder = KeyDecoder()
                    let keys = decoder.decode(Array(input[..<cut])) + decoder.decode(Array(input[cut...]))
                    #expect(keys == reference, "bytes \(input) cut at \(cut)")
                }
            }
            var whole = KeyDecoder()
            var oneByOne = KeyDecoder()
            #expect(all.flatMap { oneByOne.decode([$0]) } == whole.decode(all))
            // Side by side, only a CR ending one entry and an LF starting the next merge into one line end.
            var fresh = KeyDecoder()
            #expect(fresh.decode(all).count == Self.table.flatMap(\.1).count - 2)
        }

        @Test func aLoneEscapeWaitsForMoreOrAFlush() {
            var decoder = KeyDecoder()
            #expect(decoder.decode([Self.e]) == [])
            #expect(decoder.hasPendingEscape)
            #expect(decoder.flushPending() == [.escape])
            #expect(!decoder.hasPendingEscape)
            #expect(decoder.flushPending() == [])

            #expect(decoder.decode([Self.e]) == [])
            #expect(decoder.decode(Array("[A".utf8)) == [.up])
            #expect(!decoder.hasPendingEscape)

            #expect(decoder.decode(Array("q".utf8) + [Self.e]) == [.character("q")])
            #expect(decoder.hasPendingEscape)
            #expect(decoder.flushPending() == [.escape])
        }

        @Test func anUnfinishedSequenceIsDroppedOnFlush() {
            var decoder = KeyDecoder()
            #expect(decoder.decode([Self.e] + Array("[1;".utf8)) == [])
            #expect(decoder.hasPendingEscape)
            #expect(decoder.flushPending() == [])
            #expect(decoder.decode(Array("A".utf8)) == [.character("A")])

            #expect(decoder.decode([0xE2, 0x82]) == [])
            #expect(!decoder.hasPendingEscape)
            #expect(decoder.flushPending() == [])
            #expect(decoder.decode([0xAC]) == [])
        }

        @Test func aSequenceThatNeverEndsIsDroppedUpToItsFinalByte() {
            var decoder = KeyDecoder()
            let endless = [Self.e, UInt8(ascii: "[")] + [UInt8](repeating: UInt8(ascii: "1"), count: 100)
            #expect(decoder.decode(endless) == [])
            #expect(!decoder.hasPendingEscape)
            #expect(decoder.decode(Array("1x".utf8)) == [])
            #expect(decoder.decode(Array("y".utf8)) == [.character("y")])
        }

        /// ESC [ with 40 parameter bytes and A is garbage, not the Up key, however it is split.
        @Test(arguments: [0, 1, 2, 20, 33, 34, 41, 42])
        func anOverlongSequenceIsDroppedWholeWhereverItIsSplit(at point: Int) {
            let bytes =
                [Self.e, UInt8(ascii: "[")] + [UInt8](repeating: UInt8(ascii: "1"), count: 40) + Array("Ab".utf8)
            var decoder = KeyDecoder()
            let keys = decoder.decode(Array(bytes[..<point])) + decoder.decode(Array(bytes[point...]))
            #expect(keys == [.character("b")])
        }

        /// A sequence broken off by a byte that cannot be in one leaves that byte to be read.
        @Test(arguments: [0, 20, 40])
        func anOverlongSequenceBrokenOffLeavesTheByteThatBrokeIt(at point: Int) {
            let bytes = [Self.e, UInt8(ascii: "[")] + [UInt8](repeating: UInt8(ascii: "1"), count: 40) + [0x0D]
            var decoder = KeyDecoder()
            let keys = decoder.decode(Array(bytes[..<point])) + decoder.decode(Array(bytes[point...]))
            #expect(keys == [.enter])
        }

        @Test(arguments: [[0xC2, 0x9B] as [UInt8], [0xC2, 0x80], [0xC2, 0x9F]])
        func aC1ControlTypedAsUTF8IsNoCharacter(_ control: [UInt8]) {
            var decoder = KeyDecoder()
            #expect(decoder.decode(Array("a".utf8) + control + Array("b".utf8)) == [.character("a"), .character("b")])
        }

        @Test func aLineFeedAfterAFlushIsItsOwnEnter() {
            var decoder = KeyDecoder()
            #expect(decoder.decode([0x0D]) == [.enter])
            #expect(decoder.decode([0x0A]) == [])
            #expect(decoder.decode([0x0A]) == [.enter])
            #expect(decoder.decode([0x0D, 0x41, 0x0A]) == [.enter, .character("A"), .enter])
        }

        /// The keys of `input` fed to one decoder in pieces of `length()` bytes, then flushed.
        static func decodedInPieces(_ input: [UInt8], length: () -> Int) -> [Key] {
            var decoder = KeyDecoder()
            var keys: [Key] = []
            var start = 0
            while start < input.count {
                let end = min(input.count, start + length())
                keys += decoder.decode(Array(input[start..<end]))
                start = end
            }
            return keys + decoder.flushPending()
        }

        /// Seeded random bytes, split at random: no crash, and the keys do not depend on the splits.
        @Test func garbageDecodesTheSameHoweverSplit() {
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            func random(_ bound: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(bound))
            }
            let alphabet: [UInt8] = [
                0x1B, 0x5B, 0x4F, 0x31, 0x3B, 0x7E, 0x41, 0x0D, 0x0A, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9D, 0xFF, 0x03, 0x7F,
            ]
            for _ in 0..<300 {
                let input = (0..<random(40)).map { _ in random(3) == 0 ? UInt8(random(256)) : alphabet[random(alphabet.count)] }
                let keys = Self.decodedInPieces(input) { 1 + random(5) }
                #expect(keys == Self.decodedInPieces(input) { input.count + 1 }, "bytes \(input)")
            }
        }

        static let pasteStart: [UInt8] = [e] + bytes("[200~")
        static let pasteEnd: [UInt8] = [e] + bytes("[201~")

        /// Every byte a paste may hold: line ends, a cursor key, Ctrl-C and Ctrl-D, DEL, a C1
        /// control, invalid UTF-8 and a start marker, all text or dropped, never keys.
        static let pasteContent: [UInt8] =
            bytes("ab\r\nc\rd\ne\r\r\nf\t") + [e] + bytes("[A") + [0x03, 0x04, 0x7F, 0x08, 0x00]
            + bytes("é") + [0xC2, 0x85, 0xFF] + bytes("中") + pasteStart + bytes("g")
        static let pastedText = "ab\nc\nd\ne\n\nf\t[Aé\u{FFFD}中[200~g"

        @Test func aPasteIsOneKeyWhateverItsBytes() {
            var decoder = KeyDecoder()
            let input = Self.bytes("x") + Self.pasteStart + Self.pasteContent + Self.pasteEnd + Self.bytes("y")
            let keys = decoder.decode(input)
            #expect(keys == [.character("x"), .paste(Self.pastedText), .character("y")])
            #expect(!decoder.isPasting)
            #expect(decoder.flushPending() == [])
        }

        /// Every way of cutting a paste in three, markers included, decodes the same.
        @Test func aPasteSplitAnywhereDecodesTheSame() {
            let input = Self.bytes("x") + Self.pasteStart + Self.pasteContent + Self.pasteEnd + Self.bytes("y")
            let expected: [Key] = [.character("x"), .paste(Self.pastedText), .character("y")]
            for first in 0...input.count {
                for second in first...input.count {
                    var decoder = KeyDecoder()
                    let keys =
                        decoder.decode(Array(input[..<first])) + decoder.decode(Array(input[first..<second]))
                        + decoder.decode(Array(input[second...]))
                    #expect(keys == expected, "cut at \(first) and \(second)")
                }
            }
            var oneByOne = KeyDecoder()
            #expect(input.flatMap { oneByOne.decode([$0]) } == expected)
        }

        @Test func aPasteOfNothingIsNoKey() {
            var decoder = KeyDecoder()
            #expect(decoder.decode(Self.pasteStart + Self.pasteEnd) == [])
            #expect(decoder.decode(Self.pasteStart + [0x07, 0x1B, 0x7F] + Self.pasteEnd) == [])
            #expect(decoder.decode(Self.bytes("z")) == [.character("z")])
        }

        @Test func aLineEndAfterThePasteIsAKeyAgain() {
            var decoder = KeyDecoder()
            let input = Self.pasteStart + Self.bytes("x\r") + Self.pasteEnd + [0x0A, 0x03]
            #expect(decoder.decode(input) == [.paste("x\n"), .enter, .interrupt])
        }

        @Test func aLongPasteKeepsItsFirstBytes() {
            let limit = KeyDecoder.longestPaste
            var decoder = KeyDecoder()
            // Dropped controls take no room; what is past the limit is neither kept nor keys.
            let input = Self.pasteStart + [0x07, 0x07] + Array(repeating: UInt8(ascii: "x"), count: limit + 5_000) + [0x03]
            var keys: [Key] = []
            for start in stride(from: 0, to: input.count, by: 4_096) {
                keys += decoder.decode(Array(input[start..<min(input.count, start + 4_096)]))
            }
            #expect(keys == [])
            keys = decoder.decode(Self.pasteEnd + Self.bytes("y"))
            #expect(keys == [.paste(String(repeating: "x", count: limit)), .character("y")])
        }

        @Test func aCharacterCutByTheLimitIsLeftOut() {
            let limit = KeyDecoder.longestPaste
            var decoder = KeyDecoder()
            let content = Array(repeating: UInt8(ascii: "x"), count: limit - 1) + Self.bytes("éz")
            let keys = decoder.decode(Self.pasteStart + content + Self.pasteEnd)
            #expect(keys == [.paste(String(repeating: "x", count: limit - 1))])
        }

        @Test func aPasteWithoutItsEndEndsOnFlush() {
            var decoder = KeyDecoder()
            #expect(decoder.decode(Self.pasteStart + Self.bytes("ab\r")) == [])
            #expect(decoder.isPasting)
            #expect(!decoder.hasPendingEscape)
            #expect(decoder.decode(Self.bytes("\ncd") + [0x03]) == [])
            #expect(decoder.flushPending() == [.paste("ab\ncd")])
            #expect(!decoder.isPasting)
            #expect(decoder.decode(Self.bytes("q") + [0x03]) == [.character("q"), .interrupt])
            // The end marker, should it come late, is swallowed as an unknown sequence.
            #expect(decoder.decode(Self.pasteEnd + Self.bytes("r")) == [.character("r")])
        }

        @Test func theStartOfAnEndMarkerWaitsAndIsDroppedOnFlush() {
            var decoder = KeyDecoder()
            #expect(decoder.decode(Self.pasteStart + Self.bytes("ab") + [Self.e] + Self.bytes("[20")) == [])
            #expect(decoder.isPasting)
            #expect(!decoder.hasPendingEscape)
            #expect(decoder.flushPending() == [.paste("ab")])
            #expect(decoder.decode(Self.bytes("1~")) == [.character("1"), .character("~")])

            var empty = KeyDecoder()
            #expect(empty.decode(Self.pasteStart) == [])
            #expect(empty.isPasting)
            #expect(empty.flushPending() == [])
            #expect(!empty.isPasting)
        }

        @Test func theStartOfAStartMarkerIsAnUnfinishedSequence() {
            var decoder = KeyDecoder()
            #expect(decoder.decode([Self.e] + Self.bytes("[20")) == [])
            #expect(decoder.hasPendingEscape)
            #expect(!decoder.isPasting)
            #expect(decoder.flushPending() == [])
            #expect(decoder.decode(Self.bytes("0~a")) == [.character("0"), .character("~"), .character("a")])
        }

        /// Seeded random pieces of pastes, keys and markers: the keys do not depend on the splits.
        @Test func pastesAmongKeysDecodeTheSameHoweverSplit() {
            var state: UInt64 = 0xD1B5_4A32_D192_ED03
            func random(_ bound: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(bound))
            }
            let pieces: [[UInt8]] = [
                Self.pasteStart, Self.pasteEnd, Self.pasteStart, Self.pasteEnd, [Self.e], Self.bytes("["), Self.bytes("2"),
                Self.bytes("0"), Self.bytes("1"), Self.bytes("~"), [0x0D], [0x0A], Self.bytes("a"), [0x03], [0xC3], [0xA9],
            ]
            for _ in 0..<500 {
                let input = (0..<random(30)).flatMap { _ in pieces[random(pieces.count)] }
                let keys = Self.decodedInPieces(input) { 1 + random(7) }
                #expect(keys == Self.decodedInPieces(input) { input.count + 1 }, "bytes \(input)")
            }
        }
    }
}
