import Glibc

/// Writing to a file descriptor, shared by standard output, output files and the terminal.
package enum FileDescriptor {
    /// Writes every byte, retrying short writes and interruptions; returns the errno of a
    /// failure, nil when all was written.
    @discardableResult
    package static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    @discardableResult
    package static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { writeAll(descriptor, $0) }
    }

    @discardableResult
    package static func writeAll(_ descriptor: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    }

    /// Opens `/dev/null` on each of standard input, output and error that is closed, in the
    /// direction that makes every use of it fail with EBADF as a closed one does: the descriptor
    /// stays taken, so no file opened later gets its number and receives standard output.
    package static func occupyClosedStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            // open returns the lowest free number: this one, since those below it are open.
            let opened = open("/dev/null", (descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY) | O_CLOEXEC)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}
