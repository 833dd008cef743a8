import Testing
@testable import LAERKit

extension TerminalTests {
    @Suite struct ScreenWriterTests {
        static let size = TerminalSize(rows: 4, columns: 20)

        static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

        @Test func aFullFrameDrawsEveryLineFromTheTopAndClearsBelow() {
            let frame = Self.text(ScreenWriter.fullFrame(["one", "\u{1B}[1mtwo\u{1B}[0m"], size: Self.size))
            #expect(frame == "\u{1B}[Hone\u{1B}[0m\u{1B}[K\r\n\u{1B}[1mtwo\u{1B}[0m\u{1B}[0m\u{1B}[K\u{1B}[J")
        }

        @Test func rowsBeyondTheScreenAreDroppedAndTheLastRowEndsWithoutABreak() {
            let frame = Self.text(ScreenWriter.fullFrame(["1", "2", "3", "4", "5", "6"], size: Self.size))
            #expect(frame == "\u{1B}[H1\u{1B}[0m\u{1B}[K\r\n2\u{1B}[0m\u{1B}[K\r\n3\u{1B}[0m\u{1B}[K\r\n4\u{1B}[0m\u{1B}[K\u{1B}[J")
            #expect(!frame.contains("5"))
            #expect(frame.components(separatedBy: "\r\n").count == Self.size.rows)
        }

        @Test func lineBreaksInsideALineMakeRows() {
            let frame = Self.text(ScreenWriter.fullFrame(["a\nb", "c\r\nd", "e"], size: Self.size))
            #expect(frame == "\u{1B}[Ha\u{1B}[0m\u{1B}[K\r\nb\u{1B}[0m\u{1B}[K\r\nc\u{1B}[0m\u{1B}[K\r\nd\u{1B}[0m\u{1B}[K\u{1B}[J")
        }

        @Test func anEmptyFrameClearsTheScreen() {
            #expect(Self.text(ScreenWriter.fullFrame([], size: Self.size)) == "\u{1B}[H\u{1B}[J")
        }

        @Test func laterFramesRewriteOnlyTheRowsThatChanged() {
            var writer = ScreenWriter()
            #expect(writer.update(["a", "b", "c"], size: Self.size) == ScreenWriter.fullFrame(["a", "b", "c"], size: Self.size))
            #expect(writer.update(["a", "b", "c"], size: Self.size) == [])
            #expect(Self.text(writer.update(["a", "B", "c"], size: Self.size)) == "\u{1B}[2;1HB\u{1B}[0m\u{1B}[K")
            #expect(Self.text(writer.update(["a", "B", "c", "d", "e"], size: Self.size)) == "\u{1B}[4;1Hd\u{1B}[0m\u{1B}[K")
            #expect(Self.text(writer.update(["x"], size: Self.size)) == "\u{1B}[1;1Hx\u{1B}[0m\u{1B}[K\u{1B}[2;1H\u{1B}[J")
        }

        @Test func aNewSizeOrInvalidateDrawsTheWholeFrameAgain() {
            var writer = ScreenWriter()
            _ = writer.update(["a", "b"], size: Self.size)
            let wider = TerminalSize(rows: 4, columns: 40)
            #expect(writer.update(["a", "b"], size: wider) == ScreenWriter.fullFrame(["a", "b"], size: wider))
            #expect(writer.update(["a", "b"], size: wider) == [])
            writer.invalidate()
            #expect(writer.update(["a", "b"], size: wider) == ScreenWriter.fullFrame(["a", "b"], size: wider))
        }

        @Test func ansiSequences() {
            #expect(ANSI.moveTo(row: 3, column: 7) == "\u{1B}[3;7H")
            #expect(ANSI.enterAlternateScreen == "\u{1B}[?1049h")
            #expect(ANSI.leaveAlternateScreen == "\u{1B}[?1049l")
        }
    }
}
