import Glibc
import LAERTestSupport
import Testing

/// The terminal's suites, gathered so that `swift test --filter Terminal` runs them all.
@Suite enum TerminalTests {}

/// A pseudo-terminal pair for tests: the controller side plays the terminal emulator, the
/// device side is what `laer` would have as its standard input.
final class PseudoTerminal {
    private(set) var controller: Int32
    let device: Int32

    init() throws {
        controller = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        try #require(controller >= 0, "cannot open /dev/ptmx: \(String(cString: strerror(errno)))")
        // TIOCSPTLCK and TIOCGPTN, which Glibc's Swift module does not import (function-like macros).
        var unlock: Int32 = 0
        var number: UInt32 = 0
        try #require(ioctl(controller, UInt(0x4004_5431), &unlock) == 0)
        try #require(ioctl(controller, UInt(0x8004_5430), &number) == 0)
        device = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
        try #require(device >= 0, "cannot open /dev/pts/\(number)")
    }

    func attributes() -> termios {
        var settings = termios()
        tcgetattr(device, &settings)
        return settings
    }

    func setSize(rows: UInt16, columns: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
    }

    /// Types on the terminal's keyboard.
    func type(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
    }

    /// Closes the emulator's side, as when its window is closed.
    func hangUp() {
        close(controller)
        controller = -1
    }

    deinit {
        close(device)
        if controller >= 0 { close(controller) }
    }
}

func sameSettings(_ a: termios, _ b: termios) -> Bool {
    var a = a
    var b = b
    return memcmp(&a, &b, MemoryLayout<termios>.size) == 0
}
