/// Byte strings packed in one buffer, so that hot loops on several threads read them without
/// reference counting (an array of arrays retains each inner array it hands out).
///
/// Immutable.
package final class PackedBytes: @unchecked Sendable {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let starts: UnsafeMutableBufferPointer<Int>
    package let count: Int

    package init(_ strings: [[UInt8]]) {
        count = strings.count
        bytes = .allocate(capacity: max(1, strings.reduce(0) { $0 + $1.count }))
        starts = .allocate(capacity: strings.count + 1)
        var offset = 0
        for (index, string) in strings.enumerated() {
            starts[index] = offset
            for byte in string {
                bytes[offset] = byte
                offset += 1
            }
        }
        starts[strings.count] = offset
    }

    package subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[starts[index]..<starts[index + 1]])
    }

    /// Where `bytes` stand among the strings, the first place if twice.
    package func firstIndex(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for index in 0..<count {
            let entry = self[index]
            guard entry.count == bytes.count else { continue }
            var position = 0
            while position < bytes.count, bytes[position] == entry[position] { position += 1 }
            if position == bytes.count { return index }
        }
        return nil
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
    }
}
