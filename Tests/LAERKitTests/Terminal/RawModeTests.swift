import Glibc
import LAERTestSupport
import Testing

@testable import LAERTerminal

extension TerminalTests {
    @Suite struct RawModeTests {
        @Test func rawModeTurnsOffEchoLinesAndSignalsAndRestoreBringsThemBack() throws {
            let terminal = try PseudoTerminal()
            let before = terminal.attributes()
            let mode = try RawMode(descriptor: terminal.device)
            try mode.enter()
            let raw = terminal.attributes()
            #expect(raw.c_lflag & tcflag_t(ECHO | ICANON | ISIG | IEXTEN) == 0)
            #expect(raw.c_iflag & tcflag_t(ICRNL | IXON) == 0)
            #expect(raw.c_oflag & tcflag_t(OPOST) != 0)
            #expect(mode.isActive)
            mode.restore()
            mode.restore()
            #expect(!mode.isActive)
            #expect(sameSettings(terminal.attributes(), before))
        }

        @Test func withRestoresOnReturnAndOnThrow() throws {
            struct Planned: Error {}
            let terminal = try PseudoTerminal()
            let before = terminal.attributes()
            let lflag = try RawMode.with(descriptor: terminal.device) { terminal.attributes().c_lflag }
            #expect(lflag & tcflag_t(ICANON) == 0)
            #expect(sameSettings(terminal.attributes(), before))
            #expect(throws: Planned.self) {
                try RawMode.with(descriptor: terminal.device) { throw Planned() }
            }
            #expect(sameSettings(terminal.attributes(), before))
        }

        @Test func aPipeIsNotATerminal() throws {
            var ends: [Int32] = [-1, -1]
            try #require(pipe(&ends) == 0)
            defer { for end in ends { close(end) } }
            #expect(throws: TerminalError.notATerminal(descriptor: ends[0])) { try RawMode(descriptor: ends[0]) }
            #expect(TerminalError.notATerminal(descriptor: 0).description.hasPrefix("standard input is not a terminal"))
            #expect(TerminalError.notATerminal(descriptor: 0).exitCode == .ioError)
            #expect(TerminalSize.of(descriptor: ends[0]) == nil)
        }

        @Test func sizeIsReadFromTheTerminal() throws {
            let terminal = try PseudoTerminal()
            terminal.setSize(rows: 31, columns: 101)
            #expect(TerminalSize.of(descriptor: terminal.device) == TerminalSize(rows: 31, columns: 101))
            terminal.setSize(rows: 0, columns: 0)
            #expect(TerminalSize.of(descriptor: terminal.device) == nil)
        }
    }
}
