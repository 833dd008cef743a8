import LAERTestSupport
import Testing

@testable import LAERTerminal

extension TerminalTests {
    @Suite struct ScreenWriterTests {
        static let size = TerminalSize(rows: 4, columns: 20)

        static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

        @Test func aFullFrameDrawsEveryLineFromTheTopAndClearsBelow() {
            let frame = Self.text(ScreenWriter.fullFrame(["one", "\u{1B}[1mtwo\u{1B}[0m"], size: Self.size))
            #expect(frame == "\u{1B}[H\u{1B}[2Kone\u{1B}[0m\r\n\u{1B}[2K\u{1B}[1mtwo\u{1B}[0m\u{1B}[0m\r\n\u{1B}[J")
        }

        /// A full screen ends without a line break or a clear: the cursor sits on the last row, and
        /// both would scroll it or erase a full-width row's last character.
        @Test func rowsBeyondTheScreenAreDroppedAndTheLastRowEndsWithoutABreak() {
            let frame = Self.text(ScreenWriter.fullFrame(["1", "2", "3", "4", "5", "6"], size: Self.size))
            #expect(frame == "\u{1B}[H\u{1B}[2K1\u{1B}[0m\r\n\u{1B}[2K2\u{1B}[0m\r\n\u{1B}[2K3\u{1B}[0m\r\n\u{1B}[2K4\u{1B}[0m")
            #expect(!frame.contains("5"))
            #expect(frame.components(separatedBy: "\r\n").count == Self.size.rows)
        }

        @Test func lineBreaksInsideALineMakeRows() {
            let frame = Self.text(ScreenWriter.fullFrame(["a\nb", "c\r\nd", "e"], size: Self.size))
            #expect(frame == "\u{1B}[H\u{1B}[2Ka\u{1B}[0m\r\n\u{1B}[2Kb\u{1B}[0m\r\n\u{1B}[2Kc\u{1B}[0m\r\n\u{1B}[2Kd\u{1B}[0m")
        }

        @Test func anEmptyFrameClearsTheScreen() {
            #expect(Self.text(ScreenWriter.fullFrame([], size: Self.size)) == "\u{1B}[H\u{1B}[J")
        }

        @Test func laterFramesRewriteOnlyTheRowsThatChanged() {
            var writer = ScreenWriter()
            #expect(writer.update(["a", "b", "c"], size: Self.size) == ScreenWriter.fullFrame(["a", "b", "c"], size: Self.size))
            #expect(writer.update(["a", "b", "c"], size: Self.size) == [])
            #expect(Self.text(writer.update(["a", "B", "c"], size: Self.size)) == "\u{1B}[2;1H\u{1B}[2KB\u{1B}[0m")
            #expect(Self.text(writer.update(["a", "B", "c", "d", "e"], size: Self.size)) == "\u{1B}[4;1H\u{1B}[2Kd\u{1B}[0m")
            #expect(Self.text(writer.update(["x"], size: Self.size)) == "\u{1B}[1;1H\u{1B}[2Kx\u{1B}[0m\u{1B}[2;1H\u{1B}[J")
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
