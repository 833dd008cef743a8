import Foundation
import Glibc
import LAERTestSupport
import Testing

@testable import LAERTerminal

extension TerminalTests {
    /// The two line sources split alike: at LF, one CR before it dropped, a last line kept.
    ///
    /// The descriptor's tests are among `TerminalEventsTests`, which run one at a time: a process
    /// has one reader of terminal events.
    @Suite struct LineSourceTests {
        static func lines(_ source: some LineSource) -> [String] {
            var lines: [String] = []
            while case .line(let line) = source.nextLine() { lines.append(line) }
            return lines
        }

        /// What a pipe gives `DescriptorLineSource`, written in pieces of `piece` bytes.
        static func piped(_ bytes: [UInt8], piece: Int) throws -> [String] {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            let (reading, writing) = (ends[0], ends[1])
            let writer = Thread {
                for start in stride(from: 0, to: bytes.count, by: piece) {
                    let part = Array(bytes[start..<min(start + piece, bytes.count)])
                    _ = part.withUnsafeBytes { write(writing, $0.baseAddress, $0.count) }
                }
                close(writing)
            }
            writer.start()
            defer { close(reading) }
            let source = try DescriptorLineSource(descriptor: reading)
            return lines(source)
        }

        static let cases: [(String, [String])] = [
            ("", []),
            ("a", ["a"]),
            ("a\n", ["a"]),
            ("a\r\nb\r\n", ["a", "b"]),
            ("a\r\n\r\n", ["a", ""]),
            ("a\rb\n", ["a\rb"]),
            ("a\r", ["a\r"]),
            ("\n\n", ["", ""]),
            ("é\r\n€", ["é", "€"]),
        ]

        @Test(arguments: cases)
        func theBufferedSourceSplitsAsTheTerminalDoes(_ input: String, _ expected: [String]) {
            #expect(Self.lines(BufferedLineSource(Array(input.utf8))) == expected)
        }
    }
}

extension TerminalTests.TerminalEventsTests {
    @Test(arguments: TerminalTests.LineSourceTests.cases)
    func theDescriptorSourceSplitsAPipe(_ input: String, _ expected: [String]) throws {
        #expect(try TerminalTests.LineSourceTests.piped(Array(input.utf8), piece: 1) == expected)
    }

    /// Many lines and one long line, arriving in small pieces, come out whole and in order.
    @Test func manyLinesInSmallPiecesComeOutWhole() throws {
        let long = String(repeating: "x", count: 200_000)
        let many = (0..<2_000).map { "line \($0)" }
        let text = many.joined(separator: "\r\n") + "\n" + long + "\nlast"
        #expect(try TerminalTests.LineSourceTests.piped(Array(text.utf8), piece: 4_093) == many + [long, "last"])
        #expect(TerminalTests.LineSourceTests.lines(BufferedLineSource(Array(text.utf8))) == many + [long, "last"])
    }
}
