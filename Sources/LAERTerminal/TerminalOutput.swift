import LAERSystem

/// Where a full-screen driver writes its frames: the terminal's descriptor, every byte written.
package struct TerminalOutput: Sendable {
    package var descriptor: Int32

    package init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    package func write(_ text: String) {
        FileDescriptor.writeAll(descriptor, text)
    }

    package func write(_ bytes: [UInt8]) {
        FileDescriptor.writeAll(descriptor, bytes)
    }
}

/// The descriptors a driver reads keys from and draws on by default: standard input and output.
package enum StandardTerminal {
    package static let input = StandardStreams.input
    package static let output = StandardStreams.output
}
